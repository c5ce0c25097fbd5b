// GOV.UK notification banner. A success banner is announced and takes focus, as the pattern
// says, because it confirms what the user just did.
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { PtLightElement } from '../light-element.js';

@customElement('pt-notification-banner')
export class PtNotificationBanner extends PtLightElement {
  @property() type: 'important' | 'success' = 'important';
  @property() heading = '';
  @property() text = '';
  @property({ attribute: false }) content: TemplateResult | null = null;

  override updated(changed: Map<string, unknown>) {
    if (this.type === 'success' && (changed.has('heading') || changed.has('text')))
      this.querySelector<HTMLElement>('.govuk-notification-banner')?.focus();
  }

  override render() {
    const success = this.type === 'success';
    const titleId = `banner-title-${this.type}`;
    return html`<div
      class="govuk-notification-banner${success ? ' govuk-notification-banner--success' : ''}"
      role=${success ? 'alert' : 'region'}
      aria-labelledby=${titleId}
      tabindex=${success ? '-1' : nothing}
    >
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id=${titleId}>${this.heading}</h2>
      </div>
      <div class="govuk-notification-banner__content">
        ${this.text ? html`<p class="govuk-notification-banner__heading">${this.text}</p>` : nothing}
        ${this.content ?? nothing}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-notification-banner': PtNotificationBanner;
  }
}
