// The latest forum sessions, each a link to its worklist: the way back to a session a worker
// was working through.
import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { ForumSessionPage, Settings } from '../../server/contracts/index.js';
// date-words is pure and dependency-free, written for the staff app as well as the server.

import { dateWords } from '../../server/domain/date-words.js';
import { PtLightElement } from '../light-element.js';
import { api } from '../api/client.js';
import { t } from '../i18n/messages.js';

@customElement('pt-recent-sessions')
export class PtRecentSessions extends PtLightElement {
  private load = new Task(this, {
    task: async (_a, { signal }) => {
      const [page, settings] = await Promise.all([
        api.get<ForumSessionPage>('/forum-sessions?pageSize=5', signal),
        api.get<Settings>('/settings', signal),
      ]);
      return { sessions: page.items, forums: new Map(settings.forums.map((f) => [f.id, f.name])) };
    },
    args: () => [] as const,
  });

  override render() {
    return this.load.render({
      complete: ({ sessions, forums }) =>
        sessions.length === 0
          ? nothing
          : html`<h2 class="govuk-heading-s">${t('worklist.recent')}</h2>
              <ul class="govuk-list" data-testid="recent-sessions">
                ${sessions.map(
                  (s) =>
                    html`<li>
                      <a class="govuk-link" href="/feedback/sessions/${s.id}"
                        >${t('worklist.heading', { forum: s.forumId ? (forums.get(s.forumId) ?? s.forumId) : (s.title ?? ''), date: dateWords(s.heldOn) })}</a
                      >
                      (${t(s.itemCount === 1 ? 'worklist.itemsOne' : 'worklist.items', { count: s.itemCount })})
                    </li>`,
                )}
              </ul>`,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-recent-sessions': PtRecentSessions;
  }
}
