// The council's RAG definitions, printed wherever RAG appears: word, icon and colour together.
import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { RagDefinitions } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { t } from '../i18n/messages.js';
import './pt-status-tag.js';

/** Each rating's word, icon and colour beside what it means, as a summary list. */
export function ragDefinitionList(d: RagDefinitions) {
  return html`<dl class="govuk-summary-list">
    ${(['red', 'amber', 'green', 'blue'] as const).map(
      (r) =>
        html`<div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key"><pt-status-tag .rating=${r}></pt-status-tag> ${d[r].label}</dt>
          <dd class="govuk-summary-list__value">${d[r].meaning}</dd>
        </div>`,
    )}
  </dl>`;
}

@customElement('pt-board-rag-definitions')
export class PtBoardRagDefinitions extends PtLightElement {
  @property({ attribute: false }) definitions: RagDefinitions | null = null;

  override render() {
    const d = this.definitions;
    if (!d) return html``;
    return html`<details class="govuk-details pt-board-definitions">
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">${t('board.definitions')}</span>
      </summary>
      <div class="govuk-details__text">${ragDefinitionList(d)}</div>
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-board-rag-definitions': PtBoardRagDefinitions;
  }
}
