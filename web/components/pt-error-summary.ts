// GOV.UK error summary: "There is a problem", a link to each field in error, and focus moves
// here when it appears so screen reader and keyboard users start from the list of problems.
import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { PtLightElement } from '../light-element.js';
import { t } from '../i18n/messages.js';

/** `fieldId` is the id of the input the link should focus. */
export type SummaryError = { fieldId: string; message: string };

@customElement('pt-error-summary')
export class PtErrorSummary extends PtLightElement {
  @property({ attribute: false }) errors: SummaryError[] = [];

  override updated(changed: Map<string, unknown>) {
    // Focus moves here when the problems change, not on every render of the page around it (a
    // page that rebuilds the list as its user types must not pull focus away from the field).
    const before = changed.get('errors') as SummaryError[] | undefined;
    if (changed.has('errors') && this.errors.length && JSON.stringify(before) !== JSON.stringify(this.errors))
      this.querySelector<HTMLElement>('.govuk-error-summary')?.focus();
  }

  private follow(event: Event, fieldId: string) {
    const field = document.getElementById(fieldId);
    if (!field) return;
    event.preventDefault();
    field.scrollIntoView({ block: 'center' });
    field.focus();
  }

  override render() {
    if (!this.errors.length) return nothing;
    return html`<div class="govuk-error-summary" tabindex="-1">
      <div role="alert">
        <h2 class="govuk-error-summary__title">${t('error.summaryTitle')}</h2>
        <div class="govuk-error-summary__body">
          <ul class="govuk-list govuk-error-summary__list">
            ${this.errors.map(
              (e) =>
                html`<li>
                  ${
                    e.fieldId
                      ? html`<a href="#${e.fieldId}" @click=${(ev: Event) => this.follow(ev, e.fieldId)}
                          >${e.message}</a
                        >`
                      : e.message
                  }
                </li>`,
            )}
          </ul>
        </div>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-error-summary': PtErrorSummary;
  }
}
