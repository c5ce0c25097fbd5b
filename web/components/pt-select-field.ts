// A GOV.UK select with label, hint and inline error.
import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { PtLightElement } from '../light-element.js';
import { t } from '../i18n/messages.js';

export type Option = { value: string; label: string };

@customElement('pt-select-field')
export class PtSelectField extends PtLightElement {
  @property() name = '';
  @property() label = '';
  @property() hint = '';
  @property() error = '';
  @property() value = '';
  @property({ attribute: false }) options: Option[] = [];

  override render() {
    const id = `f-${this.name}`;
    const describedBy = [this.hint ? `${id}-hint` : '', this.error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="govuk-form-group${this.error ? ' govuk-form-group--error' : ''}">
      <label class="govuk-label" for=${id}>${this.label}</label>
      ${this.hint ? html`<div id="${id}-hint" class="govuk-hint">${this.hint}</div>` : nothing}
      ${
        this.error
          ? html`<p id="${id}-error" class="govuk-error-message">
              <span class="govuk-visually-hidden">${t('error.prefix')}</span> ${this.error}
            </p>`
          : nothing
      }
      <select
        class="govuk-select${this.error ? ' govuk-select--error' : ''}"
        id=${id}
        name=${this.name}
        aria-describedby=${ifDefined(describedBy || undefined)}
      >
        ${this.options.map((o) => html`<option value=${o.value} ?selected=${o.value === this.value}>${o.label}</option>`)}
      </select>
    </div>`;
  }

  override updated() {
    // ?selected only sets the default; keep the live value in step when the record changes.
    const select = this.querySelector('select');
    if (select && select.value !== this.value) select.value = this.value;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-select-field': PtSelectField;
  }
}
