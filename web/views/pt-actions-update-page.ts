// The quick update: status, progress, a dated note, what children see, and the due date (a new
// date asks why, and the old one stays in the history), all in one form. Beside it, the
// children's words that prompted the commitment, and below it the history.
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { Task } from '@lit/task';
import type {
  CommitmentDetail,
  CommitmentHistoryEntry,
  CommitmentSaved,
  CommitmentStatus,
} from '../../server/contracts/index.js';
import { detailAfterSave } from '../../server/contracts/commitment-saved.js';
import { PtLightElement } from '../light-element.js';
import { welshInUse } from '../welsh-in-use.js';
import { api } from '../api/client.js';
import { session } from '../session.js';
import { t, type MessageKey } from '../i18n/messages.js';
import { FormController, readDraft, theirVersionBanner } from '../controllers/form-controller.js';
import { taskView } from '../components/task-view.js';
import type { Column } from '../components/pt-data-table.js';
import type { PtDateInput } from '../components/pt-date-input.js';
import { formatDay } from '../components/pt-commitment-card.js';
import '../components/pt-text-field.js';
import '../components/pt-character-count.js';
import '../components/pt-reading-age.js';
import '../components/pt-radios-field.js';
import '../components/pt-date-input.js';
import '../components/pt-error-summary.js';
import '../components/pt-notification-banner.js';
import '../components/pt-summary-list.js';
import '../components/pt-data-table.js';
import '../components/pt-commitment-you-said.js';
import '../components/pt-loading.js';
import '../components/pt-overdue-prompt.js';
import '../components/pt-error-state.js';

const STATUSES: CommitmentStatus[] = ['not_started', 'on_track', 'at_risk', 'off_track', 'done', 'dropped'];
/** Form order, which is also the error summary's order. */
const FIELDS = [
  'status',
  'progress',
  'dueDate',
  'dueDateReason',
  'noteDate',
  'note',
  'childUpdate',
  'childUpdateCy',
] as const;
type Field = (typeof FIELDS)[number];
const LABEL: Record<Field, MessageKey> = {
  status: 'actionsUpdate.status',
  progress: 'actionsUpdate.progress',
  dueDate: 'actionsUpdate.dueDate',
  dueDateReason: 'actionsUpdate.dueDateReason',
  noteDate: 'actionsUpdate.noteDate',
  note: 'actionsUpdate.note',
  childUpdate: 'actionsUpdate.childUpdate',
  childUpdateCy: 'actionsUpdate.childUpdateCy',
};
type Draft = Record<Field, string>;

function draftOf(c: CommitmentDetail): Draft {
  return {
    status: c.status,
    progress: String(c.progress),
    dueDate: c.dueDate,
    dueDateReason: '',
    noteDate: '',
    note: '',
    childUpdate: c.childUpdate,
    childUpdateCy: c.childUpdateCy,
  };
}

@customElement('pt-actions-update-page')
export class PtActionsUpdatePage extends PtLightElement {
  @property({ type: Number }) commitmentId = 0;
  /** Welsh fields show only where the council uses Welsh (web/welsh-in-use.ts). */
  @state() private welsh = false;

  @state() private commitment: CommitmentDetail | null = null;
  @state() private draft: Draft | null = null;
  @state() private dueChanged = false;
  @state() private theirs: CommitmentDetail | null = null;
  /** Every update, once asked for: the detail carries only the newest. */
  @state() private allUpdates: CommitmentHistoryEntry[] | null = null;
  @state() private historyError = '';
  @state() private saved = false;
  /** Changes after a save or a conflict, so the form starts afresh (typed text included). */
  @state() private formKey = 0;

  private formState = new FormController(this, {
    fields: FIELDS,
    labels: LABEL,
    onConflict: (err) => {
      if (!err.current) return false;
      // Their version becomes the starting point; the user redoes their change on top of it.
      void api.get<CommitmentDetail>(`/commitments/${this.commitmentId}`).then((c) => {
        this.theirs = c;
        this.show(c);
      });
      window.scrollTo(0, 0);
      return true;
    },
    // A missing reason belongs to a changed due date: keep its field showing.
    onFieldErrors: (errors) => {
      if (errors.dueDateReason) this.dueChanged = true;
    },
  });

  private load = new Task(this, {
    task: async ([id], { signal }) => {
      const c = await api.get<CommitmentDetail>(`/commitments/${id}`, signal);
      this.show(c);
      return c;
    },
    args: () => [this.commitmentId] as const,
  });

  private show(c: CommitmentDetail) {
    this.commitment = c;
    this.allUpdates = null;
    this.draft = draftOf(c);
    this.dueChanged = false;
    this.formKey++;
    document.title = `${t('actionsUpdate.title', { title: c.title })} – ${t('app.name')}`;
  }

