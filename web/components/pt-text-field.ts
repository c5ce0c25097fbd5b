// A GOV.UK text input or textarea with label, hint and inline error, linked by
// aria-describedby. The input's id is `f-<name>`, which the error summary links to.
import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { PtFieldElement } from './field-element.js';
import { t } from '../i18n/messages.js';

@customElement('pt-text-field')
export class PtTextField extends PtFieldElement {
  @property() label = '';
  @property() type: 'text' | 'email' | 'password' | 'number' = 'text';
  @property() autocomplete: string | undefined;
  /** A GOV.UK width class suffix, e.g. '10' or 'one-half'. */
  @property() width = '';
  @property({ type: Boolean }) multiline = false;
  @property({ type: Boolean }) optional = false;

  // Keep `value` in step with what is typed, so a re-render never puts back an older value.
  private onInput = (e: Event) => {
    this.value = (e.target as HTMLInputElement | HTMLTextAreaElement).value;
  };

  override render() {
    const id = this.controlId;
    const describedBy = this.describedBy();
    const width = this.width
      ? /^\d+$/.test(this.width)
        ? `govuk-input--width-${this.width}`
        : `govuk-!-width-${this.width}`
      : '';
    const control = this.multiline
      ? html`<textarea
          class="govuk-textarea${this.error ? ' govuk-textarea--error' : ''}"
          id=${id}
          name=${this.name}
          rows="4"
          aria-describedby=${ifDefined(describedBy)}
          .value=${live(this.value)}
          @input=${this.onInput}
        ></textarea>`
      : html`<input
          class="govuk-input ${width}${this.error ? ' govuk-input--error' : ''}"
          id=${id}
          name=${this.name}
          type=${this.type}
          autocomplete=${ifDefined(this.autocomplete)}
          spellcheck=${this.type === 'email' || this.type === 'password' ? 'false' : 'true'}
          aria-describedby=${ifDefined(describedBy)}
          .value=${live(this.value)}
          @input=${this.onInput}
        />`;
    return html`<div class=${this.groupClass()}>
      <label class="govuk-label" for=${id}>${this.label}${this.optional ? ` ${t('form.optional')}` : ''}</label>
      ${this.hintAndError()} ${control}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-text-field': PtTextField;
  }
}
