// Admins see every email the service has sent or is trying to send: sent, waiting (to be
// retried) and failed. Bodies are never shown: a waiting one may hold a link that still works.
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { OutboxList } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { api } from '../api/client.js';
import { dayTime } from '../dates.js';
import { t } from '../i18n/messages.js';
import type { Column } from '../components/pt-data-table.js';
import '../components/pt-data-table.js';
import '../components/pt-notification-banner.js';
import { taskView } from '../components/task-view.js';

type Item = OutboxList['items'][number];

const when = (iso: string) => dayTime(iso);
const TAG = { sent: 'govuk-tag--green', waiting: 'govuk-tag--yellow', failed: 'govuk-tag--red' } as const;

@customElement('pt-admin-outbox-page')
export class PtAdminOutboxPage extends PtLightElement {
  private load = new Task(this, {
    task: async (_args, { signal }) => api.get<OutboxList>('/outbox', signal),
    args: () => [],
  });

  private readonly columns: Column<Item>[] = [
    { key: 'when', label: t('outbox.when'), sortValue: (r) => r.createdAt, render: (r) => when(r.createdAt) },
    { key: 'to', label: t('outbox.to'), sortValue: (r) => r.to, render: (r) => r.to },
    { key: 'subject', label: t('outbox.subject'), render: (r) => r.subject },
    {
      key: 'status',
      label: t('outbox.status'),
      sortValue: (r) => r.status,
      render: (r) => html`<strong class="govuk-tag ${TAG[r.status]}">${t(`outbox.${r.status}`)}</strong>`,
    },
    {
      key: 'attempts',
      label: t('outbox.attempts'),
      numeric: true,
      sortValue: (r) => r.attempts,
      render: (r) => r.attempts,
    },
  ];

  override connectedCallback() {
    super.connectedCallback();
    document.title = `${t('outbox.title')} – ${t('app.name')}`;
  }

  override render() {
    return html`<a class="govuk-back-link" href="/admin">${t('admin.back')}</a>
      <h1 class="govuk-heading-l">${t('outbox.title')}</h1>
      <p class="govuk-body">${t('outbox.hint')}</p>
      ${taskView(
        this.load,
        (list) =>
          html`${list.sending ? '' : html`<pt-notification-banner heading=${t('outbox.notSending')}></pt-notification-banner>`}
            <p class="govuk-body" data-outbox-counts>${t('outbox.counts', list.counts)}</p>
            ${
              list.items.length
                ? html`<pt-data-table
                    caption=${t('outbox.caption')}
                    .columns=${this.columns}
                    .rows=${list.items}
                  ></pt-data-table>`
                : html`<p class="govuk-body">${t('outbox.empty')}</p>`
            }`,
      )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-admin-outbox-page': PtAdminOutboxPage;
  }
}
