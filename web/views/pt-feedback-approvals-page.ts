// Words waiting for approval: every change to words children read (feedback's public words and
// answers, commitments', measures', promises' and themes' children's words), oldest first, with
// who made it and whether it needs a second person. Participation workers and admins.
import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { WordEntity, WordsQueue, WordsQueueEntry } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { api } from '../api/client.js';
import { day } from '../dates.js';
import { t, type MessageKey } from '../i18n/messages.js';
import { taskView } from '../components/task-view.js';

const ENTITIES: readonly WordEntity[] = ['feedback', 'commitment', 'measure', 'promise', 'theme'];

/** Where a change is checked: feedback on its own page, everything else on the review page. */
export const reviewHref = (e: Pick<WordsQueueEntry, 'entity' | 'entityId'>) =>
  e.entity === 'feedback' ? `/feedback/${e.entityId}` : `/feedback/approvals/${e.entity}/${e.entityId}`;

@customElement('pt-feedback-approvals-page')
export class PtFeedbackApprovalsPage extends PtLightElement {
  @state() private entity: WordEntity | '' = '';

  private load = new Task(this, {
    task: async ([entity], { signal }) =>
      api.get<WordsQueue>(`/public-words?pageSize=200${entity ? `&entity=${entity}` : ''}`, signal),
    args: () => [this.entity] as const,
  });

  override connectedCallback() {
    super.connectedCallback();
    document.title = `${t('approvals.title')} – ${t('app.name')}`;
  }

  private row(e: WordsQueueEntry) {
    return html`<tr class="govuk-table__row">
      <td class="govuk-table__cell">
        ${t(`approvals.entity.${e.entity}` as MessageKey)}
        <a class="govuk-link" href=${reviewHref(e)}>${e.label || `#${e.entityId}`}</a>
      </td>
      <td class="govuk-table__cell">${e.changedByName ?? t('approvals.someone')}</td>
      <td class="govuk-table__cell">${day(e.changedAt)}</td>
      <td class="govuk-table__cell">
        <strong class="govuk-tag ${e.state === 'to_check' ? 'govuk-tag--yellow' : 'govuk-tag--blue'}"
          >${t(`approvals.state.${e.state}`)}</strong
        >
      </td>
    </tr>`;
  }

  override render() {
    return html`<h1 class="govuk-heading-l">${t('approvals.title')}</h1>
      <p class="govuk-body">${t('approvals.intro')}</p>
      ${taskView(
        this.load,
        (queue) => {
          const { counts } = queue;
          return html`<p class="govuk-body" data-testid="approval-counts">
              <strong>${t('approvals.counts', { toCheck: counts.toCheck, second: counts.awaitingSecond })}</strong>
            </p>
            <nav aria-label=${t('approvals.kind')}>
              <ul class="govuk-list pt-fb-actions">
                <li>
                  <a
                    class="govuk-link"
                    href="/feedback/approvals"
                    aria-current=${this.entity === '' ? 'page' : 'false'}
                    @click=${(ev: Event) => {
                      ev.preventDefault();
                      this.entity = '';
                    }}
                    >${t('approvals.all')}</a
                  >
                </li>
                ${ENTITIES.map(
                  (entity) =>
                    html`<li>
                      <a
                        class="govuk-link"
                        href="/feedback/approvals?entity=${entity}"
                        aria-current=${this.entity === entity ? 'page' : 'false'}
                        @click=${(ev: Event) => {
                          ev.preventDefault();
                          this.entity = entity;
                        }}
                        >${t(`approvals.filter.${entity}` as MessageKey)} (${counts.byEntity[entity] ?? 0})</a
                      >
                    </li>`,
                )}
              </ul>
            </nav>
            ${
              queue.items.length === 0
                ? html`<p class="govuk-body">${t('approvals.empty')}</p>`
                : html`<table class="govuk-table">
                    <caption class="govuk-table__caption govuk-table__caption--s">
                      ${t('approvals.title')}
                    </caption>
                    <thead class="govuk-table__head">
                      <tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">${t('approvals.kind')}</th>
                        <th scope="col" class="govuk-table__header">${t('approvals.changedBy')}</th>
                        <th scope="col" class="govuk-table__header">${t('approvals.when')}</th>
                        <th scope="col" class="govuk-table__header">${t('approvals.state')}</th>
                      </tr>
                    </thead>
                    <tbody class="govuk-table__body">
                      ${queue.items.map((e) => this.row(e))}
                    </tbody>
                  </table>`
            }`;
        },
        t('approvals.title'),
      )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-feedback-approvals-page': PtFeedbackApprovalsPage;
  }
}
