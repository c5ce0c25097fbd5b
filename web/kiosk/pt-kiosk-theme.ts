// One theme: its promises as big buttons, each with whether it is on track and a "new" badge.
import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { PublicSummary } from '../../server/contracts/index.js';
import { PtKioskElement } from './light.js';
import { content, contentText, newBadge } from './content.js';
import { t, type Lang } from './i18n.js';
import { readAloudButton } from './pt-kiosk-read-aloud.js';
import { themeIcon } from './icons.js';
import { progressList, progressText } from './pt-kiosk-home.js';

const trackWords = (onTrack: boolean | null) =>
  onTrack === null ? t('promise.notChecked') : onTrack ? t('promise.onTrack') : t('promise.notOnTrack');

@customElement('pt-kiosk-theme')
export class PtKioskTheme extends PtKioskElement {
  @property({ attribute: false }) summary: PublicSummary | null = null;
  @property({ type: Number }) themeId = 0;
  @property() language: Lang = 'en';

  override render() {
    const theme = this.summary?.themes.find((th) => th.id === this.themeId);
    if (!this.summary || !theme) return nothing;
    const list = this.summary.promises.filter((p) => p.themeId === theme.id);
    const name = contentText(theme.name, theme.nameCy);
    return html`
      <h1 class="pt-kiosk-title pt-kiosk-title--theme" tabindex="-1">
        ${themeIcon(theme.icon, 'pt-kiosk-icon pt-kiosk-title__icon', true)}${content(theme.name, theme.nameCy)}
      </h1>
      <div class="pt-kiosk-intro">
        <p>${progressList(theme)}</p>
        ${readAloudButton(name, () =>
          [
            name,
            progressText(theme),
            ...list.map((p) => `${contentText(p.text, p.textCy)}. ${trackWords(p.onTrack)}`),
          ].join('. '),
        )}
      </div>
      <ul class="pt-kiosk-list" aria-label=${t('theme.promisesLabel')}>
        ${list.map(
          (p) =>
            html`<li>
              <button
                type="button"
                class="pt-kiosk-promise-button"
                data-promise-id=${p.id}
                @click=${() => this.open(p.id)}
              >
                <span class="pt-kiosk-promise-button__text">${content(p.text, p.textCy)}</span>
                <span
                  class="pt-kiosk-track pt-kiosk-track--${p.onTrack === null ? 'unknown' : p.onTrack ? 'yes' : 'no'}"
                  ><span aria-hidden="true">${p.onTrack === null ? '?' : p.onTrack ? '✓' : '…'}</span>
                  ${trackWords(p.onTrack)}</span
                >
                ${newBadge(p.isNew)}
              </button>
            </li>`,
        )}
      </ul>
    `;
  }

  private open(promiseId: number) {
    this.dispatchEvent(new CustomEvent('pt-kiosk-open-promise', { detail: { promiseId }, bubbles: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-kiosk-theme': PtKioskTheme;
  }
}
