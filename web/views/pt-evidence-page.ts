// "How we'll know", in words: the case studies, quotes and document links for one promise,
// newest first, and a form to add one (each with the date it happened or was written).
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { Task } from '@lit/task';
import type { CouncilPromise, EvidenceItem } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { api } from '../api/client.js';
import { hasRole } from '../session.js';
import { t, type MessageKey } from '../i18n/messages.js';
import { FormController } from '../controllers/form-controller.js';
import { taskView } from '../components/task-view.js';
import type { Column } from '../components/pt-data-table.js';
import { formatDay } from '../components/pt-commitment-card.js';
import '../components/pt-text-field.js';
import '../components/pt-character-count.js';
import '../components/pt-radios-field.js';
import '../components/pt-date-input.js';
import '../components/pt-error-summary.js';
import '../components/pt-notification-banner.js';
import '../components/pt-data-table.js';
import '../components/pt-loading.js';
import '../components/pt-error-state.js';

const KINDS = ['case_study', 'quote', 'document'] as const;
const FIELDS = ['kind', 'title', 'body', 'url', 'dated'] as const;
type Field = (typeof FIELDS)[number];
const LABEL: Record<Field, MessageKey> = {
  kind: 'evidence.kind',
  title: 'evidence.titleField',
  body: 'evidence.body',
  url: 'evidence.url',
  dated: 'evidence.dated',
};
type Draft = Record<Field, string>;
const EMPTY: Draft = { kind: '', title: '', body: '', url: '', dated: '' };

@customElement('pt-evidence-page')
export class PtEvidencePage extends PtLightElement {
  @property({ type: Number }) promiseId = 0;

  @state() private draft: Draft = EMPTY;
  @state() private saved = false;
  @state() private formKey = 0;

  private formState = new FormController(this, { fields: FIELDS, labels: LABEL });

  private data = new Task(this, {
    task: async ([id], { signal }) => {
      const [promise, evidence] = await Promise.all([
        api.get<CouncilPromise>(`/promises/${id}`, signal),
        api.get<{ items: EvidenceItem[] }>(`/evidence?promiseId=${id}&pageSize=200`, signal),
      ]);
      document.title = `${t('evidence.title', { promise: promise.staffText })} – ${t('app.name')}`;
      return { promise, items: evidence.items };
    },
    args: () => [this.promiseId] as const,
  });

  private columns: Column<EvidenceItem>[] = [
    { key: 'date', label: t('evidence.col.date'), sortValue: (e) => e.dated, render: (e) => formatDay(e.dated) },
    { key: 'kind', label: t('evidence.col.kind'), render: (e) => t(`evidence.kind.${e.kind}`) },
    {
      key: 'title',
      label: t('evidence.col.title'),
      sortValue: (e) => e.title,
      render: (e) =>
        e.url ? html`<a class="govuk-link" href=${e.url} rel="noopener noreferrer">${e.title}</a>` : e.title,
    },
    { key: 'detail', label: t('evidence.col.detail'), render: (e) => e.body },
  ];

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const d = Object.fromEntries(FIELDS.map((f) => [f, String(data.get(f) ?? '')])) as Draft;
    this.draft = d;
    this.saved = false;
    const body: Record<string, unknown> = { promiseId: this.promiseId, title: d.title, body: d.body, url: d.url };
    // Leave a missing choice out so the API names the field, rather than sending a wrong value.
    if (d.kind) body.kind = d.kind;
    if (d.dated) body.dated = d.dated;
    await this.formState.submit(async () => {
      await api.post<EvidenceItem>('/evidence', body);
      this.saved = true;
      this.draft = EMPTY;
      this.formKey++;
      await this.data.run();
    });
  }

  private form() {
    const d = this.draft;
    const e = this.formState.errors;
    return html`<form novalidate @submit=${(ev: SubmitEvent) => void this.submit(ev)}>
      <pt-radios-field
        name="kind"
        legend=${t(LABEL.kind)}
        .value=${d.kind}
        error=${e.kind ?? ''}
        .options=${KINDS.map((k) => ({ value: k, label: t(`evidence.kind.${k}`) }))}
      ></pt-radios-field>
      <pt-text-field name="title" label=${t(LABEL.title)} .value=${d.title} error=${e.title ?? ''}></pt-text-field>
      <pt-character-count
        name="body"
        label=${t(LABEL.body)}
        hint=${t('evidence.bodyHint')}
        optional
        maxlength="5000"
        rows="5"
        .value=${d.body}
        error=${e.body ?? ''}
      ></pt-character-count>
      <pt-text-field
        name="url"
        label=${t(LABEL.url)}
        hint=${t('evidence.urlHint')}
        optional
        .value=${d.url}
        error=${e.url ?? ''}
      ></pt-text-field>
      <pt-date-input
        name="dated"
        legend=${t(LABEL.dated)}
        hint=${t('evidence.datedHint')}
        .value=${d.dated}
        error=${e.dated ?? ''}
      ></pt-date-input>
      <button type="submit" class="govuk-button" ?disabled=${this.formState.busy}>${t('evidence.save')}</button>
    </form>`;
  }

  private view(promise: CouncilPromise, items: EvidenceItem[]) {
    return html`<a class="govuk-back-link" href="/actions">${t('evidence.back')}</a>
      ${
        this.saved
          ? html`<pt-notification-banner
              type="success"
              heading=${t('actions.success')}
              text=${t('evidence.saved')}
            ></pt-notification-banner>`
          : nothing
      }
      <pt-error-summary .errors=${this.formState.summary()}></pt-error-summary>
      <h1 class="govuk-heading-l">${t('evidence.title', { promise: promise.staffText })}</h1>
      ${
        items.length
          ? html`<pt-data-table
              caption=${t('evidence.listCaption')}
              .columns=${this.columns}
              .rows=${items}
            ></pt-data-table>`
          : html`<p class="govuk-body">${t('evidence.empty')}</p>`
      }
      ${
        hasRole('admin', 'owner')
          ? html`<h2 class="govuk-heading-m">${t('evidence.addHeading')}</h2>
              ${keyed(this.formKey, this.form())}`
          : nothing
      }`;
  }

  override render() {
    return taskView(this.data, ({ promise, items }) => this.view(promise, items), t('actions.title'));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-evidence-page': PtEvidencePage;
  }
}
