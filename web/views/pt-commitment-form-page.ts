// Admins add a commitment ("we will") under a promise, and edit one: its wording for staff and
// for children (English and Welsh), owner, due date, status, progress and the reason in
// children's words. Field problems from the API appear against their field; a 409 shows the
// other person's version and makes it the form's starting point.
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { Task } from '@lit/task';
import type {
  CommitmentDetail,
  CommitmentSaved,
  CommitmentStatus,
  CouncilPromise,
  Person,
} from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { welshInUse } from '../welsh-in-use.js';
import { api } from '../api/client.js';
import { navigate } from '../router.js';
import { hasRole, session } from '../session.js';
import { t, type MessageKey } from '../i18n/messages.js';
import {
  actionOwners,
  FormController,
  personOptions,
  readDraft,
  theirVersionBanner,
} from '../controllers/form-controller.js';
import { taskView } from '../components/task-view.js';
import type { ApiError } from '../api/client.js';
import '../components/pt-text-field.js';
import '../components/pt-character-count.js';
import '../components/pt-reading-age.js';
import '../components/pt-select-field.js';
import '../components/pt-radios-field.js';
import '../components/pt-date-input.js';
import '../components/pt-error-summary.js';
import '../components/pt-archive-panel.js';

const STATUSES: CommitmentStatus[] = ['not_started', 'on_track', 'at_risk', 'off_track', 'done', 'dropped'];
/** Form order, which is also the error summary's order. */
const FIELDS = [
  'title',
  'childTitle',
  'childTitleCy',
  'ownerId',
  'dueDate',
  'dueDateReason',
  'status',
  'progress',
  'childReason',
] as const;
type Field = (typeof FIELDS)[number];
const LABEL: Record<Field, MessageKey> = {
  title: 'commitmentForm.title',
  childTitle: 'commitmentForm.childTitle',
  childTitleCy: 'commitmentForm.childTitleCy',
  ownerId: 'commitmentForm.owner',
  dueDate: 'commitmentForm.dueDate',
  dueDateReason: 'commitmentForm.dueDateReason',
  status: 'commitmentForm.status',
  progress: 'commitmentForm.progress',
  childReason: 'commitmentForm.childReason',
};
type Draft = Record<Field, string>;

const draftOf = (c: CommitmentDetail | null): Draft => ({
  title: c?.title ?? '',
  childTitle: c?.childTitle ?? '',
  childTitleCy: c?.childTitleCy ?? '',
  ownerId: c?.ownerId ? String(c.ownerId) : '',
  dueDate: c?.dueDate ?? '',
  dueDateReason: '',
  status: c?.status ?? 'not_started',
  progress: c ? String(c.progress) : '0',
  childReason: c?.childReason ?? '',
});

type Loaded = { promise: CouncilPromise; people: Person[] };

@customElement('pt-commitment-form-page')
export class PtCommitmentFormPage extends PtLightElement {
  /** Welsh fields show only where the council uses Welsh (web/welsh-in-use.ts). */
  @state() private welsh = false;

  /** The promise a new commitment goes under (0 when editing). */
  @property({ type: Number }) promiseId = 0;
  /** 0 for a new commitment. */
  @property({ type: Number }) commitmentId = 0;

  @state() private draft: Draft = draftOf(null);
  @state() private version = 0;
  @state() private savedDueDate = '';
  @state() private archived = false;
  @state() private theirs: CommitmentDetail | null = null;
  /** Changes when their version replaces the form, so typed text starts afresh. */
  @state() private formKey = 0;

  private formState = new FormController(this, {
    fields: FIELDS,
    labels: LABEL,
    onConflict: (err) => {
      if (!err.current) return false;
      // The 409 carries the stored row; the page reads the full record for its wording.
      void api.get<CommitmentDetail>(`/commitments/${this.commitmentId}`).then((c) => {
        this.theirs = c;
        this.start(c);
      });
      window.scrollTo(0, 0);
      return true;
    },
  });