  override connectedCallback() {
    super.connectedCallback();
    void welshInUse().then((w) => (this.welsh = w));
  }

  private async showAllUpdates(c: CommitmentDetail) {
    this.historyError = '';
    try {
      this.allUpdates = (await api.get<{ items: CommitmentHistoryEntry[] }>(`/commitments/${c.id}/updates`)).items;
    } catch {
      this.historyError = t('error.generic');
    }
  }

  private mayEdit(c: CommitmentDetail): boolean {
    const user = session()?.user;
    return !!user && (user.role === 'admin' || (user.role === 'owner' && c.ownerId === user.id));
  }

  private watchDueDate() {
    const input = this.querySelector<PtDateInput>('pt-date-input[name="dueDate"]');
    if (input && this.commitment) this.dueChanged = input.combined !== '' && input.combined !== this.commitment.dueDate;
  }

  private body(d: Draft, c: CommitmentDetail) {
    const body: Record<string, unknown> = {
      version: c.version,
      childUpdate: d.childUpdate,
      childUpdateCy: d.childUpdateCy,
    };
    if (d.status) body.status = d.status;
    // Not a number is sent as typed, so the API names the field rather than the page guessing.
    if (d.progress.trim()) body.progress = /^\d+$/.test(d.progress.trim()) ? Number(d.progress) : d.progress;
    if (d.note.trim()) body.note = d.note;
    if (d.noteDate) body.noteDate = d.noteDate;
    if (d.dueDate !== c.dueDate) {
      body.dueDate = d.dueDate;
      body.dueDateReason = d.dueDateReason;
    }
    return body;
  }

  private async submit(e: SubmitEvent, c: CommitmentDetail) {
    e.preventDefault();
    const draft = readDraft(e.target as HTMLFormElement, FIELDS);
    this.draft = draft;
    this.saved = false;
    this.theirs = null;
    await this.formState.submit(async () => {
      const saved = await api.patch<CommitmentSaved>(`/commitments/${c.id}`, this.body(draft, c));
      this.show(detailAfterSave(c, saved));
      this.saved = true;
    });
  }

  private historyColumns: Column<CommitmentHistoryEntry>[] = [
    {
      key: 'date',
      label: t('actionsUpdate.col.date'),
      sortValue: (u) => u.updatedOn,
      render: (u) => formatDay(u.updatedOn),
    },
    { key: 'status', label: t('actionsUpdate.col.status'), render: (u) => t(`promise.status.${u.status}`) },
    { key: 'progress', label: t('actionsUpdate.col.progress'), numeric: true, render: (u) => `${u.progress}%` },
    { key: 'note', label: t('actionsUpdate.col.note'), render: (u) => u.note },
    {
      key: 'due',
      label: t('actionsUpdate.col.dueDate'),
      render: (u) =>
        u.oldDueDate && u.newDueDate
          ? t('actionsUpdate.dueMoved', {
              from: formatDay(u.oldDueDate),
              to: formatDay(u.newDueDate),
              reason: u.dueDateReason,
            })
          : '',
    },
    { key: 'by', label: t('actionsUpdate.col.by'), render: (u) => u.authorName ?? '' },
  ];

  private conflict() {
    const c = this.theirs;
    if (!c) return nothing;
    return theirVersionBanner([
      { key: t(LABEL.status), value: t(`promise.status.${c.status}`) },
      { key: t(LABEL.progress), value: `${c.progress}%` },
      { key: t(LABEL.dueDate), value: formatDay(c.dueDate) },
      { key: t(LABEL.childUpdate), value: c.childUpdate },
    ]);
  }

