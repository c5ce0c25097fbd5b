// The waiting list: nothing gets lost. Unanswered and not-yet-fed-back items, oldest first, with
// days waited against the target; filters by forum, theme, promise and owner.
import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { CouncilPromise, Person, Settings, Theme, WaitingPage } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { api } from '../api/client.js';
import { day } from '../dates.js';
import { t, type MessageKey } from '../i18n/messages.js';
import '../components/pt-loading.js';
import '../components/pt-error-state.js';

const FILTERS = ['forumId', 'themeId', 'promiseId', 'ownerId'] as const;

@customElement('pt-feedback-waiting-page')
export class PtFeedbackWaitingPage extends PtLightElement {
  @state() private query = '';

  private options = new Task(this, {
    task: async (_a, { signal }) => {
      const [settings, themes, promises, people] = await Promise.all([
        api.get<Settings>('/settings', signal),
        api.get<{ items: Theme[] }>('/themes', signal),
        api.get<{ items: CouncilPromise[] }>('/promises?pageSize=200', signal),
        api.get<{ items: Person[] }>('/people', signal),
      ]);
      return { settings, themes: themes.items, promises: promises.items, people: people.items };
    },
    args: () => [] as const,
  });

  private list = new Task(this, {
    task: async ([q], { signal }) => api.get<WaitingPage>(`/feedback/waiting?pageSize=200${q}`, signal),
    args: () => [this.query] as const,
  });

  override connectedCallback() {
    super.connectedCallback();
    document.title = `${t('waiting.title')} – ${t('app.name')}`;
  }

  private filter(e: SubmitEvent) {
    e.preventDefault();
    const d = new FormData(e.target as HTMLFormElement);
    this.query = FILTERS.map((f) => (d.get(f) ? `&${f}=${encodeURIComponent(String(d.get(f)))}` : '')).join('');
  }

  private select(name: string, label: MessageKey, opts: { value: string; label: string }[]) {
    return html`<div class="govuk-form-group pt-fb-filter">
      <label class="govuk-label" for="w-${name}">${t(label)}</label>
      <select class="govuk-select" id="w-${name}" name=${name}>
        <option value="">${t('waiting.any')}</option>
        ${opts.map((o) => html`<option value=${o.value}>${o.label}</option>`)}
      </select>
    </div>`;
  }

  override render() {
    return html`<h1 class="govuk-heading-l">${t('waiting.title')}</h1>
      ${this.options.render({
        complete: ({ settings, themes, promises, people }) =>
          html`<form class="pt-fb-filters" @submit=${(e: SubmitEvent) => this.filter(e)}>
            ${this.select(
              'forumId',
              'session.forum',
              settings.forums.map((f) => ({ value: f.id, label: f.name })),
            )}
            ${this.select(
              'themeId',
              'waiting.theme',
              themes.map((x) => ({ value: String(x.id), label: x.name })),
            )}
            ${this.select(
              'promiseId',
              'waiting.promise',
              promises.map((p) => ({ value: String(p.id), label: p.staffText })),
            )}
            ${this.select(
              'ownerId',
              'waiting.owner',
              people.map((p) => ({ value: String(p.id), label: p.name })),
            )}
            <button class="govuk-button govuk-button--secondary" type="submit">${t('waiting.filter')}</button>
          </form>`,
      })}
      ${this.list.render({
        pending: () => html`<pt-loading></pt-loading>`,
        error: (e) => html`<pt-error-state .error=${e} @pt-retry=${() => void this.list.run()}></pt-error-state>`,
        complete: (page) =>
          page.items.length === 0
            ? html`<p class="govuk-body">${t('waiting.empty')}</p>`
            : html`<div class="pt-fb-table-scroll" role="region" aria-label=${t('waiting.title')} tabindex="0">
                <table class="govuk-table">
                  <caption class="govuk-table__caption govuk-table__caption--s">
                    ${t('waiting.caption', { days: page.answerTargetDays })}
                  </caption>
                  <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                      <th scope="col" class="govuk-table__header">${t('fb.heardOn')}</th>
                      <th scope="col" class="govuk-table__header">${t('fb.words')}</th>
                      <th scope="col" class="govuk-table__header">${t('waiting.stage')}</th>
                      <th scope="col" class="govuk-table__header govuk-table__header--numeric">${t('waiting.days')}</th>
                    </tr>
                  </thead>
                  <tbody class="govuk-table__body">
                    ${page.items.map(
                      (w) =>
                        html`<tr class="govuk-table__row">
                          <td class="govuk-table__cell">${day(w.item.heardOn)}</td>
                          <td class="govuk-table__cell">
                            <a class="govuk-link" href="/feedback/${w.item.id}">${w.item.text}</a>
                          </td>
                          <td class="govuk-table__cell">${t(`waiting.stage.${w.stage}` as MessageKey)}</td>
                          <td class="govuk-table__cell govuk-table__cell--numeric">
                            ${w.daysWaiting}
                            <strong class="govuk-tag ${w.overTarget ? 'govuk-tag--red' : 'govuk-tag--green'}"
                              >${t(w.overTarget ? 'waiting.over' : 'waiting.within')}</strong
                            >
                          </td>
                        </tr>`,
                    )}
                  </tbody>
                </table>
              </div>`,
      })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-feedback-waiting-page': PtFeedbackWaitingPage;
  }
}
