// What happened next on a safeguarding-flagged item: the dated notes, oldest first, each with who
// wrote it and when (in the council's time zone, in words), and a form to add one. Notes are
// append-only, so there is nothing to edit or remove. Only workers and admins reach this: the
// item page shows it on flagged items, which nobody else can open.
import { html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { SafeguardingNote, SafeguardingNotes } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { ApiError, api } from '../api/client.js';
import { t } from '../i18n/messages.js';
import { dayTime } from '../dates.js';
import type { SummaryError } from './pt-error-summary.js';
import './pt-error-summary.js';
import './pt-text-field.js';
import './pt-loading.js';
import './pt-error-state.js';

@customElement('pt-safeguarding-notes')
export class PtSafeguardingNotes extends PtLightElement {
  @property({ type: Number }) feedbackId = 0;
  @state() private error = '';
  @state() private value = '';
  @state() private busy = false;

  private notes = new Task(this, {
    task: async ([id], { signal }) =>
      (await api.get<SafeguardingNotes>(`/feedback/${id}/safeguarding-notes`, signal)).items,
    args: () => [this.feedbackId] as const,
  });

  private async add(e: SubmitEvent) {
    e.preventDefault();
    if (this.busy) return;
    const text = this.value.trim();
    this.error = text ? '' : t('safeguardingNotes.empty');
    if (this.error) return this.focusSummary();
    this.busy = true;
    try {
      await api.post<SafeguardingNote>(`/feedback/${this.feedbackId}/safeguarding-notes`, { text });
      this.value = '';
      await this.notes.run();
      // Move to the note just added, so a screen reader hears it was kept.
      void this.updateComplete.then(() => this.querySelector<HTMLElement>('[data-note]:last-of-type')?.focus());
    } catch (err) {
      this.error =
        err instanceof ApiError
          ? (err.fieldErrors.text ?? err.detail ?? t('safeguardingNotes.failed'))
          : t('safeguardingNotes.failed');
      this.focusSummary();
    } finally {
      this.busy = false;
    }
  }

  private focusSummary() {
    void this.updateComplete.then(() => this.querySelector<HTMLElement>('.govuk-error-summary')?.focus());
  }

  private list(notes: SafeguardingNote[]) {
    if (notes.length === 0)
      return html`<p class="govuk-body" data-testid="no-notes">${t('safeguardingNotes.none')}</p>`;
    return html`<ol class="govuk-list pt-safeguarding-notes__list">
      ${notes.map(
        (n) =>
          html`<li data-note tabindex="-1" class="govuk-!-margin-bottom-4">
            <p class="govuk-body-s govuk-!-margin-bottom-1 govuk-!-font-weight-bold">
              ${t('safeguardingNotes.by', {
                name: n.authorName ?? t('safeguardingNotes.someone'),
                when: dayTime(n.writtenAt),
              })}
            </p>
            <p class="govuk-body pt-safeguarding-notes__text">${n.erasedAt ? t('safeguardingNotes.erased') : n.text}</p>
          </li>`,
      )}
    </ol>`;
  }

  override render() {
    const errors: SummaryError[] = this.error ? [{ fieldId: 'f-safeguardingNote', message: this.error }] : [];
    return html`<section aria-labelledby="pt-safeguarding-notes-title">
      <h2 class="govuk-heading-m" id="pt-safeguarding-notes-title">${t('safeguardingNotes.title')}</h2>
      <p class="govuk-body">${t('safeguardingNotes.intro')}</p>
      ${this.notes.render({
        pending: () => html`<pt-loading></pt-loading>`,
        complete: (notes) => this.list(notes),
        error: (err) => html`<pt-error-state .error=${err} @pt-retry=${() => void this.notes.run()}></pt-error-state>`,
      })}
      <pt-error-summary .errors=${errors}></pt-error-summary>
      <form novalidate @submit=${(e: SubmitEvent) => void this.add(e)}>
        <pt-text-field
          name="safeguardingNote"
          label=${t('safeguardingNotes.add')}
          hint=${t('safeguardingNotes.addHint')}
          multiline
          .value=${this.value}
          error=${this.error}
          @input=${(e: Event) => (this.value = (e.target as HTMLTextAreaElement).value)}
        ></pt-text-field>
        <button type="submit" class="govuk-button govuk-button--secondary" ?disabled=${this.busy}>
          ${t('safeguardingNotes.save')}
        </button>
      </form>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-safeguarding-notes': PtSafeguardingNotes;
  }
}
