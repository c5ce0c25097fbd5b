// The Feedback section's front page: the count of items not linked yet (always visible, a link to
// just those items), the workflow's entry points, and the latest items.
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { FeedbackPage } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { api } from '../api/client.js';
import { onRouteChange } from '../router.js';
import { day } from '../dates.js';
import { t, type MessageKey } from '../i18n/messages.js';
import '../components/pt-download-link.js';
import '../components/pt-words-tag.js';
import '../components/pt-recent-sessions.js';
import { taskView } from '../components/task-view.js';
import '../components/pt-needs-doing.js';

@customElement('pt-feedback-page')
export class PtFeedbackPage extends PtLightElement {
  private load = new Task(this, {
    task: async ([unlinked], { signal }) =>
      api.get<FeedbackPage>(`/feedback?pageSize=${unlinked ? 200 : 20}${unlinked ? '&unlinked=true' : ''}`, signal),
    args: () => [this.unlinkedOnly()] as const,
  });
  private stopListening: () => void = () => undefined;

  override connectedCallback() {
    super.connectedCallback();
    document.title = `${t('fb.title')} – ${t('app.name')}`;
    // The same page with and without ?unlinked=true: the link between them is a route change.
    this.stopListening = onRouteChange(() => this.requestUpdate());
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.stopListening();
  }

  private unlinkedOnly() {
    return new URLSearchParams(location.search).get('unlinked') === 'true';
  }

  override render() {
    const unlinked = this.unlinkedOnly();
    return html`<h1 class="govuk-heading-l">${t('fb.title')}</h1>
      <ul class="govuk-list pt-fb-actions">
        <li><a class="govuk-link" href="/feedback/sessions/new">${t('fb.logSession')}</a></li>
        <li><a class="govuk-link" href="/feedback/import">${t('fb.import')}</a></li>
        <li><a class="govuk-link" href="/feedback/approvals">${t('fb.approvals')}</a></li>
        <li><a class="govuk-link" href="/feedback/waiting">${t('fb.waiting')}</a></li>
        <li><a class="govuk-link" href="/feedback/measures">${t('fb.measures')}</a></li>
        <li><a class="govuk-link" href="/feedback/you-said-we-did">${t('fb.sheet')}</a></li>
        <li><pt-download-link href="/api/v1/feedback/export.csv" label=${t('fb.export')}></pt-download-link></li>
      </ul>
      <pt-recent-sessions></pt-recent-sessions>
      <pt-needs-doing></pt-needs-doing>
      ${taskView(
        this.load,
        (page) =>
          html`<p class="govuk-inset-text pt-fb-unlinked" data-testid="unlinked">
              ${
                unlinked
                  ? html`${t(page.unlinkedCount === 1 ? 'fb.unlinkedOne' : 'fb.unlinked', { count: page.unlinkedCount })}.
                      <a class="govuk-link" href="/feedback">${t('fb.showAll')}</a>`
                  : html`<a class="govuk-link" href="/feedback?unlinked=true"
                      >${t(page.unlinkedCount === 1 ? 'fb.unlinkedOne' : 'fb.unlinked', { count: page.unlinkedCount })}</a
                    >`
              }
            </p>
            <table class="govuk-table">
              <caption class="govuk-table__caption govuk-table__caption--m">
                ${t(unlinked ? 'fb.unlinkedTitle' : 'fb.recent')}
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
