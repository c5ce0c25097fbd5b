// Shared bits of kiosk markup: content in the chosen language with a marker where Welsh is
// missing, the child status words with their icons, and the "new" badge.
import { html, nothing } from 'lit';
import type { ChildStatus } from '../../server/contracts/index.js';
import { pick, t, type MessageKey } from './i18n.js';

/** Council-written content: Welsh where written, otherwise English marked as such. */
export function content(english: string, welsh: string) {
  const shown = pick(english, welsh);
  if (!shown.missingWelsh) return html`${shown.text}`;
  return html`<span lang="en">${shown.text}</span> <span class="pt-kiosk-marker">${t('welsh.missing')}</span>`;
}

/** A short label inside a sentence (an age group): Welsh where written, else English marked lang="en", no marker. */
export function label(english: string, welsh: string) {
  const shown = pick(english, welsh);
  return shown.missingWelsh ? html`<span lang="en">${shown.text}</span>` : html`${shown.text}`;
}

/**
 * A catalogue sentence with one piece of content in it, so the sentence stays in the chosen
 * language while the content keeps its own markup (e.g. an English quote marked lang="en").
 */
export function sentence(key: MessageKey, slot: string, piece: unknown, params: Record<string, string> = {}) {
  const [before = '', after = ''] = t(key, { ...params, [slot]: '\u0000' }).split('\u0000');
  return html`${before}${piece}${after}`;
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
