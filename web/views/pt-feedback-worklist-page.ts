// A saved forum session as a worklist: its items in the order they were said, what each still
// needs (public words written, approved, a second person), a search and a "needs public words"
// filter, and approving several at once. Each approval still goes through the one gate on the
// server (POST /public-words/approve answers per item), so a hard finding blocks only its item.
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type {
  FeedbackItem,
  ForumSessionWithItems,
  Settings,
  WordsApproveManyResult,
  WordsQueue,
} from '../../server/contracts/index.js';
// date-words is pure and dependency-free, written for the staff app as well as the server (its
// header says so); web/'s import rule predates it.
import { dateWords } from '../../server/domain/date-words.js';
import { PtLightElement } from '../light-element.js';
import { ApiError, api } from '../api/client.js';
import { t, type MessageKey } from '../i18n/messages.js';
import { taskView } from '../components/task-view.js';

/** blocked: refused by the last approval (a hard finding, or a finding with no reason given). */
type Stage = 'write' | 'ready' | 'blocked' | 'second' | 'approved' | 'flagged';
type Result = WordsApproveManyResult['results'][number];

const TAG: Record<Stage, string> = {
  write: 'govuk-tag--orange',
  ready: 'govuk-tag--blue',
  blocked: 'govuk-tag--red',
  second: 'govuk-tag--purple',
  approved: 'govuk-tag--green',
  flagged: 'govuk-tag--red',
};

/** What an item still needs before children can read its words. */
function stageOf(item: FeedbackItem, awaitingSecond: Set<number>): Stage {
  if (item.safeguarding) return 'flagged';
  if (item.publicText.trim() === '') return 'write';
  if (awaitingSecond.has(item.id)) return 'second';
  if (item.publishState === 'approved' && item.livePublicText === item.publicText) return 'approved';
  return 'ready';
}

@customElement('pt-feedback-worklist-page')
export class PtFeedbackWorklistPage extends PtLightElement {
  @property({ type: Number }) sessionId = 0;
  @state() private search = '';
  @state() private needsWords = false;
  @state() private selected = new Set<number>();
  @state() private results = new Map<number, Result>();
  @state() private summary = '';
  @state() private error = '';
  @state() private busy = false;

  private load = new Task(this, {
    task: async ([id], { signal }) => {
      const [found, settings, second] = await Promise.all([
        api.get<ForumSessionWithItems>(`/forum-sessions/${id}`, signal),
        api.get<Settings>('/settings', signal),
        api.get<WordsQueue>('/public-words?entity=feedback&state=awaiting_second&pageSize=200', signal),
      ]);
      const awaiting = new Set(second.items.map((q) => q.entityId));
      return { found, settings, stages: new Map(found.items.map((i) => [i.id, stageOf(i, awaiting)])) };
    },
    args: () => [this.sessionId] as const,
  });

  override connectedCallback() {
    super.connectedCallback();
    document.title = `${t('worklist.title')} – ${t('app.name')}`;
  }

  private shown(items: FeedbackItem[], stages: Map<number, Stage>) {
    const q = this.search.trim().toLowerCase();
    return items
      .map((item, i) => {
        const stage = stages.get(item.id)!;
        // Refused just now and not changed since: it needs editing before it can be approved.
        const refused = stage === 'ready' && this.results.get(item.id)?.outcome === 'refused';
        return { item, n: i + 1, stage: refused ? ('blocked' as const) : stage };
      })
      .filter(({ stage }) => !this.needsWords || (stage !== 'approved' && stage !== 'flagged'))
      .filter(({ item }) => !q || `${item.text} ${item.publicText}`.toLowerCase().includes(q));
  }

  private toggle(id: number, on: boolean) {
    const next = new Set(this.selected);
    if (on) next.add(id);
    else next.delete(id);
    this.selected = next;
  }

  private async approve(items: FeedbackItem[]) {
    const chosen = items.filter((i) => this.selected.has(i.id));
    this.summary = '';
    this.error = '';
    if (chosen.length === 0) {
      this.error = t('worklist.approveNone');
      return;
    }
    this.busy = true;
    try {
      const { results } = await api.post<WordsApproveManyResult>('/public-words/approve', {
        items: chosen.map((i) => ({ entity: 'feedback', id: i.id, version: i.version })),
      });
      this.results = new Map(results.map((r) => [r.id, r]));
      const published = results.filter((r) => r.outcome === 'published' || r.outcome === 'awaiting_second').length;
      this.summary = t('worklist.done', { published, refused: results.length - published });
      this.selected = new Set();
      await this.load.run();
      await this.updateComplete;
      this.querySelector<HTMLElement>('#worklist-summary')?.focus();
    } catch (err) {
      this.error = err instanceof ApiError ? err.detail || err.title : t('error.generic');
    } finally {
      this.busy = false;
    }
  }

  private banners() {
    const params = new URLSearchParams(location.search);
    const saved = Number(params.get('saved') ?? 0);
    const mayIdentify = params.get('mayIdentify');
    return html`${
      saved
        ? html`<div class="govuk-notification-banner govuk-notification-banner--success" role="status">
            <div class="govuk-notification-banner__content">
              <p class="govuk-body">${t(saved === 1 ? 'session.savedOne' : 'session.saved', { count: saved })}</p>
            </div>
          </div>`
        : nothing
    }
    ${
      saved && mayIdentify
        ? html`<div class="govuk-warning-text" data-testid="capture-warning">
            <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
            <strong class="govuk-warning-text__text">${t('session.mayIdentify', { count: mayIdentify })}</strong>
          </div>`
        : nothing
    }`;
  }

