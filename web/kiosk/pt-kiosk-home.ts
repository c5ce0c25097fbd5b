// Home: the themes as big picture tiles filling the screen, each with how its promises are doing
// in words (a promise nobody has checked is "not checked yet", never "not on track") and its
// "new" count. A tile names its theme once.
import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { PublicSummary } from '../../server/contracts/index.js';
import { PtKioskElement } from './light.js';
import { contentText, content } from './content.js';
import { t, type Lang } from './i18n.js';
import { themeIcon } from './icons.js';
import { readAloudButton } from './pt-kiosk-read-aloud.js';

type Theme = PublicSummary['themes'][number];

type Phrase = { kind: 'count' | 'yes' | 'no' | 'unknown'; text: string };
/** A shape for each kind, so the words never rely on colour alone. */
const MARK: Record<Phrase['kind'], string> = { count: '', yes: '✓', no: '…', unknown: '?' };

/** How a theme's promises are doing, as short phrases: "2 on track", "1 not checked yet". */
export function themeProgress(theme: Theme): Phrase[] {
  if (!theme.promiseCount) return [{ kind: 'count', text: t('theme.rollupNone') }];
  const count: Phrase = {
    kind: 'count',
    text: theme.promiseCount === 1 ? t('tile.countOne') : t('tile.count', { n: theme.promiseCount }),
  };
  if (!theme.checkedCount) return [count, { kind: 'unknown', text: t('tile.noneChecked') }];
  const notYet = theme.checkedCount - theme.onTrackCount;
  const unchecked = theme.promiseCount - theme.checkedCount;
  const parts: Phrase[] = [count];
  if (theme.onTrackCount) parts.push({ kind: 'yes', text: t('tile.onTrack', { n: theme.onTrackCount }) });
  if (notYet) parts.push({ kind: 'no', text: t('tile.notYet', { n: notYet }) });
  if (unchecked) parts.push({ kind: 'unknown', text: t('tile.notChecked', { n: unchecked }) });
  return parts;
}

/** The phrases in words for reading aloud. */
export const progressText = (theme: Theme) =>
  themeProgress(theme)
    .map((p) => p.text)
    .join(', ');

/** The phrases as a row of tags, each with a shape as well as a colour. */
export function progressList(theme: Theme) {
  return html`<span class="pt-kiosk-progress">
    ${themeProgress(theme).map((p) =>
      p.kind === 'count'
        ? html`<span class="pt-kiosk-progress__count">${p.text}</span>`
        : html`<span class="pt-kiosk-progress__part pt-kiosk-progress__part--${p.kind}"
            ><span aria-hidden="true">${MARK[p.kind]}</span> ${p.text}</span
          >`,
    )}
  </span>`;
}

@customElement('pt-kiosk-home')
export class PtKioskHome extends PtKioskElement {
  @property({ attribute: false }) summary: PublicSummary | null = null;
  @property() language: Lang = 'en';

  override render() {
    const summary = this.summary;
    if (!summary) return nothing;
    return html`
      <h1 class="pt-kiosk-title" tabindex="-1">${t('app.title')}</h1>
      <div class="pt-kiosk-intro">
        <p>${t('home.intro')}</p>
        ${readAloudButton(t('app.title'), () =>
          [
            t('home.intro'),
            ...summary.themes.map((th) => `${contentText(th.name, th.nameCy)}: ${progressText(th)}`),
          ].join('. '),
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
                <span class="pt-kiosk-tile__picture">${themeIcon(theme.icon)}</span>
                <span class="pt-kiosk-tile__name">${content(theme.name, theme.nameCy)}</span>
                ${progressList(theme)}
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
    // Two tiles a row: the rows share the screen's height, so the tiles fill a portrait screen.
    const rows = Math.max(1, Math.ceil((this.summary?.themes.length ?? 0) / 2));
    this.querySelector<HTMLElement>('.pt-kiosk-tiles')?.style.setProperty('--pt-tile-rows', String(rows));
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
