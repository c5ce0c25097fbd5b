// A GOV.UK select with label, hint and inline error.
import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { PtFieldElement } from './field-element.js';

export type Option = { value: string; label: string };

@customElement('pt-select-field')
export class PtSelectField extends PtFieldElement {
  @property() label = '';
  @property({ attribute: false }) options: Option[] = [];

  // Keep `value` in step with what is chosen. Without it, any later re-render (a page's list
  // finishing loading hands over a new options array) put back the value it was given, undoing
  // a choice made meanwhile: the audit trail's filters were applied without the kind chosen.
  private onChange = (e: Event) => {
    this.value = (e.target as HTMLSelectElement).value;
  };

  override render() {
    const id = this.controlId;
    return html`<div class=${this.groupClass()}>
      <label class="govuk-label" for=${id}>${this.label}</label>
      ${this.hintAndError()}
      <select
        class="govuk-select${this.error ? ' govuk-select--error' : ''}"
        id=${id}
        name=${this.name}
        aria-describedby=${ifDefined(this.describedBy())}
        @change=${this.onChange}
      >
        ${this.options.map((o) => html`<option value=${o.value} ?selected=${o.value === this.value}>${o.label}</option>`)}
      </select>
    </div>`;
  }

  override updated() {
    // ?selected only sets the default; keep the live value in step when the record changes (the
    // person's own choice is this.value too, through onChange).
    const select = this.querySelector('select');
    if (select && select.value !== this.value) select.value = this.value;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-select-field': PtSelectField;
  }
}
