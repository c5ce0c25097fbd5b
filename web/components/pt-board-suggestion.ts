// A suggested RAG with its reasons, worst first, so a councillor can check every colour.
import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { RagSuggestionBrief } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { t } from '../i18n/messages.js';
import './pt-status-tag.js';

@customElement('pt-board-suggestion')
export class PtBoardSuggestion extends PtLightElement {
  @property({ attribute: false }) suggestion: RagSuggestionBrief | null = null;

  override render() {
    const s = this.suggestion;
    if (!s) return html``;
    return html`<pt-status-tag .rating=${s.rating}></pt-status-tag>
      <details class="govuk-details pt-board-reasons">
        <summary class="govuk-details__summary">
          <span class="govuk-details__summary-text">${t('board.why')}</span>
        </summary>
        <div class="govuk-details__text">
          <ul class="govuk-list govuk-list--bullet">
            ${s.reasons.map((r) => html`<li><pt-status-tag .rating=${r.rating}></pt-status-tag> ${r.text}</li>`)}
          </ul>
        </div>
      </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-board-suggestion': PtBoardSuggestion;
  }
}
