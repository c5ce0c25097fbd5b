// Log a forum session: forum, date, how many came, then many items fast. Keyboard-first: Enter in
// an item's words starts the next item; pasting several lines makes one item per line. One POST
// saves the session and every item together.
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { CouncilPromise, ForumSessionWithItems, Settings, Theme } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { ApiError, api } from '../api/client.js';
import { navigate } from '../router.js';
import { t } from '../i18n/messages.js';
import type { SummaryError } from '../components/pt-error-summary.js';
import '../components/pt-error-summary.js';
import '../components/pt-promise-picker.js';
import '../components/pt-session-kind-fields.js';
import { taskView } from '../components/task-view.js';

type Item = { key: number; text: string; ageBand: string; promiseIds: number[] };

@customElement('pt-feedback-session-page')
export class PtFeedbackSessionPage extends PtLightElement {
  @state() private items: Item[] = [];
  @state() private errors: Record<string, string> = {};
  @state() private busy = false;
  private nextKey = 1;

  private load = new Task(this, {
    task: async (_args, { signal }) => {
      const [settings, promises, themes] = await Promise.all([
        api.get<Settings>('/settings', signal),
        api.get<{ items: CouncilPromise[] }>('/promises?pageSize=200', signal),
        api.get<{ items: Theme[] }>('/themes', signal),
      ]);
      if (this.items.length === 0) this.items = [this.blank(settings.ageBands[0]?.id ?? '')];
      return { settings, promises: promises.items, themes: themes.items };
    },
    args: () => [] as const,
  });

  override connectedCallback() {
    super.connectedCallback();
    document.title = `${t('session.title')} – ${t('app.name')}`;
  }

  private blank(ageBand: string): Item {
    return { key: this.nextKey++, text: '', ageBand, promiseIds: [] };
  }

  private async insertAfter(index: number, texts: string[]) {
    const band = this.items[index]?.ageBand ?? '';
    const added = texts.map((text) => ({ ...this.blank(band), text }));
    this.items = [...this.items.slice(0, index + 1), ...added, ...this.items.slice(index + 1)];
    await this.updateComplete;
    this.querySelector<HTMLInputElement>(`#item-${added[added.length - 1]!.key}`)?.focus();
  }

  private update_(index: number, patch: Partial<Item>) {
    this.items = this.items.map((it, i) => (i === index ? { ...it, ...patch } : it));
  }

  private keydown(e: KeyboardEvent, index: number) {
    if (e.key !== 'Enter' || e.shiftKey || e.ctrlKey) return;
    e.preventDefault();
    void this.insertAfter(index, ['']);
  }

  private paste(e: ClipboardEvent, index: number) {
    const text = e.clipboardData?.getData('text') ?? '';
    const lines = text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    if (lines.length < 2) return;
    e.preventDefault();
    const current = this.items[index]!;
    this.update_(index, { text: `${current.text}${lines[0]}` });
    void this.insertAfter(index, lines.slice(1));
  }

  private removeItem(index: number) {
    if (this.items.length === 1) return;
    this.items = this.items.filter((_, i) => i !== index);
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const items = this.items.filter((i) => i.text.trim() !== '');
    this.busy = true;
    this.errors = {};
    try {
      const saved = await api.post<ForumSessionWithItems>('/forum-sessions', {
        ...this.querySelector('pt-session-kind-fields')!.values(data),
        heldOn: String(data.get('heldOn') ?? ''),
        items: items.map((i) => ({ text: i.text, ageBand: i.ageBand, promiseIds: i.promiseIds })),
      });
      const flagged = saved.items.filter((i) => i.identifierKinds?.length).length;
      navigate(`/feedback?saved=${saved.itemCount}${flagged ? `&mayIdentify=${flagged}` : ''}`);
    } catch (err) {
      this.errors = err instanceof ApiError ? { ...err.fieldErrors } : { _: t('error.generic') };
      if (err instanceof ApiError && !Object.keys(err.fieldErrors).length) this.errors = { _: err.message };
    } finally {
      this.busy = false;
    }
  }

