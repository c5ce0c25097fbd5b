// A partner agency's contact updates one commitment from the single-use link in their reminder,
// without a password. The token is in the link's #fragment, so it never reaches a server log or
// another site's Referer. The link names its commitment: this page can change nothing else.
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { CommitmentStatus, UpdateLinkInfo } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { ApiError, api } from '../api/client.js';
import { t, type MessageKey } from '../i18n/messages.js';
import '../components/pt-text-field.js';
import '../components/pt-radios-field.js';
import '../components/pt-error-summary.js';
import '../components/pt-loading.js';

const STATUSES: readonly CommitmentStatus[] = ['not_started', 'on_track', 'at_risk', 'off_track', 'done', 'dropped'];

@customElement('pt-update-link-page')
export class PtUpdateLinkPage extends PtLightElement {
  @state() private errors: Record<string, string> = {};
  @state() private busy = false;
  @state() private gone = false;
  @state() private done = false;

  private readonly token = location.hash.slice(1);

  private info = new Task(this, {
    task: async () => {
      try {
        return await api.post<UpdateLinkInfo>('/update-links/check', { token: this.token });
      } catch (err) {
        if (err instanceof ApiError && (err.status === 404 || err.status === 400)) {
          this.gone = true;
          return null;
        }
        throw err;
      }
    },
    args: () => [] as const,
  });

  override connectedCallback() {
    super.connectedCallback();
    document.title = `${t('updateLink.title')} – ${t('app.name')}`;
  }

  private async submit(e: SubmitEvent, info: UpdateLinkInfo) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const status = String(data.get('status') ?? info.commitment.status) as CommitmentStatus;
    const progressText = String(data.get('progress') ?? '').trim();
    const note = String(data.get('note') ?? '').trim();
    const errors: Record<string, string> = {};
    const progress = Number(progressText);
    if (!/^\d{1,3}$/.test(progressText) || progress > 100) errors.progress = t('updateLink.progressError');
    if (!note) errors.note = t('updateLink.noteError');
    this.errors = errors;
    if (Object.keys(errors).length) return this.focusSummary();
    this.busy = true;
    try {
      await api.post('/update-links/update', { token: this.token, status, progress, note });
      this.done = true;
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) this.gone = true;
      else {
        this.errors =
          err instanceof ApiError && Object.keys(err.fieldErrors).length
            ? { ...err.fieldErrors }
            : { note: err instanceof ApiError && err.detail ? err.detail : t('error.generic') };
        this.focusSummary();
      }
    } finally {
      this.busy = false;
    }
  }

  private focusSummary() {
    void this.updateComplete.then(() => this.querySelector<HTMLElement>('.govuk-error-summary')?.focus());
  }

  private form(info: UpdateLinkInfo) {
    const c = info.commitment;
    return html`<pt-error-summary
        .errors=${Object.entries(this.errors).map(([k, message]) => ({ fieldId: `f-${k}`, message }))}
      ></pt-error-summary>
      <span class="govuk-caption-l">${t('updateLink.title')}</span>
      <h1 class="govuk-heading-l">${c.title}</h1>
      <p class="govuk-body">${t('updateLink.for', { name: info.name })} ${t('updateLink.due', { date: c.dueWords })}</p>
      <form novalidate @submit=${(e: SubmitEvent) => void this.submit(e, info)}>
        <pt-radios-field
          name="status"
          legend=${t('updateLink.status')}
          .value=${c.status}
          error=${this.errors.status ?? ''}
          .options=${STATUSES.map((s) => ({ value: s, label: t(`promise.status.${s}` as MessageKey) }))}
        ></pt-radios-field>
        <pt-text-field
          name="progress"
          label=${t('updateLink.progress')}
          width="3"
          .value=${String(c.progress)}
          error=${this.errors.progress ?? ''}
        ></pt-text-field>
        <pt-text-field
          name="note"
          label=${t('updateLink.note')}
          hint=${t('updateLink.noteHint')}
          multiline
          error=${this.errors.note ?? ''}
        ></pt-text-field>
        <button type="submit" class="govuk-button" ?disabled=${this.busy}>${t('updateLink.submit')}</button>
      </form>`;
  }

  override render() {
    let body;
    if (this.done)
      body = html`<div class="govuk-panel govuk-panel--confirmation">
          <h1 class="govuk-panel__title">${t('updateLink.doneTitle')}</h1>
        </div>
        <p class="govuk-body">${t('updateLink.doneBody')}</p>`;
    else if (this.gone)
      body = html`<h1 class="govuk-heading-l">${t('updateLink.goneTitle')}</h1>
        <p class="govuk-body">${t('updateLink.gone')}</p>`;
    else
      body = this.info.render({
        pending: () => html`<pt-loading></pt-loading>`,
        complete: (info) => (info ? this.form(info) : nothing),
        error: () =>
          html`<h1 class="govuk-heading-l">${t('updateLink.goneTitle')}</h1>
            <p class="govuk-body">${t('error.generic')}</p>`,
      });
    return html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">${body}</div></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-update-link-page': PtUpdateLinkPage;
  }
}
