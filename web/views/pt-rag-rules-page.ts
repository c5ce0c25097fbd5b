// "How we decide the colour": written by the server from the same rules and the council's live
// thresholds that make every suggestion, so this page cannot drift from what the rules do.
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { RagRulesPage } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { api } from '../api/client.js';
import { t } from '../i18n/messages.js';
import { ragDefinitionList } from '../components/pt-board-rag-definitions.js';
import '../components/pt-status-tag.js';
import { taskView } from '../components/task-view.js';

@customElement('pt-rag-rules-page')
export class PtRagRulesPage extends PtLightElement {
  private rules = new Task(this, {
    task: (_args, { signal }) => api.get<RagRulesPage>('/board/rag-rules', signal),
    args: () => [],
  });

  private view(page: RagRulesPage) {
    document.title = `${t('rules.title')} – ${t('app.name')}`;
    return html`<a class="govuk-back-link" href="/board">${t('meeting.back')}</a>
      <h1 class="govuk-heading-xl">${t('rules.title')}</h1>
      <p class="govuk-body-l">${t('rules.lede')}</p>
      <h2 class="govuk-heading-l">${t('board.definitions')}</h2>
      ${ragDefinitionList(page.definitions)}
      ${page.rules.map(
        (rule) =>
          html`<h2 class="govuk-heading-m">${rule.title}</h2>
            <dl class="govuk-summary-list">
              <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key"><pt-status-tag .rating=${'red'}></pt-status-tag></dt>
                <dd class="govuk-summary-list__value">${rule.red}</dd>
              </div>
              <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key"><pt-status-tag .rating=${'amber'}></pt-status-tag></dt>
                <dd class="govuk-summary-list__value">${rule.amber}</dd>
              </div>
              <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key"><pt-status-tag .rating=${'green'}></pt-status-tag></dt>
                <dd class="govuk-summary-list__value">${rule.green}</dd>
              </div>
              ${
                rule.blue
                  ? html`<div class="govuk-summary-list__row">
                      <dt class="govuk-summary-list__key"><pt-status-tag .rating=${'blue'}></pt-status-tag></dt>
                      <dd class="govuk-summary-list__value">${rule.blue}</dd>
                    </div>`
                  : ''
              }
            </dl>`,
      )}
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--m">
          ${t('rules.thresholds')}
        </caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">${t('rules.threshold')}</th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">${t('rules.value')}</th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          ${Object.entries(page.thresholds).map(
            ([k, v]) =>
              html`<tr class="govuk-table__row">
                <th scope="row" class="govuk-table__header">${k}</th>
                <td class="govuk-table__cell govuk-table__cell--numeric">${v}</td>
              </tr>`,
          )}
        </tbody>
      </table>`;
  }

  override render() {
    return taskView(this.rules, (p) => this.view(p));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-rag-rules-page': PtRagRulesPage;
  }
}