  private summary(): SummaryError[] {
    const idFor = (path: string) => {
      const m = /^items\.(\d+)\.(\w+)/.exec(path);
      if (!m) return path.startsWith('ageBands') ? 'f-ageBands' : `f-${path}`;
      const key = this.items.filter((i) => i.text.trim() !== '')[Number(m[1])]?.key;
      return m[2] === 'ageBand' ? `band-${key}` : m[2] === 'promiseIds' ? `pick-${key}` : `item-${key}`;
    };
    return Object.entries(this.errors).map(([path, message]) => ({ fieldId: idFor(path), message }));
  }

  private err(path: string) {
    const m = this.errors[path];
    return m
      ? html`<p class="govuk-error-message" id="${path}-error">
          <span class="govuk-visually-hidden">Error:</span> ${m}
        </p>`
      : nothing;
  }

  private form(settings: Settings, promises: CouncilPromise[], themes: Theme[]) {
    const today = new Date().toISOString().slice(0, 10);
    const count = this.items.filter((i) => i.text.trim() !== '').length;
    return html`<form novalidate @submit=${(e: SubmitEvent) => void this.submit(e)}>
      <div class="govuk-form-group ${this.errors.heldOn ? 'govuk-form-group--error' : ''}">
        <label class="govuk-label" for="f-heldOn">${t('session.date')}</label>
        <div class="govuk-hint" id="f-heldOn-hint">${t('session.dateHint')}</div>
        ${this.err('heldOn')}
        <input
          class="govuk-input govuk-input--width-10"
          id="f-heldOn"
          name="heldOn"
          .value=${today}
          aria-describedby="f-heldOn-hint"
        />
      </div>
      <pt-session-kind-fields .settings=${settings} .errors=${this.errors}></pt-session-kind-fields>
      <fieldset class="govuk-fieldset">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">${t('session.items')}</legend>
        <div class="govuk-hint">${t('session.itemsHint')}</div>
        ${this.err('items')}
        <ol class="pt-fb-items">
          ${this.items.map((item, i) => {
            const n = i + 1;
            return html`<li class="pt-fb-item">
              <div class="govuk-form-group">
                <label class="govuk-label" for="item-${item.key}">${t('session.item', { n })}</label>
                <input
                  class="govuk-input"
                  id="item-${item.key}"
                  .value=${item.text}
                  @input=${(e: Event) => this.update_(i, { text: (e.target as HTMLInputElement).value })}
                  @keydown=${(e: KeyboardEvent) => this.keydown(e, i)}
                  @paste=${(e: ClipboardEvent) => this.paste(e, i)}
                />
              </div>
              <div class="govuk-form-group">
                <label class="govuk-label" for="band-${item.key}">${t('session.ageBand', { n })}</label>
                <select
                  class="govuk-select"
                  id="band-${item.key}"
                  .value=${item.ageBand}
                  @change=${(e: Event) => this.update_(i, { ageBand: (e.target as HTMLSelectElement).value })}
                >
                  ${settings.ageBands.map((b) => html`<option value=${b.id} ?selected=${b.id === item.ageBand}>${b.label}</option>`)}
                </select>
              </div>
              <pt-promise-picker
                inputId="pick-${item.key}"
                label=${t('picker.label', { n })}
                .promises=${promises}
                .themes=${themes}
                .value=${item.promiseIds}
                @pt-promise-change=${(e: CustomEvent<number[]>) => this.update_(i, { promiseIds: e.detail })}
              ></pt-promise-picker>
              ${
                this.items.length > 1
                  ? html`<button
                      type="button"
                      class="govuk-button govuk-button--secondary"
                      @click=${() => this.removeItem(i)}
                    >
                      ${t('session.remove', { n })}
                    </button>`
                  : nothing
              }
            </li>`;
          })}
        </ol>
        <button
          type="button"
          class="govuk-button govuk-button--secondary"
          @click=${() => void this.insertAfter(this.items.length - 1, [''])}
        >
          ${t('session.add')}
        </button>
      </fieldset>
      <div>
        <button type="submit" class="govuk-button" ?disabled=${this.busy}>${t('session.save', { count })}</button>
      </div>
    </form>`;
  }

  override render() {
    return html`<h1 class="govuk-heading-l">${t('session.title')}</h1>
      ${Object.keys(this.errors).length ? html`<pt-error-summary .errors=${this.summary()}></pt-error-summary>` : nothing}
      ${taskView(this.load, ({ settings, promises, themes }) => this.form(settings, promises, themes))}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-feedback-session-page': PtFeedbackSessionPage;
  }
}
