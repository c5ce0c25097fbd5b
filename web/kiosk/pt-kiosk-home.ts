// Home: the themes as big tiles, each with its roll-up in words and its "new" count.
import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { PublicSummary } from '../../server/contracts/index.js';
import { PtKioskElement } from './light.js';
import { contentText, content } from './content.js';
import { t, type Lang } from './i18n.js';
import { readAloudButton } from './speech.js';

@customElement('pt-kiosk-home')
export class PtKioskHome extends PtKioskElement {
  @property({ attribute: false }) summary: PublicSummary | null = null;
  @property() language: Lang = 'en';

  private rollup(theme: PublicSummary['themes'][number]) {
    const name = contentText(theme.name, theme.nameCy);
    return theme.promiseCount
      ? t('theme.rollup', { name, onTrack: theme.onTrackCount, total: theme.promiseCount })
      : t('theme.rollupNone', { name });
  }

  override render() {
    const summary = this.summary;
    if (!summary) return nothing;
    return html`
      <h1 class="pt-kiosk-title" tabindex="-1">${t('app.title')}</h1>
      <div class="pt-kiosk-intro">
        <p>${t('home.intro')}</p>
        ${readAloudButton(t('app.title'), () =>
          [t('home.intro'), ...summary.themes.map((th) => this.rollup(th))].join('. '),
        )}
      </div>
      <ul class="pt-kiosk-tiles" aria-label=${t('home.themesLabel')}>
        ${summary.themes.map(
          (theme) =>
            html`<li class="pt-kiosk-tile" data-colour=${theme.colour}>
              <button
                type="button"
                class="pt-kiosk-tile__button"
                data-theme-id=${theme.id}
                @click=${() => this.open(theme.id)}
              >
                <span class="pt-kiosk-tile__name">${content(theme.name, theme.nameCy)}</span>
                <span class="pt-kiosk-tile__rollup">${this.rollup(theme)}</span>
                ${
                  theme.newCount
                    ? html`<span class="pt-kiosk-badge">★ ${t('badge.newCount', { n: theme.newCount })}</span>`
                    : nothing
                }
              </button>
            </li>`,
        )}
      </ul>
    `;
  }

  override updated() {
    // Theme colours come from data: set as custom properties (allowed by the CSP), never style=.
    this.querySelectorAll<HTMLElement>('.pt-kiosk-tile').forEach((el) =>
      el.style.setProperty('--pt-theme-colour', el.dataset.colour ?? '#1d70b8'),
    );
  }

  private open(themeId: number) {
    this.dispatchEvent(new CustomEvent('pt-kiosk-open-theme', { detail: { themeId }, bubbles: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-kiosk-home': PtKioskHome;
  }
}
