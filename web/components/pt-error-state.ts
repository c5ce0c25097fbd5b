// The error state for a page or panel that could not load, with a way to try again.
import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { PtLightElement } from '../light-element.js';
import { ApiError } from '../api/client.js';
import { t } from '../i18n/messages.js';

@customElement('pt-error-state')
export class PtErrorState extends PtLightElement {
  @property({ attribute: false }) error: unknown = null;
  @property({ type: Boolean }) retryable = true;

  private message(): string {
    if (this.error instanceof ApiError) return this.error.status === 0 ? t('error.network') : this.error.message;
    return t('error.generic');
  }

  override render() {
    return html`<div class="pt-state" role="alert">
      <h2 class="govuk-heading-m">${t('state.error')}</h2>
      <p class="govuk-body">${this.message()}</p>
      ${
        this.retryable
          ? html`<button
              type="button"
              class="govuk-button govuk-button--secondary"
              @click=${() => this.dispatchEvent(new CustomEvent('pt-retry', { bubbles: true }))}
            >
              ${t('state.retry')}
            </button>`
          : nothing
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-error-state': PtErrorState;
  }
}