  private load = new Task(this, {
    task: async ([promiseId, commitmentId], { signal }): Promise<Loaded> => {
      const commitment = commitmentId ? await api.get<CommitmentDetail>(`/commitments/${commitmentId}`, signal) : null;
      const [promise, people] = await Promise.all([
        api.get<CouncilPromise>(`/promises/${commitment ? commitment.promiseId : promiseId}`, signal),
        api.get<{ items: Person[] }>('/people', signal),
      ]);
      this.start(commitment);
      return { promise, people: actionOwners(people.items, commitment?.ownerId) };
    },
    args: () => [this.promiseId, this.commitmentId] as const,
  });

  private start(c: CommitmentDetail | null) {
    this.draft = draftOf(c);
    // A promise's lead adding a commitment owns it unless they choose someone else: left with no
    // owner, it was one they could not then update.
    const me = session()?.user;
    if (!c && me && hasRole('owner')) this.draft = { ...this.draft, ownerId: String(me.id) };
    this.version = c?.version ?? 0;
    this.savedDueDate = c?.dueDate ?? '';
    this.archived = c?.archived ?? false;
    this.formKey++;
  }

  private get heading() {
    return t(this.commitmentId ? 'commitmentForm.editTitle' : 'commitmentForm.createTitle');
  }

  override connectedCallback() {
    super.connectedCallback();
    void welshInUse().then((w) => (this.welsh = w));
    document.title = `${this.heading} – ${t('app.name')}`;
  }

  private body(d: Draft, promiseId: number) {
    const body: Record<string, unknown> = {
      title: d.title,
      childTitle: d.childTitle,
      childTitleCy: d.childTitleCy,
      childReason: d.childReason,
      ownerId: d.ownerId ? Number(d.ownerId) : null,
    };
    // Leave a missing date or choice out so the API names the field, rather than guessing here.
    if (d.dueDate) body.dueDate = d.dueDate;
    if (d.status) body.status = d.status;
    // Not a whole number is sent as typed, so the API names the field.
    const progress = d.progress.trim();
    if (progress) body.progress = /^\d+$/.test(progress) ? Number(progress) : progress;
    if (this.commitmentId) {
      body.version = this.version;
      if (d.dueDate !== this.savedDueDate && d.dueDateReason.trim()) body.dueDateReason = d.dueDateReason;
    } else body.promiseId = promiseId;
    return body;
  }

  private async submit(e: SubmitEvent, promiseId: number) {
    e.preventDefault();
    const draft = readDraft(e.target as HTMLFormElement, FIELDS);
    this.draft = draft;
    await this.formState.submit(async () => {
      const body = this.body(draft, promiseId);
      if (this.commitmentId) await api.patch<CommitmentSaved>(`/commitments/${this.commitmentId}`, body);
      else await api.post<CommitmentDetail>('/commitments', body);
      navigate(`/promises/${promiseId}`);
    });
  }

  /** Archived or restored: the next save or archive carries the new version. */
  private async archiveChanged() {
    this.formState.clear();
    this.theirs = null;
    const c = await api.get<CommitmentDetail>(`/commitments/${this.commitmentId}`);
    this.version = c.version;
    this.archived = c.archived;
  }

  private conflict(people: Person[]) {
    const c = this.theirs;
    if (!c) return nothing;
    const owner = people.find((u) => u.id === c.ownerId)?.name ?? t('promise.noOwner');
    return theirVersionBanner([
      { key: t(LABEL.title), value: c.title },
      { key: t(LABEL.childTitle), value: c.childTitle },
      { key: t(LABEL.childTitleCy), value: c.childTitleCy },
      { key: t(LABEL.ownerId), value: owner },
      { key: t(LABEL.dueDate), value: c.dueDate },
      { key: t(LABEL.status), value: t(`promise.status.${c.status}`) },
      { key: t(LABEL.progress), value: String(c.progress) },
      { key: t(LABEL.childReason), value: c.childReason },
    ]);
  }

