// "Needs attention first" on the board dashboard: the few promises the board should look at
// first (rated red and getting worse lead), capped so the page stays short, with "Show all" for
// the rest. The reasons come from the API (board summary `attention`); this only orders and caps.
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AttentionReason, BoardSummaryAnswer } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { t } from '../i18n/messages.js';
import './pt-status-tag.js';

type SummaryPromise = BoardSummaryAnswer['themes'][number]['promises'][number];

/** How much each reason weighs when choosing what comes first: red, then worse than last time. */
const WEIGHT: Record<AttentionReason, number> = { red: 8, worsening: 4, children_disagree: 2, disagreement: 1 };
export const ATTENTION_SHOWN = 5;

/** Promises with a reason, the weightiest first; ties keep the dashboard's own order. */
export function attentionFirst(promises: readonly SummaryPromise[]): SummaryPromise[] {
  const weight = (p: SummaryPromise) => p.attention.reduce((sum, a) => sum + WEIGHT[a], 0);
  return promises
    .map((p, i) => ({ p, i, w: weight(p) }))
    .filter((x) => x.w > 0)
    .sort((a, b) => b.w - a.w || a.i - b.i)
    .map((x) => x.p);
}

@customElement('pt-board-attention')
export class PtBoardAttention extends PtLightElement {
  @property({ attribute: false }) promises: SummaryPromise[] = [];

  @state() private showAll = false;

  private item(p: SummaryPromise) {
    return html`<li class="pt-board-attention__item">
      <a class="govuk-link govuk-!-font-weight-bold" href="/promises/${p.id}">${p.staffText}</a>
      <div class="pt-board-attention__facts">
        <span
          >${t('board.col.decided')}:
          ${p.latest ? html`<pt-status-tag .rating=${p.latest.rating}></pt-status-tag>` : t('board.notRatedYet')}</span
        >
        <span>${t('board.col.suggested')}: <pt-status-tag .rating=${p.suggested.rating}></pt-status-tag></span>
      </div>
      <ul class="pt-board-attention__why">
        ${p.attention.map((a) => html`<li>${t(`board.attention.${a}`)}</li>`)}
      </ul>
    </li>`;
  }

  override render() {
    const all = attentionFirst(this.promises);
    if (!all.length) return html`<p class="govuk-body">${t('board.attentionNone')}</p>`;
    const shown = this.showAll ? all : all.slice(0, ATTENTION_SHOWN);
    const lede =
      shown.length < all.length
        ? t('board.attentionCount', { shown: shown.length, total: all.length })
        : t('board.attentionCountAll');
    return html`<p class="govuk-body">${lede}</p>
      <ul class="govuk-list pt-board-attention" id="pt-board-attention-list">
        ${shown.map((p) => this.item(p))}
      </ul>
      ${
        all.length > ATTENTION_SHOWN
          ? html`<button
              type="button"
              class="govuk-button govuk-button--secondary"
              aria-controls="pt-board-attention-list"
              aria-expanded=${this.showAll ? 'true' : 'false'}
              @click=${() => (this.showAll = !this.showAll)}
            >
              ${this.showAll ? t('board.attentionFewer') : t('board.attentionAll', { total: all.length })}
            </button>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-board-attention': PtBoardAttention;
  }
}
