// "My actions": the signed-in owner's commitments grouped by promise (overdue first, then due
// soon, then stale), each beside the children's words that prompted it, and the measures they
// enter figures for. Partner owners see exactly the same page.
import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { MyActionGroup, MyActions } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { api } from '../api/client.js';
import { hasRole } from '../session.js';
import { t } from '../i18n/messages.js';
import { taskView } from '../components/task-view.js';
import '../components/pt-commitment-card.js';
import '../components/pt-loading.js';
import '../components/pt-empty-state.js';
import '../components/pt-error-state.js';
import '../components/pt-needs-doing.js';

@customElement('pt-actions-page')
export class PtActionsPage extends PtLightElement {
  private data = new Task(this, {
    task: (_args, { signal }) => api.get<MyActions>('/my-actions', signal),
    args: () => [] as const,
  });

  override connectedCallback() {
    super.connectedCallback();
    document.title = `${t('actions.title')} – ${t('app.name')}`;
  }

  private group(g: MyActionGroup) {
    return html`<section class="pt-actions-group" aria-labelledby="promise-${g.promiseId}">
      <h2 class="govuk-heading-m" id="promise-${g.promiseId}">${g.promiseStaffText}</h2>
      <p class="govuk-body-s">
        <a class="govuk-link" href="/promises/${g.promiseId}">${t('actions.promiseLink')}</a> ·
        <a class="govuk-link" href="/actions/promises/${g.promiseId}/evidence">${t('actions.evidenceLink')}</a>
      </p>
      ${g.commitments.map((c) => html`<pt-commitment-card .commitment=${c}></pt-commitment-card>`)}
      ${
        g.measures.length
          ? html`<h3 class="govuk-heading-s">${t('actions.measures')}</h3>
              <ul class="govuk-list">
                ${g.measures.map(
                  (m) =>
                    html`<li>
                      <a class="govuk-link" href="/actions/measures/${m.id}">${m.name}</a>
                      <span class="govuk-body-s"
                        >(${m.latestPeriod ? t('actions.latestPeriod', { period: m.latestPeriod }) : t('actions.noFigures')})</span
                      >
                    </li>`,
                )}
              </ul>`
          : nothing
      }
    </section>`;
  }

  private view(d: MyActions) {
    return html`<h1 class="govuk-heading-l">${t('actions.title')}</h1>
      <p class="govuk-body">${t('actions.intro', { dueSoon: d.dueSoonDays, stale: d.staleAfterDays })}</p>
      <pt-needs-doing></pt-needs-doing>
      ${
        hasRole('admin')
          ? html`<p class="govuk-body">
              <a class="govuk-link" href="/actions/overview">${t('actions.overviewLink')}</a>
            </p>`
          : nothing
      }
      ${
        d.groups.length === 0
          ? html`<pt-empty-state heading=${t('actions.emptyTitle')} text=${t('actions.emptyBody')}></pt-empty-state>`
          : html`<p class="govuk-inset-text">
                ${t('actions.counts', { overdue: d.counts.overdue, dueSoon: d.counts.dueSoon, stale: d.counts.stale })}
              </p>
              ${d.groups.map((g) => this.group(g))}`
      }`;
  }

  override render() {
    return taskView(this.data, (d) => this.view(d), t('actions.title'));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-actions-page': PtActionsPage;
  }
}
