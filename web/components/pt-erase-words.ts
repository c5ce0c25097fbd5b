// Erasing an item's words, for participation workers and admins: a GOV.UK warning and a confirm
// step with the reason, so nobody erases by accident. Once erased, it says when. The words go
// from the item, its history and the public pages (server/routes/privacy.ts).
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { FeedbackItem } from '../../server/contracts/index.js';
// The one module for dates in words, pure and written for the staff app as well as the server.
import { dateWords } from '../../server/domain/date-words.js';
import { PtLightElement } from '../light-element.js';
import { ApiError, api } from '../api/client.js';
import { hasRole } from '../session.js';
import { t } from '../i18n/messages.js';
import type { SummaryError } from './pt-error-summary.js';
import './pt-error-summary.js';

/** Sent when the worker has erased the item's words: the page loads the item again. */
export type PtWordsErasedEvent = CustomEvent<FeedbackItem>;

@customElement('pt-erase-words')
export class PtEraseWords extends PtLightElement {
  @property({ attribute: false }) item: FeedbackItem | null = null;
  @state() private confirming = false;
  @state() private busy = false;
  @state() private error = '';
  @state() private problem = '';
  /** Set when this worker erased the words here: focus moves to what was done, not to the page's top. */
  private justErased = false;

  override updated() {
    if (this.justErased && this.item?.wordsErasedAt) {
      this.justErased = false;
      this.querySelector<HTMLElement>('[data-testid="words-erased"]')?.focus();
    }
  }

  private async erase(event: SubmitEvent) {
    event.preventDefault();
    const item = this.item;
    if (!item || this.busy) return;
    const reason = String(new FormData(event.target as HTMLFormElement).get('reason') ?? '');
    this.busy = true;
    this.error = '';
    this.problem = '';
    try {
      const erased = await api.post<FeedbackItem>(`/feedback/${item.id}/erase`, { version: item.version, reason });
      this.confirming = false;
      this.justErased = true;
      this.dispatchEvent(new CustomEvent('pt-words-erased', { detail: erased, bubbles: true, composed: true }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) this.error = err.fieldErrors.reason ?? err.detail;
      else if (err instanceof ApiError && err.status === 409) this.problem = t('erase.stale');
      else this.problem = t('erase.failed');
    } finally {
      this.busy = false;
    }
  }

  private summary(): SummaryError[] {
    if (this.error) return [{ fieldId: 'pt-erase-reason', message: this.error }];
    return [];
  }

  private async open() {
    this.confirming = true;
    await this.updateComplete;
    this.querySelector<HTMLElement>('#pt-erase-reason')?.focus();
  }

  override render() {
    const item = this.item;
    if (!item || !hasRole('participation', 'admin')) return nothing;
    if (item.wordsErasedAt)
      return html`<div class="govuk-inset-text" data-testid="words-erased" tabindex="-1">
        <p class="govuk-body">${t('erase.done', { when: dateWords(item.wordsErasedAt) })}</p>
        <p class="govuk-body">${t('erase.doneHint')}</p>
      </div>`;
    return html`<section aria-labelledby="pt-erase-title">
      <h2 class="govuk-heading-m" id="pt-erase-title">${t('erase.title')}</h2>
      <p class="govuk-body">${t('erase.lead')}</p>
      ${
        this.confirming
          ? html`<pt-error-summary .errors=${this.summary()}></pt-error-summary>
              ${
                this.problem
                  ? html`<div class="govuk-error-summary" role="alert" tabindex="-1">
                      <h2 class="govuk-error-summary__title">${t('error.summaryTitle')}</h2>
                      <div class="govuk-error-summary__body"><p class="govuk-body">${this.problem}</p></div>
                    </div>`
                  : nothing
              }
              <div class="govuk-warning-text">
                <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
                <strong class="govuk-warning-text__text">
                  <span class="govuk-visually-hidden">Warning</span>
                  ${t('erase.warning')}
                </strong>
              </div>
              <form novalidate @submit=${(e: SubmitEvent) => void this.erase(e)}>
                <div class="govuk-form-group ${this.error ? 'govuk-form-group--error' : ''}">
                  <label class="govuk-label" for="pt-erase-reason">${t('erase.reason')}</label>
                  <div class="govuk-hint" id="pt-erase-reason-hint">${t('erase.reasonHint')}</div>
                  ${
                    this.error
                      ? html`<p class="govuk-error-message" id="pt-erase-reason-error">
                          <span class="govuk-visually-hidden">Error:</span> ${this.error}
                        </p>`
                      : nothing
                  }
                  <textarea
                    class="govuk-textarea ${this.error ? 'govuk-textarea--error' : ''}"
                    id="pt-erase-reason"
                    name="reason"
                    rows="2"
                    aria-describedby="pt-erase-reason-hint${this.error ? ' pt-erase-reason-error' : ''}"
                  ></textarea>
                </div>
                <div class="govuk-button-group">
                  <button class="govuk-button govuk-button--warning" type="submit" ?disabled=${this.busy}>
                    ${t('erase.confirm')}
                  </button>
                  <button
                    class="govuk-button govuk-button--secondary"
                    type="button"
                    @click=${() => {
                      this.confirming = false;
                      this.error = '';
                      this.problem = '';
                    }}
                  >
                    ${t('erase.cancel')}
                  </button>
                </div>
              </form>`
          : html`<button class="govuk-button govuk-button--warning" type="button" @click=${() => void this.open()}>
              ${t('erase.start')}
            </button>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-erase-words': PtEraseWords;
  }
  interface HTMLElementEventMap {
    'pt-words-erased': PtWordsErasedEvent;
  }
}
