// Previous and next through the items of one forum session, from an item's page (GOV.UK
// pagination, block style), and the way back to the session's worklist. Renders nothing for an
// item that was not logged at a session.
import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { ForumSessionWithItems } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { api } from '../api/client.js';
import { t } from '../i18n/messages.js';

@customElement('pt-session-pager')
export class PtSessionPager extends PtLightElement {
  @property({ type: Number }) feedbackId = 0;
  @property({ type: Number }) sessionId = 0;

  /** The session's item ids in order: read once per session, not on every step. */
  private order = new Task(this, {
    task: async ([sessionId], { signal }): Promise<number[]> =>
      sessionId
        ? (await api.get<ForumSessionWithItems>(`/forum-sessions/${sessionId}`, signal)).items.map((i) => i.id)
        : [],
    args: () => [this.sessionId] as const,
  });

  override render() {
    if (!this.sessionId) return nothing;
    return this.order.render({
      complete: (ids) => {
        const at = ids.indexOf(this.feedbackId);
        if (at < 0) return nothing;
        const prev = ids[at - 1];
        const next = ids[at + 1];
        return html`<nav
          class="govuk-pagination govuk-pagination--block pt-session-pager"
          aria-label=${t('pager.label')}
        >
          <p class="govuk-body govuk-!-margin-bottom-2">
            ${t('pager.position', { n: at + 1, total: ids.length })} ·
            <a class="govuk-link" href="/feedback/sessions/${this.sessionId}">${t('pager.worklist')}</a>
          </p>
          ${
            prev
              ? html`<div class="govuk-pagination__prev">
                  <a class="govuk-link govuk-pagination__link" href="/feedback/${prev}" rel="prev">
                    <span class="govuk-pagination__link-title">${t('pager.previous')}</span>
                  </a>
                </div>`
              : nothing
          }
          ${
            next
              ? html`<div class="govuk-pagination__next">
                  <a class="govuk-link govuk-pagination__link" href="/feedback/${next}" rel="next">
                    <span class="govuk-pagination__link-title">${t('pager.next')}</span>
                  </a>
                </div>`
              : nothing
          }
        </nav>`;
      },
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-session-pager': PtSessionPager;
  }
}