  private form(c: CommitmentDetail, d: Draft) {
    const e = this.formState.errors;
    return html`<form
      novalidate
      @submit=${(ev: SubmitEvent) => void this.submit(ev, c)}
      @input=${() => this.watchDueDate()}
    >
      <pt-radios-field
        name="status"
        legend=${t(LABEL.status)}
        .value=${d.status}
        error=${e.status ?? ''}
        .options=${STATUSES.map((s) => ({ value: s, label: t(`promise.status.${s}`) }))}
      ></pt-radios-field>
      <pt-text-field
        name="progress"
        label=${t(LABEL.progress)}
        hint=${t('actionsUpdate.progressHint')}
        width="3"
        .value=${d.progress}
        error=${e.progress ?? ''}
      ></pt-text-field>
      <pt-date-input
        name="dueDate"
        legend=${t(LABEL.dueDate)}
        hint=${t('actionsUpdate.dueDateHint')}
        .value=${d.dueDate}
        error=${e.dueDate ?? ''}
      ></pt-date-input>
      ${
        this.dueChanged
          ? html`<pt-character-count
              name="dueDateReason"
              label=${t(LABEL.dueDateReason)}
              hint=${t('actionsUpdate.dueDateReasonHint')}
              maxlength="500"
              .value=${d.dueDateReason}
              error=${e.dueDateReason ?? ''}
            ></pt-character-count>`
          : nothing
      }
      <pt-date-input
        name="noteDate"
        legend=${t(LABEL.noteDate)}
        hint=${t('actionsUpdate.noteDateHint')}
        .value=${d.noteDate}
        error=${e.noteDate ?? ''}
      ></pt-date-input>
      <pt-character-count
        name="note"
        label=${t(LABEL.note)}
        optional
        maxlength="500"
        .value=${d.note}
        error=${e.note ?? ''}
      ></pt-character-count>
      <pt-character-count
        name="childUpdate"
        label=${t(LABEL.childUpdate)}
        hint=${t('actionsUpdate.childUpdateHint')}
        optional
        maxlength="500"
        .value=${d.childUpdate}
        error=${e.childUpdate ?? ''}
      ></pt-character-count>
      <pt-reading-age for="f-childUpdate" language="en"></pt-reading-age>
      <pt-character-count
        ?hidden=${!this.welsh}
        name="childUpdateCy"
        label=${t(LABEL.childUpdateCy)}
        optional
        maxlength="500"
        .value=${d.childUpdateCy}
        error=${e.childUpdateCy ?? ''}
      ></pt-character-count>
      <pt-reading-age for="f-childUpdateCy" language="cy" ?hidden=${!this.welsh}></pt-reading-age>
      <div class="govuk-button-group">
        <button type="submit" class="govuk-button" ?disabled=${this.formState.busy}>${t('actionsUpdate.save')}</button>
        <a class="govuk-link" href="/actions">${t('form.cancel')}</a>
      </div>
    </form>`;
  }

  private view(c: CommitmentDetail) {
    const d = this.draft ?? draftOf(c);
    return html`<a class="govuk-back-link" href="/actions">${t('actionsUpdate.back')}</a>
      ${
        this.saved
          ? html`<pt-notification-banner
              type="success"
              heading=${t('actions.success')}
              text=${t('actionsUpdate.saved')}
            ></pt-notification-banner>`
          : nothing
      }
      ${this.conflict()}
      <pt-error-summary .errors=${this.formState.summary()}></pt-error-summary>
      <span class="govuk-caption-l">${c.promiseStaffText}</span>
      <h1 class="govuk-heading-l">${t('actionsUpdate.title', { title: c.title })}</h1>
      ${
        // Saved, and still overdue with a past date: ask for the new date here and now.
        this.saved && this.mayEdit(c)
          ? keyed(
              this.formKey,
              html`<pt-overdue-prompt
                .commitment=${c}
                @pt-commitment-saved=${(ev: CustomEvent<CommitmentSaved>) => {
                  this.show(detailAfterSave(c, ev.detail));
                  this.saved = true;
                }}
              ></pt-overdue-prompt>`,
            )
          : nothing
      }
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          ${
            this.mayEdit(c)
              ? keyed(this.formKey, this.form(c, d))
              : html`<p class="govuk-inset-text">${t('actionsUpdate.notYours')}</p>`
          }
        </div>
        <div class="govuk-grid-column-one-third">
          <pt-commitment-you-said .items=${c.youSaid} level="2"></pt-commitment-you-said>
        </div>
      </div>
      <h2 class="govuk-heading-m">${t('actionsUpdate.history')}</h2>
      ${
        c.updates.length
          ? html`<pt-data-table
                caption=${t('actionsUpdate.historyCaption')}
                .columns=${this.historyColumns}
                .rows=${this.allUpdates ?? c.updates}
              ></pt-data-table>
              ${
                !this.allUpdates && c.updatesTotal > c.updates.length
                  ? html`<p class="govuk-body">
                        ${t('actionsUpdate.historyShown', { shown: c.updates.length, total: c.updatesTotal })}
                      </p>
                      ${this.historyError ? html`<p class="govuk-error-message">${this.historyError}</p>` : nothing}
                      <button
                        type="button"
                        class="govuk-button govuk-button--secondary"
                        @click=${() => this.showAllUpdates(c)}
                      >
                        ${t('actionsUpdate.historyAll', { total: c.updatesTotal })}
                      </button>`
                  : nothing
              }`
          : html`<p class="govuk-body">${t('actionsUpdate.historyEmpty')}</p>`
      }`;
  }

  override render() {
    return taskView(this.load, () => (this.commitment ? this.view(this.commitment) : nothing), t('actions.title'));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-actions-update-page': PtActionsUpdatePage;
  }
}
