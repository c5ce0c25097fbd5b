// GOV.UK radios in a fieldset with legend and inline error. The first radio's id is `f-<name>`
// so the error summary can link to the group.
import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { PtLightElement } from '../light-element.js';
import { t } from '../i18n/messages.js';
import type { Option } from './pt-select-field.js';

@customElement('pt-radios-field')
export class PtRadiosField extends PtLightElement {
  @property() name = '';
  @property() legend = '';
  @property() hint = '';
  @property() error = '';
  @property() value = '';
  @property({ attribute: false }) options: Option[] = [];

  override render() {
    const id = `f-${this.name}`;
    const describedBy = [this.hint ? `${id}-hint` : '', this.error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="govuk-form-group${this.error ? ' govuk-form-group--error' : ''}">
      <fieldset class="govuk-fieldset" aria-describedby=${ifDefined(describedBy || undefined)}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${this.legend}</legend>
        ${this.hint ? html`<div id="${id}-hint" class="govuk-hint">${this.hint}</div>` : nothing}
        ${
          this.error
            ? html`<p id="${id}-error" class="govuk-error-message">
                <span class="govuk-visually-hidden">${t('error.prefix')}</span> ${this.error}
              </p>`
            : nothing
        }
        <div class="govuk-radios govuk-radios--small">
          ${this.options.map(
            (o, i) =>
              html`<div class="govuk-radios__item">
                <input
                  class="govuk-radios__input"
                  id=${i === 0 ? id : `${id}-${i}`}
                  name=${this.name}
                  type="radio"
                  value=${o.value}
                  .checked=${live(o.value === this.value)}
                  @change=${() => (this.value = o.value)}
                />
                <label class="govuk-label govuk-radios__label" for=${i === 0 ? id : `${id}-${i}`}>${o.label}</label>
              </div>`,
          )}
        </div>
      </fieldset>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-radios-field': PtRadiosField;
  }
}
