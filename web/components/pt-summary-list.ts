// GOV.UK summary list: key and value pairs, such as a promise's details.
import { html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { PtLightElement } from '../light-element.js';

export type SummaryRow = { key: string; value: string | TemplateResult };

@customElement('pt-summary-list')
export class PtSummaryList extends PtLightElement {
  @property({ attribute: false }) rows: SummaryRow[] = [];

  override render() {
    return html`<dl class="govuk-summary-list">
      ${this.rows.map(
        (r) =>
          html`<div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">${r.key}</dt>
            <dd class="govuk-summary-list__value">${r.value}</dd>
          </div>`,
      )}
    </dl>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-summary-list': PtSummaryList;
  }
}
