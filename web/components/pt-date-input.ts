// GOV.UK date input: day, month and year boxes in a fieldset. The combined YYYY-MM-DD value is
// kept in a hidden input named `name`, so a form reads it like any other field; `value` sets it
// (YYYY-MM-DD, or '' when empty).
import { html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { PtFieldElement } from './field-element.js';
import { t } from '../i18n/messages.js';

@customElement('pt-date-input')
export class PtDateInput extends PtFieldElement {
  @property() legend = '';

  @state() private parts = { day: '', month: '', year: '' };

  override willUpdate(changed: Map<string, unknown>) {
    // A page that binds back what was typed (a kept draft) must not re-split it under the user's
    // fingers: only a value from elsewhere replaces the boxes.
    if (changed.has('value') && this.value !== this.combined) {
      const [year = '', month = '', day = ''] = this.value ? this.value.split('-') : [];
      this.parts = { day: day.replace(/^0/, ''), month: month.replace(/^0/, ''), year };
    }
  }

  /** What the user typed, as YYYY-MM-DD; the server says whether it is a real date. */
  get combined(): string {
    const { day, month, year } = this.parts;
    if (!day && !month && !year) return '';
    // An empty box stays empty ("2026--05"), so a kept draft comes back as it was typed.
    const two = (part: string) => (part.trim() ? part.trim().padStart(2, '0') : '');
    return `${year.trim()}-${two(month)}-${two(day)}`;
  }

  private input(part: 'day' | 'month' | 'year', e: Event) {
    this.parts = { ...this.parts, [part]: (e.target as HTMLInputElement).value };
    // The hidden value follows at once, so a form's own input listener (which runs before this
    // element re-renders) reads what was just typed.
    const hidden = this.querySelector<HTMLInputElement>(`input[type="hidden"][name="${this.name}"]`);
    if (hidden) hidden.value = this.combined;
  }

  override render() {
    const id = this.controlId;
    const box = (part: 'day' | 'month' | 'year', width: number) => {
      const boxId = part === 'day' ? id : `${id}-${part}`;
      return html`<div class="govuk-date-input__item">
        <div class="govuk-form-group">
          <label class="govuk-label govuk-date-input__label" for=${boxId}>${t(`date.${part}`)}</label>
          <input
            class="govuk-input govuk-date-input__input govuk-input--width-${width}${this.error ? ' govuk-input--error' : ''}"
            id=${boxId}
            type="text"
            inputmode="numeric"
            .value=${this.parts[part]}
            @input=${(e: Event) => this.input(part, e)}
          />
        </div>
      </div>`;
    };
    return html`<div class=${this.groupClass()}>
      <fieldset class="govuk-fieldset" role="group" aria-describedby=${ifDefined(this.describedBy())}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${this.legend}</legend>
        ${this.hintAndError()}
        <div class="govuk-date-input">${box('day', 2)} ${box('month', 2)} ${box('year', 4)}</div>
        <input type="hidden" name=${this.name} .value=${this.combined} />
      </fieldset>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-date-input': PtDateInput;
  }
}
