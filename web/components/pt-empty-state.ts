// The empty state: says there is nothing yet and, where it helps, what to do about it.
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { PtLightElement } from '../light-element.js';
import { t } from '../i18n/messages.js';

@customElement('pt-empty-state')
export class PtEmptyState extends PtLightElement {
  @property() heading = '';
  @property() text = '';
  @property({ attribute: false }) action: TemplateResult | null = null;

  override render() {
    return html`<div class="pt-state">
      <h2 class="govuk-heading-m">${this.heading || t('state.empty')}</h2>
      ${this.text ? html`<p class="govuk-body">${this.text}</p>` : nothing} ${this.action ?? nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-empty-state': PtEmptyState;
  }
}
