// The Feedback section's front page: the count of items not linked yet (always visible), the
// workflow's entry points, and the latest items.
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { FeedbackPage } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { api } from '../api/client.js';
import { day } from '../dates.js';
import { t, type MessageKey } from '../i18n/messages.js';
import '../components/pt-words-tag.js';
import { taskView } from '../components/task-view.js';

@customElement('pt-feedback-page')
export class PtFeedbackPage extends PtLightElement {
  private load = new Task(this, {
    task: async (_a, { signal }) => api.get<FeedbackPage>('/feedback?pageSize=20', signal),
    args: () => [] as const,
  });

  override connectedCallback() {
    super.connectedCallback();
    document.title = `${t('fb.title')} – ${t('app.name')}`;
  }

  override render() {
    const params = new URLSearchParams(location.search);
    const saved = params.get('saved');
    const mayIdentify = params.get('mayIdentify');
    return html`<h1 class="govuk-heading-l">${t('fb.title')}</h1>
      ${
        saved
          ? html`<div class="govuk-notification-banner govuk-notification-banner--success" role="status">
              <div class="govuk-notification-banner__content">
                <p class="govuk-body">${t('session.saved', { count: saved })}</p>
              </div>
            </div>`
          : ''
      }
      ${
        saved && mayIdentify
          ? html`<div class="govuk-warning-text" data-testid="capture-warning">
              <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
              <strong class="govuk-warning-text__text">${t('session.mayIdentify', { count: mayIdentify })}</strong>
            </div>`
          : ''
      }
      <ul class="govuk-list pt-fb-actions">
        <li><a class="govuk-link" href="/feedback/sessions/new">${t('fb.logSession')}</a></li>
        <li><a class="govuk-link" href="/feedback/import">${t('fb.import')}</a></li>
        <li><a class="govuk-link" href="/feedback/approvals">${t('fb.approvals')}</a></li>
        <li><a class="govuk-link" href="/feedback/waiting">${t('fb.waiting')}</a></li>
        <li><a class="govuk-link" href="/feedback/measures">${t('fb.measures')}</a></li>
        <li><a class="govuk-link" href="/feedback/you-said-we-did">${t('fb.sheet')}</a></li>
        <li><a class="govuk-link" href="/api/v1/feedback/export.csv" download>${t('fb.export')}</a></li>
      </ul>
      ${taskView(
        this.load,
        (page) =>
          html`<p class="govuk-inset-text pt-fb-unlinked" data-testid="unlinked">
              ${t('fb.unlinked', { count: page.unlinkedCount })}
            </p>
            <table class="govuk-table">
              <caption class="govuk-table__caption govuk-table__caption--m">
                ${t('fb.recent')}
              </caption>
              <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                  <th scope="col" class="govuk-table__header">${t('fb.heardOn')}</th>
                  <th scope="col" class="govuk-table__header">${t('fb.words')}</th>
                  <th scope="col" class="govuk-table__header">${t('fb.state')}</th>
                </tr>
              </thead>
              <tbody class="govuk-table__body">
                ${page.items.map(
                  (i) =>
                    html`<tr class="govuk-table__row">
                      <td class="govuk-table__cell">${day(i.heardOn)}</td>
                      <td class="govuk-table__cell">
                        <a class="govuk-link" href="/feedback/${i.id}">${i.text}</a>
                        <pt-words-tag shown=${i.wordsShown}></pt-words-tag>
                        ${
                          i.identifierKinds?.length
                            ? html`<strong class="govuk-tag govuk-tag--orange">${t('fb.mayIdentify')}</strong>`
                            : ''
                        }
                      </td>
                      <td class="govuk-table__cell">
                        ${
                          i.safeguarding
                            ? html`<strong class="govuk-tag govuk-tag--red">${t('fb.flagged')}</strong>`
                            : t(`fb.publish.${i.publishState}` as MessageKey)
                        }
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>`,
      )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-feedback-page': PtFeedbackPage;
  }
}
