// Log a forum session: forum, date, how many came, then many items fast. Keyboard-first: Enter in
// an item's words starts the next item; pasting several lines makes one item per line. One POST
// saves the session and every item together.
//
// Nothing typed is lost: every change is kept as a draft on this device (web/drafts.ts) until the
// session is saved. A save that cannot reach the server waits, and is sent with the same
// Idempotency-Key when the connection returns, so a retry never logs the session twice.
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type {
  CouncilPromise,
  ForumSessionPage,
  ForumSessionWithItems,
  Settings,
  Theme,
} from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { ApiError, api } from '../api/client.js';
import { navigate } from '../router.js';
import { t } from '../i18n/messages.js';
import { session } from '../session.js';
import { today } from '../dates.js';
import { FORUM_SESSION_DRAFT, clearDraft, newIdempotencyKey, readDraft, writeDraft } from '../drafts.js';
import type { SummaryError } from '../components/pt-error-summary.js';
import '../components/pt-error-summary.js';
import '../components/pt-date-input.js';
import '../components/pt-promise-picker.js';
import '../components/pt-session-kind-fields.js';
import type { PtSessionKindFields } from '../components/pt-session-kind-fields.js';
import { taskView } from '../components/task-view.js';

/** bandChosen: the worker picked this item's band, so the forum's usual band no longer moves it. */
type Item = { key: number; text: string; ageBand: string; promiseIds: number[]; bandChosen?: boolean };
/** The meeting's own fields, as typed (attendance stays text until it is sent). */
type Head = { forumId: string; heldOn: string; attendance: string };
type Draft = { head: Head; items: Omit<Item, 'key'>[]; key: string; queued: boolean };
const DRAFT = FORUM_SESSION_DRAFT;

