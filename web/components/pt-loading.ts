// The loading state: said politely to screen readers, shown plainly to everyone.
import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { PtLightElement } from '../light-element.js';
import { t } from '../i18n/messages.js';

@customElement('pt-loading')
export class PtLoading extends PtLightElement {
  @property() text = '';

  override render() {
    return html`<p class="govuk-body pt-state" role="status">${this.text || t('state.loading')}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-loading': PtLoading;
  }
}
