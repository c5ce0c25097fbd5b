// GOV.UK character count: a textarea that tells the user, politely and as they type, how many
// characters they have left. Going over is allowed; the server's limit is what the count shows.
import { html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { PtFieldElement } from './field-element.js';
import { t } from '../i18n/messages.js';

@customElement('pt-character-count')
export class PtCharacterCount extends PtFieldElement {
  @property() label = '';
  @property({ type: Number }) maxlength = 200;
  @property({ type: Number }) rows = 3;
  @property({ type: Boolean }) optional = false;

  @state() private length = 0;

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('value')) this.length = this.value.length;
  }

  // Keep `value` in step with what is typed, so a re-render (the count changing) never puts
  // back an older value through live().
  private onInput = (e: Event) => {
    this.value = (e.target as HTMLTextAreaElement).value;
    this.length = this.value.length;
  };

  private message() {
    const left = this.maxlength - this.length;
    if (left >= 0) return left === 1 ? t('charCount.remainingOne') : t('charCount.remaining', { n: left });
    return -left === 1 ? t('charCount.overOne') : t('charCount.over', { n: -left });
  }

  override render() {
    const id = this.controlId;
    const over = this.length > this.maxlength;
    return html`<div class=${this.groupClass('govuk-character-count')}>
      <label class="govuk-label" for=${id}>${this.label}${this.optional ? ` ${t('form.optional')}` : ''}</label>
      ${this.hintAndError()}
      <textarea
        class="govuk-textarea govuk-js-character-count${this.error || over ? ' govuk-textarea--error' : ''}"
        id=${id}
        name=${this.name}
        rows=${this.rows}
        aria-describedby=${ifDefined(this.describedBy(`${id}-info`))}
        .value=${live(this.value)}
        @input=${this.onInput}
      ></textarea>
      <div
        id="${id}-info"
        class="govuk-hint govuk-character-count__message${over ? ' govuk-error-message' : ''}"
        aria-live="polite"
      >
        ${this.message()}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-character-count': PtCharacterCount;
  }
}
