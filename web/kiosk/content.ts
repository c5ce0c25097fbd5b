// Shared bits of kiosk markup: content in the chosen language with a marker where Welsh is
// missing, the child status words with their icons, and the "new" badge.
import { html, nothing } from 'lit';
import type { ChildStatus } from '../../server/contracts/index.js';
import { pick, t } from './i18n.js';

/** Council-written content: Welsh where written, otherwise English marked as such. */
export function content(english: string, welsh: string) {
  const shown = pick(english, welsh);
  if (!shown.missingWelsh) return html`${shown.text}`;
  return html`<span lang="en">${shown.text}</span> <span class="pt-kiosk-marker">${t('welsh.missing')}</span>`;
}

/** Plain text of the same, for reading aloud. */
export const contentText = (english: string, welsh: string) => pick(english, welsh).text;

const ICONS: Record<ChildStatus, string> = {
  done: '✓',
  doing: '➜',
  not_started: '○',
  stuck: '!',
  cant: '✕',
};

export function statusTag(status: ChildStatus) {
  return html`<span class="pt-kiosk-status pt-kiosk-status--${status}"
    ><span class="pt-kiosk-status__icon" aria-hidden="true">${ICONS[status]}</span> ${t(`status.${status}`)}</span
  >`;
}

export function newBadge(isNew: boolean) {
  return isNew ? html`<span class="pt-kiosk-badge">★ ${t('badge.new')}</span>` : nothing;
}