  private form({ promise, people }: Loaded) {
    const d = this.draft;
    const e = this.formState.errors;
    const back = `/promises/${promise.id}`;
    return html`<a class="govuk-back-link" href=${back}>${t('commitmentForm.back')}</a>
      ${this.conflict(people)}
      <pt-error-summary .errors=${this.formState.summary()}></pt-error-summary>
      <span class="govuk-caption-l">${promise.staffText}</span>
      <h1 class="govuk-heading-l">${this.heading}</h1>
      ${keyed(
        this.formKey,
        html`<form novalidate @submit=${(ev: SubmitEvent) => void this.submit(ev, promise.id)}>
          <pt-character-count
            name="title"
            label=${t(LABEL.title)}
            hint=${t('commitmentForm.titleHint')}
            maxlength="200"
            rows="2"
            .value=${d.title}
            error=${e.title ?? ''}
          ></pt-character-count>
          <pt-character-count
            name="childTitle"
            label=${t(LABEL.childTitle)}
            hint=${t('commitmentForm.childTitleHint')}
            optional
            maxlength="200"
            rows="2"
            .value=${d.childTitle}
            error=${e.childTitle ?? ''}
          ></pt-character-count>
          <pt-reading-age for="f-childTitle" language="en"></pt-reading-age>
          <pt-character-count
            name="childTitleCy"
            ?hidden=${!this.welsh}
            label=${t(LABEL.childTitleCy)}
            optional
            maxlength="200"
            rows="2"
            .value=${d.childTitleCy}
            error=${e.childTitleCy ?? ''}
          ></pt-character-count>
          <pt-reading-age for="f-childTitleCy" language="cy" ?hidden=${!this.welsh}></pt-reading-age>
          <pt-select-field
            name="ownerId"
            label=${t(LABEL.ownerId)}
            .value=${d.ownerId}
            error=${e.ownerId ?? ''}
            .options=${[{ value: '', label: t('commitmentForm.noOwner') }, ...personOptions(people)]}
          ></pt-select-field>
          <pt-date-input
            name="dueDate"
            legend=${t(LABEL.dueDate)}
            hint=${t('commitmentForm.dueDateHint')}
            .value=${d.dueDate}
            error=${e.dueDate ?? ''}
          ></pt-date-input>
          ${
            this.commitmentId
              ? html`<pt-character-count
                  name="dueDateReason"
                  label=${t(LABEL.dueDateReason)}
                  hint=${t('commitmentForm.dueDateReasonHint')}
                  optional
                  maxlength="500"
                  rows="2"
                  .value=${d.dueDateReason}
                  error=${e.dueDateReason ?? ''}
                ></pt-character-count>`
              : nothing
          }
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
            hint=${t('commitmentForm.progressHint')}
            width="3"
            .value=${d.progress}
            error=${e.progress ?? ''}
          ></pt-text-field>
          <pt-character-count
            name="childReason"
            label=${t(LABEL.childReason)}
            hint=${t('commitmentForm.childReasonHint')}
            optional
            maxlength="500"
            .value=${d.childReason}
            error=${e.childReason ?? ''}
          ></pt-character-count>
          <pt-reading-age for="f-childReason" language="en"></pt-reading-age>
          <div class="govuk-button-group">
            <button type="submit" class="govuk-button" ?disabled=${this.formState.busy}>${t('form.save')}</button>
            <a class="govuk-link" href=${back}>${t('form.cancel')}</a>
          </div>
        </form>`,
      )}
      ${
        this.commitmentId
          ? html`<pt-archive-panel
              kind="commitment"
              .itemId=${this.commitmentId}
              .version=${this.version}
              ?archived=${this.archived}
              @pt-archive-change=${() => void this.archiveChanged()}
              @pt-archive-error=${(ev: CustomEvent<ApiError>) => this.formState.showError(ev.detail)}
            ></pt-archive-panel>`
          : nothing
      }`;
  }

  override render() {
    return taskView(this.load, (loaded) => this.form(loaded), this.heading);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-commitment-form-page': PtCommitmentFormPage;
  }
}
