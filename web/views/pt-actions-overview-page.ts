// For admins: every owner's overdue commitments and those with no recent update, partners
// included, on one page, so the council can chase them before the board does.
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { ActionsOverview, OverviewItem, OwnerOverview } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { api } from '../api/client.js';
import { t } from '../i18n/messages.js';
import { taskView } from '../components/task-view.js';
import type { Column } from '../components/pt-data-table.js';
import { formatDay } from '../components/pt-commitment-card.js';
import '../components/pt-data-table.js';
import '../components/pt-loading.js';
import '../components/pt-empty-state.js';
import '../components/pt-error-state.js';

@customElement('pt-actions-overview-page')
export class PtActionsOverviewPage extends PtLightElement {
  private data = new Task(this, {
    task: (_args, { signal }) => api.get<ActionsOverview>('/my-actions/overview', signal),
    args: () => [] as const,
  });

  private columns: Column<OverviewItem>[] = [
    {
      key: 'title',
      label: t('actionsOverview.col.commitment'),
      sortValue: (c) => c.title,
      render: (c) => html`<a class="govuk-link" href="/actions/commitments/${c.id}">${c.title}</a>`,
    },
    {
      key: 'promise',
      label: t('actionsOverview.col.promise'),
      sortValue: (c) => c.promiseStaffText,
      render: (c) => c.promiseStaffText,
    },
    {
      key: 'due',
      label: t('actionsOverview.col.due'),
      sortValue: (c) => c.dueDate,
      render: (c) => formatDay(c.dueDate),
    },
    {
      key: 'days',
      label: t('actionsOverview.col.days'),
      numeric: true,
      sortValue: (c) => c.daysSinceUpdate,
      render: (c) => c.daysSinceUpdate,
    },
    { key: 'status', label: t('actionsOverview.col.status'), render: (c) => t(`promise.status.${c.status}`) },
  ];

  override connectedCallback() {
    super.connectedCallback();
    document.title = `${t('actionsOverview.title')} – ${t('app.name')}`;
  }

  private owner(o: OwnerOverview) {
    const name = o.ownerName ?? t('actionsOverview.noOwner');
    const about = [o.jobTitle, o.agency].filter(Boolean).join(', ');
    return html`<section class="pt-actions-group">
      <h2 class="govuk-heading-m">${name}${about ? html` <span class="govuk-caption-m">${about}</span>` : ''}</h2>
      ${
        o.overdue.length
          ? html`<pt-data-table
              caption=${t('actionsOverview.overdueCaption', { name })}
              caption-visible
              .columns=${this.columns}
              .rows=${o.overdue}
            ></pt-data-table>`
          : ''
      }
      ${
        o.stale.length
          ? html`<pt-data-table
              caption=${t('actionsOverview.staleCaption', { name })}
              caption-visible
              .columns=${this.columns}
              .rows=${o.stale}
            ></pt-data-table>`
          : ''
      }
    </section>`;
  }

  private view(d: ActionsOverview) {
    return html`<a class="govuk-back-link" href="/actions">${t('actionsUpdate.back')}</a>
      <h1 class="govuk-heading-l">${t('actionsOverview.title')}</h1>
      <p class="govuk-body">${t('actionsOverview.intro', { stale: d.staleAfterDays })}</p>
      ${
        d.owners.length
          ? d.owners.map((o) => this.owner(o))
          : html`<pt-empty-state text=${t('actionsOverview.empty')}></pt-empty-state>`
      }`;
  }

  override render() {
    return taskView(this.data, (d) => this.view(d), t('actionsOverview.title'));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-actions-overview-page': PtActionsOverviewPage;
  }
}