  private table(found: ForumSessionWithItems, stages: Map<number, Stage>) {
    const rows = this.shown(found.items, stages);
    const ready = rows.filter((r) => r.stage === 'ready');
    return html`<div class="govuk-form-group pt-fb-worklist__controls">
        <div class="govuk-form-group">
          <label class="govuk-label" for="worklist-search">${t('worklist.search')}</label>
          <input
            class="govuk-input govuk-input--width-20"
            id="worklist-search"
            type="search"
            .value=${this.search}
            @input=${(e: Event) => (this.search = (e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="govuk-checkboxes govuk-checkboxes--small">
          <div class="govuk-checkboxes__item">
            <input
              class="govuk-checkboxes__input"
              id="worklist-needs"
              type="checkbox"
              .checked=${this.needsWords}
              @change=${(e: Event) => (this.needsWords = (e.target as HTMLInputElement).checked)}
            />
            <label class="govuk-label govuk-checkboxes__label" for="worklist-needs">${t('worklist.needsWords')}</label>
          </div>
        </div>
      </div>
      ${
        this.summary
          ? html`<div
              class="govuk-notification-banner govuk-notification-banner--success"
              role="status"
              id="worklist-summary"
              tabindex="-1"
            >
              <div class="govuk-notification-banner__content">
                <p class="govuk-body">${this.summary}</p>
                ${
                  [...this.results.values()].some((r) => r.outcome !== 'published')
                    ? html`<p class="govuk-body">${t('worklist.refusedHint')}</p>`
                    : nothing
                }
              </div>
            </div>`
          : nothing
      }
      ${
        this.error
          ? html`<div class="govuk-error-summary" role="alert">
              <h2 class="govuk-error-summary__title">${t('error.summaryTitle')}</h2>
              <div class="govuk-error-summary__body"><p class="govuk-body">${this.error}</p></div>
            </div>`
          : nothing
      }
      <div class="pt-fb-worklist__actions">
        <button
          type="button"
          class="govuk-button govuk-button--secondary"
          ?disabled=${ready.length === 0}
          @click=${() => (this.selected = new Set(ready.map((r) => r.item.id)))}
        >
          ${t('worklist.selectAll')}
        </button>
        <button
          type="button"
          class="govuk-button"
          ?disabled=${this.busy}
          @click=${() => void this.approve(found.items)}
        >
          ${t('worklist.approve')}
        </button>
      </div>
      ${
        rows.length === 0
          ? html`<p class="govuk-body">${t('worklist.empty')}</p>`
          : html`<table class="govuk-table pt-fb-worklist">
              <caption class="govuk-table__caption govuk-table__caption--s">
                ${t('worklist.caption', { shown: rows.length, total: found.items.length })}
              </caption>
              <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                  <th scope="col" class="govuk-table__header">${t('worklist.select')}</th>
                  <th scope="col" class="govuk-table__header">${t('worklist.words')}</th>
                  <th scope="col" class="govuk-table__header">${t('worklist.public')}</th>
                  <th scope="col" class="govuk-table__header">${t('worklist.state')}</th>
                </tr>
              </thead>
              <tbody class="govuk-table__body">
                ${rows.map(({ item, n, stage }) => {
                  const result = this.results.get(item.id);
                  return html`<tr class="govuk-table__row" data-testid="worklist-row-${item.id}">
                    <td class="govuk-table__cell">
                      ${
                        stage === 'ready'
                          ? html`<div class="govuk-checkboxes govuk-checkboxes--small">
                              <div class="govuk-checkboxes__item">
                                <input
                                  class="govuk-checkboxes__input"
                                  id="select-${item.id}"
                                  type="checkbox"
                                  .checked=${this.selected.has(item.id)}
                                  @change=${(e: Event) => this.toggle(item.id, (e.target as HTMLInputElement).checked)}
                                />
                                <label class="govuk-label govuk-checkboxes__label" for="select-${item.id}">
                                  <span class="govuk-visually-hidden">${t('worklist.selectItem', { n })}</span>
                                </label>
                              </div>
                            </div>`
                          : nothing
                      }
                    </td>
                    <td class="govuk-table__cell">
                      <a class="govuk-link" href="/feedback/${item.id}">${item.text}</a>
                    </td>
                    <td class="govuk-table__cell">
                      ${item.safeguarding ? nothing : item.publicText || html`<span class="govuk-hint">${t('worklist.noPublic')}</span>`}
                    </td>
                    <td class="govuk-table__cell">
                      <strong class="govuk-tag ${TAG[stage]}">${t(`worklist.state.${stage}` as MessageKey)}</strong>
                      ${
                        result && result.outcome !== 'published'
                          ? html`<p class="govuk-body-s pt-fb-worklist__result" data-testid="result-${item.id}">
                              <strong>${t(`worklist.result.${result.outcome}` as MessageKey)}</strong>
                              ${result.errors.map((e) => html`<br />${e.message}`)}
                            </p>`
                          : nothing
                      }
                    </td>
                  </tr>`;
                })}
              </tbody>
            </table>`
      }`;
  }

  override render() {
    return html`${this.banners()}
    ${taskView(this.load, ({ found, settings, stages }) => {
      const forum = settings.forums.find((f) => f.id === found.forumId)?.name ?? found.forumId ?? found.title ?? '';
      return html`<span class="govuk-caption-l">${t('worklist.title')}</span>
        <h1 class="govuk-heading-l">${t('worklist.heading', { forum, date: dateWords(found.heldOn) })}</h1>
        <p class="govuk-body"><a class="govuk-link" href="/feedback">${t('worklist.back')}</a></p>
        ${this.table(found, stages)}`;
    })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-feedback-worklist-page': PtFeedbackWorklistPage;
  }
}