/** The band most items of a session were in: the forum's usual band. */
function usualBand(items: { ageBand: string }[]): string | undefined {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i.ageBand, (counts.get(i.ageBand) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

@customElement('pt-feedback-session-page')
export class PtFeedbackSessionPage extends PtLightElement {
  @state() private items: Item[] = [];
  @state() private errors: Record<string, string> = {};
  @state() private busy = false;
  @state() private head: Head = { forumId: '', heldOn: today(), attendance: '' };
  /** A save was pressed but could not reach the server: it is sent when the connection returns. */
  @state() private queued = false;
  /** A survey is being logged: its date is when it closed, not when a forum met. */
  @state() private survey = false;
  /** False when this device would not keep the draft (storage full or turned off). */
  @state() private kept = true;
  private nextKey = 1;
  /** The band new items start in: the one the chosen forum usually meets in. */
  private defaultBand = '';
  private draftKey = newIdempotencyKey();
  private draftContent = '';
  private restored = false;

  private load = new Task(this, {
    task: async (_args, { signal }) => {
      const [settings, promises, themes] = await Promise.all([
        api.get<Settings>('/settings', signal),
        api.get<{ items: CouncilPromise[] }>('/promises?pageSize=200', signal),
        api.get<{ items: Theme[] }>('/themes', signal),
      ]);
      this.defaultBand = settings.ageBands[0]?.id ?? '';
      if (!this.restored) this.restore(settings);
      if (this.items.length === 0) this.items = [this.blank(this.defaultBand)];
      void this.applyUsualBand(this.head.forumId);
      if (this.queued && navigator.onLine) void this.send();
      return { settings, promises: promises.items, themes: themes.items };
    },
    args: () => [] as const,
  });

  override connectedCallback() {
    super.connectedCallback();
    document.title = `${t('session.title')} – ${t('app.name')}`;
    window.addEventListener('online', this.onOnline);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('online', this.onOnline);
  }

  protected override willUpdate(changed: Map<string, unknown>) {
    if (this.restored && (changed.has('items') || changed.has('head') || changed.has('queued'))) this.keepDraft();
  }

  private onOnline = () => {
    if (this.queued && !this.busy) void this.send();
  };

  /** Picks up what was typed on this device before a reload, a closed tab or a dropped connection. */
  private restore(settings: Settings) {
    this.restored = true;
    const forums = settings.forums.filter((f) => f.active);
    const userId = session()?.user.id;
    const draft = userId ? readDraft<Draft>(userId, DRAFT) : null;
    if (draft && Array.isArray(draft.items)) {
      this.head = { ...this.head, ...draft.head };
      this.items = draft.items.map((i) => ({ ...i, key: this.nextKey++ }));
      this.queued = draft.queued === true;
      this.draftKey = draft.key;
      this.draftContent = this.content();
    }
    if (!forums.some((f) => f.id === this.head.forumId)) this.head = { ...this.head, forumId: forums[0]?.id ?? '' };
  }

  private content() {
    return JSON.stringify({ head: this.head, items: this.items.map(({ key: _key, ...rest }) => rest) });
  }

  /** Writes the draft after every change; changed words get a new key (the server hashes the body). */
  private keepDraft() {
    const userId = session()?.user.id;
    if (!userId) return;
    if (this.typed().length === 0 && !this.queued) {
      clearDraft(userId, DRAFT);
      return;
    }
    const content = this.content();
    if (content !== this.draftContent) {
      this.draftKey = newIdempotencyKey();
      this.draftContent = content;
    }
    const draft: Draft = {
      ...(JSON.parse(content) as Omit<Draft, 'key' | 'queued'>),
      key: this.draftKey,
      queued: this.queued,
    };
    this.kept = writeDraft(userId, DRAFT, draft);
  }

  private typed() {
    return this.items.filter((i) => i.text.trim() !== '');
  }

  /** The band the forum's last session with items mostly used: remembered by the server, so every device knows it. */
  private async applyUsualBand(forumId: string) {
    if (!forumId) return;
    try {
      const last = await api.get<ForumSessionPage>(`/forum-sessions?forumId=${encodeURIComponent(forumId)}&pageSize=5`);
      const withItems = last.items.find((s) => s.itemCount > 0);
      if (!withItems) return;
      const band = usualBand((await api.get<ForumSessionWithItems>(`/forum-sessions/${withItems.id}`)).items);
      if (!band || this.head.forumId !== forumId) return;
      this.defaultBand = band;
      this.items = this.items.map((i) => (i.bandChosen ? i : { ...i, ageBand: band }));
    } catch {
      // Offline or not allowed: the first band stays, and the worker picks.
    }
  }

  /** The meeting's fields as typed, kept for the draft; a new forum brings its usual band. */
  private noteHead(form: HTMLFormElement) {
    const data = new FormData(form);
    const head: Head = {
      forumId: String(data.get('forumId') ?? ''),
      heldOn: String(data.get('heldOn') ?? ''),
      attendance: String(data.get('attendance') ?? ''),
    };
    this.survey = this.querySelector<PtSessionKindFields>('pt-session-kind-fields')?.kind === 'survey';
    if (JSON.stringify(head) === JSON.stringify(this.head)) return;
    const forumChanged = head.forumId !== this.head.forumId;
    this.head = head;
    if (forumChanged) void this.applyUsualBand(head.forumId);
  }

  private blank(ageBand: string): Item {
    return { key: this.nextKey++, text: '', ageBand, promiseIds: [] };
  }

  private async insertAfter(index: number, texts: string[]) {
    const above = this.items[index];
    const band = above?.ageBand ?? this.defaultBand;
    const added = texts.map((text) => ({ ...this.blank(band), text, bandChosen: above?.bandChosen }));
    this.items = [...this.items.slice(0, index + 1), ...added, ...this.items.slice(index + 1)];
    await this.updateComplete;
    this.querySelector<HTMLTextAreaElement>(`#item-${added[added.length - 1]!.key}`)?.focus();
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
    this.noteHead(e.target as HTMLFormElement);
    await this.send();
  }

  /** Sends the session as typed, with the draft's Idempotency-Key; unreachable, it waits for the connection. */
  private async send() {
    await this.updateComplete;
    const { forumId, heldOn, attendance } = this.head;
    const kindFields = this.querySelector<PtSessionKindFields>('pt-session-kind-fields');
    const items = this.typed();
    const key = this.draftKey;
    this.busy = true;
    this.errors = {};
    try {
      const saved = await api.post<ForumSessionWithItems>(
        '/forum-sessions',
        {
          // A survey's fields (year, respondents, bands) come from the kind's own boxes; a forum's
          // from what was typed, kept in the draft.
          ...(kindFields?.kind === 'survey'
            ? kindFields.values(new FormData(this.querySelector('form')!))
            : { kind: 'forum' as const, forumId, attendance: attendance === '' ? -1 : Number(attendance) }),
          heldOn,
          items: items.map((i) => ({ text: i.text, ageBand: i.ageBand, promiseIds: i.promiseIds })),
        },
        { headers: { 'idempotency-key': key } },
      );
      const userId = session()?.user.id;
      this.restored = false;
      if (userId) clearDraft(userId, DRAFT);
      const flagged = saved.items.filter((i) => i.identifierKinds?.length).length;
      navigate(`/feedback/sessions/${saved.id}?saved=${saved.itemCount}${flagged ? `&mayIdentify=${flagged}` : ''}`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 0) {
        // Not reached: kept here, and sent when the connection returns.
        this.queued = true;
        return;
      }
      this.queued = false;
      this.errors = err instanceof ApiError ? { ...err.fieldErrors } : { _: t('error.generic') };
      if (err instanceof ApiError && !Object.keys(err.fieldErrors).length) this.errors = { _: err.message };
    } finally {
      this.busy = false;
    }
  }

  /** Plainly what is kept where: on this device only until the server has it. */
  private draftStatus() {
    const n = this.typed().length;
    let text = '';
    if (!this.kept) text = t('session.notKept');
    else if (n > 0) {
      const where = t(n === 1 ? 'session.onDeviceOne' : 'session.onDevice', { count: n });
      text = `${where} ${t(this.queued ? 'session.sendWhenOnline' : 'session.pressSave')}`;
    }
    return html`<div class="pt-fb-draft" role="status" data-testid="draft-status">
      ${text ? html`<p class="govuk-inset-text">${text}</p>` : nothing}
    </div>`;
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
    const count = this.typed().length;
    const noteHead = (e: Event) => this.noteHead(e.currentTarget as HTMLFormElement);
    return html`<form
      novalidate
      @submit=${(e: SubmitEvent) => void this.submit(e)}
      @input=${noteHead}
      @change=${noteHead}
    >
      <pt-date-input
        name="heldOn"
        legend=${t(this.survey ? 'sessionKind.date' : 'session.date')}
        hint=${t(this.survey ? 'sessionKind.dateHint' : 'session.dateHint')}
        .value=${this.head.heldOn}
        error=${this.errors.heldOn ?? ''}
      ></pt-date-input>
      <pt-session-kind-fields
        .settings=${settings}
        .errors=${this.errors}
        .forumId=${this.head.forumId}
        .attendance=${this.head.attendance}
      ></pt-session-kind-fields>
      <fieldset class="govuk-fieldset">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">${t('session.items')}</legend>
        <div class="govuk-hint">${t('session.itemsHint')}</div>
        ${this.err('items')}
        <ol class="pt-fb-items">
          ${this.items.map((item, i) => {
            const n = i + 1;
            return html`<li class="pt-fb-item">
              <div class="govuk-form-group pt-fb-item__words">
                <label class="govuk-label" for="item-${item.key}">${t('session.item', { n })}</label>
                <textarea
                  class="govuk-textarea"
                  id="item-${item.key}"
                  rows="2"
                  .value=${item.text}
                  @input=${(e: Event) => this.update_(i, { text: (e.target as HTMLTextAreaElement).value })}
                  @keydown=${(e: KeyboardEvent) => this.keydown(e, i)}
                  @paste=${(e: ClipboardEvent) => this.paste(e, i)}
                ></textarea>
              </div>
              <div class="govuk-form-group pt-fb-item__band">
                <label class="govuk-label" for="band-${item.key}">${t('session.ageBand', { n })}</label>
                <select
                  class="govuk-select"
                  id="band-${item.key}"
                  .value=${item.ageBand}
                  @change=${(e: Event) =>
                    this.update_(i, { ageBand: (e.target as HTMLSelectElement).value, bandChosen: true })}
                >
                  ${settings.ageBands.map((b) => html`<option value=${b.id} ?selected=${b.id === item.ageBand}>${b.label}</option>`)}
                </select>
              </div>
              <pt-promise-picker
                class="pt-fb-item__promises"
                compact
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
                      class="govuk-link govuk-body-s pt-fb-item__remove"
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
      ${this.draftStatus()}
      <div>
        <button type="submit" class="govuk-button" ?disabled=${this.busy}>
          ${t(count === 1 ? 'session.saveOne' : 'session.save', { count })}
        </button>
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
