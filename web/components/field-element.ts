// What every GOV.UK form field here has in common (pt-text-field, pt-character-count,
// pt-select-field, pt-radios-field, pt-date-input): a name whose control id is `f-<name>` (the
// error summary links to it), a hint and an inline error, both tied to the control by
// aria-describedby. Not an element itself: each field extends it and renders its own control.
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { PtLightElement } from '../light-element.js';
import { t } from '../i18n/messages.js';

export abstract class PtFieldElement extends PtLightElement {
  @property() name = '';
  @property() hint = '';
  @property() error = '';
  @property() value = '';

  /** The id of the control the label (and the error summary) points at. */
  protected get controlId(): string {
    return `f-${this.name}`;
  }

  /** The hint's and the error's ids (then any `extra`), for aria-describedby; undefined when none. */
  protected describedBy(...extra: string[]): string | undefined {
    const id = this.controlId;
    const ids = [this.hint ? `${id}-hint` : '', this.error ? `${id}-error` : '', ...extra].filter(Boolean);
    return ids.length ? ids.join(' ') : undefined;
  }

  /** The form group's classes: `govuk-form-group`, any `extra`, and the error state. */
  protected groupClass(extra = ''): string {
    return `govuk-form-group${extra ? ` ${extra}` : ''}${this.error ? ' govuk-form-group--error' : ''}`;
  }

  /** The hint and the inline error, as GOV.UK places them between the label and the control. */
  protected hintAndError() {
    const id = this.controlId;
    return html`${this.hint ? html`<div id="${id}-hint" class="govuk-hint">${this.hint}</div>` : nothing}
    ${
      this.error
        ? html`<p id="${id}-error" class="govuk-error-message">
            <span class="govuk-visually-hidden">${t('error.prefix')}</span> ${this.error}
          </p>`
        : nothing
    }`;
  }
}
