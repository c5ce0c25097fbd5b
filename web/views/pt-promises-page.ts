// Every promise, grouped by theme, with its latest RAG rating, trend and counts.
import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { PromiseSummary, Theme } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { api } from '../api/client.js';
import { hasRole } from '../session.js';
import { t } from '../i18n/messages.js';
import type { Column } from '../components/pt-data-table.js';
import '../components/pt-data-table.js';
import '../components/pt-status-tag.js';
import '../components/pt-trend.js';
import '../components/pt-loading.js';
import '../components/pt-empty-state.js';
import '../components/pt-error-state.js';

type Page = { items: PromiseSummary[]; total: number };
const RAG_ORDER = { red: 0, amber: 1, green: 2, blue: 3 } as const;

@customElement('pt-promises-page')
export class PtPromisesPage extends PtLightElement {
  private data = new Task(this, {
    task: async (_args, { signal }) => {
      const [themes, promises] = await Promise.all([
        api.get<{ items: Theme[] }>('/themes', signal),
        api.get<Page>('/promises?pageSize=200&sort=theme', signal),
      ]);
      return { themes: themes.items, promises: promises.items };
    },
    args: () => [],
  });

  private columns: Column<PromiseSummary>[] = [
    {
      key: 'promise',
      label: t('promises.col.promise'),
      sortValue: (p) => p.staffText,
      render: (p) => html`<a class="govuk-link" href="/promises/${p.id}">${p.staffText}</a>`,
    },
    {
      key: 'rag',
      label: t('promises.col.rag'),
      sortValue: (p) => (p.rag.latest ? RAG_ORDER[p.rag.latest] : -1),
      render: (p) => html`<pt-status-tag .rating=${p.rag.latest}></pt-status-tag>`,
    },
    { key: 'trend', label: t('promises.col.trend'), render: (p) => html`<pt-trend .trend=${p.rag.trend}></pt-trend>` },
    {
      key: 'commitments',
      label: t('promises.col.commitments'),
      numeric: true,
      sortValue: (p) => p.counts.commitments,
      render: (p) => p.counts.commitments,
    },
    {
      key: 'overdue',
      label: t('promises.col.overdue'),
      numeric: true,
      sortValue: (p) => p.counts.commitmentsOverdue,
      render: (p) => p.counts.commitmentsOverdue,
    },
    {
      key: 'feedback',
      label: t('promises.col.feedback'),
      numeric: true,
      sortValue: (p) => p.counts.feedback,
      render: (p) => p.counts.feedback,
    },
  ];

  override connectedCallback() {
    super.connectedCallback();
    document.title = `${t('promises.title')} – ${t('app.name')}`;
  }

  private content(themes: Theme[], promises: PromiseSummary[]) {
    const admin = hasRole('admin');
    if (!promises.length)
      return html`<pt-empty-state
        heading=${t('promises.empty')}
        text=${admin ? t('promises.emptyAdmin') : ''}
      ></pt-empty-state>`;
    const used = themes.filter((th) => promises.some((p) => p.themeId === th.id));
    return html`<p class="govuk-body">${t('promises.totals', { promises: promises.length, themes: used.length })}</p>
      ${used.map((theme) => {
        const rows = promises.filter((p) => p.themeId === theme.id);
        const caption =
          rows.length === 1
            ? t('promises.captionOne', { theme: theme.name })
            : t('promises.caption', { theme: theme.name, n: rows.length });
        return html`<section class="pt-theme" aria-labelledby="theme-${theme.id}">
          <h2 class="govuk-heading-m" id="theme-${theme.id}">${theme.name}</h2>
          <pt-data-table caption=${caption} .columns=${this.columns} .rows=${rows}></pt-data-table>
        </section>`;
      })}`;
  }

  override render() {
    return html`<h1 class="govuk-heading-l">${t('promises.title')}</h1>
      <p class="govuk-body-l">${t('promises.intro')}</p>
      ${hasRole('admin') ? html`<a class="govuk-button" href="/promises/new">${t('admin.addPromise')}</a>` : nothing}
      ${this.data.render({
        pending: () => html`<pt-loading></pt-loading>`,
        complete: ({ themes, promises }) => this.content(themes, promises),
        error: (e) => html`<pt-error-state .error=${e} @pt-retry=${() => void this.data.run()}></pt-error-state>`,
      })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-promises-page': PtPromisesPage;
  }
}
