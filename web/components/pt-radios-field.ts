// GOV.UK radios in a fieldset with legend and inline error. The first radio's id is `f-<name>`
// so the error summary can link to the group.
import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { PtFieldElement } from './field-element.js';
import type { Option } from './pt-select-field.js';

@customElement('pt-radios-field')
export class PtRadiosField extends PtFieldElement {
  @property() legend = '';
  @property({ attribute: false }) options: Option[] = [];

  override render() {
    const id = this.controlId;
    return html`<div class=${this.groupClass()}>
      <fieldset class="govuk-fieldset" aria-describedby=${ifDefined(this.describedBy())}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${this.legend}</legend>
        ${this.hintAndError()}
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
