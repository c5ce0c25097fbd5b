// After an update to an action that is still overdue, ask for a new due date on the spot: a
// leader who has just said "still working on it" should not leave it saying Overdue with a
// date in the past. A small form of its own (new date and why), saved with the same PATCH as the
// update form; "Not now" puts it away. Fires `pt-commitment-saved` with the saved commitment.
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CommitmentDetail, CommitmentSaved } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { api, ApiError } from '../api/client.js';
import { FormController, readDraft } from '../controllers/form-controller.js';
import { dateWords } from '../../server/domain/date-words.js';
import { t } from '../i18n/messages.js';
import './pt-date-input.js';
import './pt-character-count.js';
import './pt-error-summary.js';

const FIELDS = ['newDueDate', 'newDueDateReason'] as const;
/** The API names the commitment's own fields; this form's ids differ from the update form's. */
const FROM_API: Record<string, (typeof FIELDS)[number]> = { dueDate: 'newDueDate', dueDateReason: 'newDueDateReason' };

@customElement('pt-overdue-prompt')
export class PtOverduePrompt extends PtLightElement {
  @property({ attribute: false }) commitment: CommitmentDetail | null = null;

  @state() private dismissed = false;

  private formState = new FormController(this, {
    fields: FIELDS,
    labels: { newDueDate: 'overdue.newDate', newDueDateReason: 'actionsUpdate.dueDateReason' },
  });

  private async submit(e: SubmitEvent, c: CommitmentDetail) {
    e.preventDefault();
    const d = readDraft(e.target as HTMLFormElement, FIELDS);
    if (!d.newDueDate) {
      this.formState.errors = { newDueDate: t('overdue.dateMissing') };
      return;
    }
    await this.formState.submit(async () => {
      try {
        const saved = await api.patch<CommitmentSaved>(`/commitments/${c.id}`, {
          version: c.version,
          dueDate: d.newDueDate,
          dueDateReason: d.newDueDateReason,
        });
        this.dispatchEvent(new CustomEvent('pt-commitment-saved', { detail: saved, bubbles: true }));
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        const fieldErrors = Object.fromEntries(
          Object.entries(err.fieldErrors).map(([path, m]) => [FROM_API[path.split('.')[0] ?? ''] ?? path, m]),
        );
        throw new ApiError(err.status, err.title, err.detail, fieldErrors, err.current);
      }
    });
  }

  override render() {
    const c = this.commitment;
    if (!c || !c.overdue || this.dismissed) return nothing;
    const e = this.formState.errors;
    return html`<section class="pt-overdue-prompt govuk-!-margin-bottom-6" aria-labelledby="overdue-prompt-heading">
      <pt-error-summary .errors=${this.formState.summary()}></pt-error-summary>
      <h2 class="govuk-heading-m" id="overdue-prompt-heading">${t('overdue.heading')}</h2>
      <div class="govuk-warning-text">
        <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
        <strong class="govuk-warning-text__text">
          <span class="govuk-visually-hidden">${t('overdue.warning')}</span>
          ${t('overdue.body', { date: dateWords(c.dueDate) })}
        </strong>
      </div>
      <form novalidate @submit=${(ev: SubmitEvent) => void this.submit(ev, c)}>
        <pt-date-input
          name="newDueDate"
          legend=${t('overdue.newDate')}
          hint=${t('overdue.newDateHint')}
          error=${e.newDueDate ?? ''}
        ></pt-date-input>
        <pt-character-count
          name="newDueDateReason"
          label=${t('actionsUpdate.dueDateReason')}
          hint=${t('actionsUpdate.dueDateReasonHint')}
          maxlength="500"
          error=${e.newDueDateReason ?? ''}
        ></pt-character-count>
        <div class="govuk-button-group">
          <button type="submit" class="govuk-button" ?disabled=${this.formState.busy}>${t('overdue.save')}</button>
          <button type="button" class="govuk-button govuk-button--secondary" @click=${() => (this.dismissed = true)}>
            ${t('overdue.notNow')}
          </button>
        </div>
      </form>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-overdue-prompt': PtOverduePrompt;
  }
}
