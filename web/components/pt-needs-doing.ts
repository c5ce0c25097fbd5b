// The signed-in person's "needs doing" list: the same items, in the same order, as their reminder
// email (server/domain/reminders.ts decides both). On My actions and the participation
// worker's home page.
import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { NeedsDoingItem, NeedsDoingList } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { api } from '../api/client.js';
import { t } from '../i18n/messages.js';
import { taskView } from './task-view.js';

const URGENT = new Set(['commitment_overdue', 'feedback_over_target']);

@customElement('pt-needs-doing')
export class PtNeedsDoing extends PtLightElement {
  /** The heading level the list's heading takes on its page. */
  @property({ type: Number }) level = 2;

  private data = new Task(this, {
    task: (_args, { signal }) => api.get<NeedsDoingList>('/me/needs-doing', signal),
    args: () => [] as const,
  });

  private item(i: NeedsDoingItem) {
    return html`<li>
      <strong class="govuk-tag ${URGENT.has(i.kind) ? 'govuk-tag--red' : 'govuk-tag--grey'}"
        >${t(`needsDoing.${i.entity}`)}</strong
      >
      <a class="govuk-link" href=${i.path}>${i.title}</a>
      <span class="govuk-body-s pt-needs-doing__reason">${i.reason}</span>
    </li>`;
  }

  private view(d: NeedsDoingList) {
    const heading =
      this.level === 1
        ? html`<h1 class="govuk-heading-l" id="needs-doing">${t('needsDoing.title')}</h1>`
        : html`<h2 class="govuk-heading-m" id="needs-doing">${t('needsDoing.title')}</h2>`;
    return html`<section class="pt-needs-doing" aria-labelledby="needs-doing">
      ${heading}
      ${
        d.items.length === 0
          ? html`<p class="govuk-body">${t('needsDoing.empty')}</p>`
          : html`<p class="govuk-body">${t('needsDoing.intro')} ${t('needsDoing.count', { count: d.total })}</p>
              <ol class="govuk-list govuk-list--spaced">
                ${d.items.map((i) => this.item(i))}
              </ol>`
      }
      <p class="govuk-body-s"><a class="govuk-link" href="/my/notifications">${t('needsDoing.settings')}</a></p>
      ${nothing}
    </section>`;
  }

  override render() {
    return taskView(this.data, (d) => this.view(d));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-needs-doing': PtNeedsDoing;
  }
}
