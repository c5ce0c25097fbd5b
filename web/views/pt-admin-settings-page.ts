// Admins edit the council's settings: name, nation, time zone, targets and timings, age bands and
// forums, the RAG wording and suggestion thresholds, the board's quorum, and the words that flag
// identifying text. Each section is its own component (components/settings/), all inside this
// page's one form; the draft and its rules are in components/settings/settings-draft.ts. The
// API's field paths (`ageBands.2.label`, `watchWords.4`) put each problem against its own box; a
// 409 shows which settings differ in the other person's version.
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { RagRulesPage, Settings, SettingsUpdate } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { ApiError, api } from '../api/client.js';
import { t, type MessageKey } from '../i18n/messages.js';
import { FormController } from '../controllers/form-controller.js';
import type { SummaryError } from '../components/pt-error-summary.js';
import type { SummaryRow } from '../components/pt-summary-list.js';
import {
  draftBody,
  draftOf,
  fieldOrder,
  keptThresholds,
  placeErrors,
  readDraft,
  type Draft,
  type Errors,
  type ForumRow,
} from '../components/settings/settings-draft.js';
import '../components/pt-error-summary.js';
import '../components/pt-notification-banner.js';
import '../components/pt-summary-list.js';
import '../components/pt-loading.js';
import '../components/pt-error-state.js';
import '../components/pt-retention-setting.js';
import '../components/pt-reminder-settings.js';
import '../components/pt-safeguarding-lead-settings.js';
import '../components/settings/pt-settings-council.js';
import '../components/settings/pt-settings-age-bands.js';
import '../components/settings/pt-settings-forums.js';
import '../components/settings/pt-settings-rag.js';
import '../components/settings/pt-settings-quorum.js';
import '../components/settings/pt-settings-words.js';

@customElement('pt-admin-settings-page')
export class PtAdminSettingsPage extends PtLightElement {
  @state() private draft: Draft | null = null;
  /** The settings as last loaded or saved, for the reminder settings' own form. */
  @state() private current: Settings | null = null;
  @state() private version = 0;
  /** Overrides this page does not edit (see THRESHOLDS in settings-draft.ts), sent back as they were. */
  private keptThresholds: Record<string, number> = {};
  @state() private fieldErrors: Errors = {};
  @state() private theirs: SummaryRow[] | null = null;
  @state() private saved = false;
  @state() private focusAfterRender = '';
  /** The thresholds in force, from the "how we decide" page's own data; fetched again on save. */
  @state() private rules: RagRulesPage | null = null;

  // The controller keeps the busy flag and the form-wide message (network, unexpected problem);
  // the field problems are mapped here, as the rows (and so the fields) change as admins edit.
  private form = new FormController<'councilName'>(this, {
    fields: ['councilName'],
    labels: { councilName: 'adminSettings.councilName' },
  });

  private load = new Task(this, {
    task: async (_args, { signal }) => {
      const [settings, rules] = await Promise.all([
        api.get<Settings>('/settings', signal),
        api.get<RagRulesPage>('/board/rag-rules', signal),
      ]);
      this.accept(settings);
      this.rules = rules;
    },
    args: () => [],
  });

  override connectedCallback() {
    super.connectedCallback();
    document.title = `${t('adminSettings.title')} – ${t('app.name')}`;
  }

  override updated() {
    if (!this.focusAfterRender) return;
    const id = this.focusAfterRender;
    this.focusAfterRender = '';
    // A new row's boxes render in their section's update and then their own, after this one.
    const sections = [...this.querySelectorAll<PtLightElement>('form > *')].map((s) => s.updateComplete);
    void Promise.all(sections)
      .then(() => Promise.all([...this.querySelectorAll('pt-text-field')].map((f) => f.updateComplete)))
      .then(() => document.getElementById(id)?.focus());
  }

  private accept(s: Settings) {
    this.current = s;
    this.draft = draftOf(s);
    this.version = s.version;
    this.keptThresholds = keptThresholds(s);
  }

  /** The form as typed, so adding or removing a row keeps everything else the admin wrote. */
  private read(): Draft {
    const formEl = this.querySelector('form');
    return formEl ? readDraft(formEl, this.draft!) : this.draft!;
  }

  private addBand() {
    const d = this.read();
    this.draft = { ...d, ageBands: [...d.ageBands, { id: '', label: '', childLabel: '', childLabelCy: '' }] };
    this.focusAfterRender = `f-ageBands.${d.ageBands.length}.label`;
  }

  private removeBand(i: number) {
    const d = this.read();
    this.draft = { ...d, ageBands: d.ageBands.filter((_, j) => j !== i) };
    this.focusAfterRender = 'f-ageBands';
  }

  private addForum() {
    const d = this.read();
    const forum: ForumRow = { id: '', name: '', audience: 'both', frequency: '', active: true };
    this.draft = { ...d, forums: [...d.forums, forum] };
    this.focusAfterRender = `f-forums.${d.forums.length}.name`;
  }

  private removeForum(i: number) {
    const d = this.read();
    this.draft = { ...d, forums: d.forums.filter((_, j) => j !== i) };
    this.focusAfterRender = 'f-forums';
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    const draft = this.read();
    this.draft = draft;
    this.saved = false;
    this.theirs = null;
    const { body, errors } = draftBody(draft, this.version, this.keptThresholds);
    this.fieldErrors = errors;
    if (Object.keys(errors).length) {
      this.form.clear();
      return;
    }
    await this.form.submit(async () => {
      try {
        const saved = await api.put<Settings>('/settings', body);
        this.accept(saved);
        this.saved = true;
        this.rules = await api.get<RagRulesPage>('/board/rag-rules');
      } catch (err) {
        // Field problems and a 409 are shown here; anything else goes to the controller.
        if (!(err instanceof ApiError)) throw err;
        if (err.status === 409 && err.current) return this.conflict(body, err.current as Settings);
        const mapped = placeErrors(err, body, this.draft!);
        if (!Object.keys(mapped).length) throw err;
        this.fieldErrors = mapped;
      }
    });
  }

  private conflict(mine: SettingsUpdate, current: Settings) {
    // Say which settings they changed, then let the admin start again from their version.
    const rows: SummaryRow[] = [];
    const show = (v: unknown): string =>
      Array.isArray(v)
        ? v.map((x: unknown) => (typeof x === 'object' && x ? (Object.values(x)[1] as string) : String(x))).join(', ')
        : typeof v === 'object' && v
          ? Object.entries(v)
              .map(([k, x]) => `${k}: ${typeof x === 'object' && x ? Object.values(x).join(' – ') : String(x)}`)
              .join('; ')
          : String(v);
    const labels: Partial<Record<keyof SettingsUpdate, MessageKey>> = {
      councilName: 'adminSettings.councilName',
      nation: 'adminSettings.nation',
      useWelsh: 'adminSettings.useWelsh',
      councilNameCy: 'adminSettings.councilNameCy',
      timeZone: 'adminSettings.timeZone',
      answerTargetDays: 'adminSettings.answerTargetDays',
      smallNumberThreshold: 'adminSettings.smallNumberThreshold',
      staleAfterDays: 'adminSettings.staleAfterDays',
      dueSoonDays: 'adminSettings.dueSoonDays',
      ageBands: 'adminSettings.ageBands',
      forums: 'adminSettings.forums',
      ragWording: 'adminSettings.ragWording',
      ragThresholds: 'adminSettings.ragThresholds',
      quorum: 'adminSettings.quorum',
      watchWords: 'adminSettings.watchWords',
      localNames: 'adminSettings.localNames',
    };
    for (const [key, label] of Object.entries(labels) as [keyof SettingsUpdate, MessageKey][]) {
      const theirs = current[key as keyof Settings];
      if (JSON.stringify(theirs) !== JSON.stringify(mine[key])) rows.push({ key: t(label), value: show(theirs) });
    }
    this.theirs = rows;
    this.accept(current);
    window.scrollTo(0, 0);
  }

  private summary(): SummaryError[] {
    const list = fieldOrder(this.draft!)
      .filter((f) => this.fieldErrors[f.key])
      .map((f) => ({ fieldId: `f-${f.key}`, message: `${f.label}: ${this.fieldErrors[f.key]}` }));
    return [...list, ...this.form.summary()];
  }

  private view(rules: RagRulesPage) {
    const d = this.draft!;
    const e = this.fieldErrors;
    return html`<a class="govuk-back-link" href="/admin">${t('admin.back')}</a>
      ${
        this.theirs
          ? html`<pt-notification-banner
              heading=${t('form.conflictTitle')}
              text=${t('form.conflictBody')}
              .content=${html`<h3 class="govuk-heading-s">${t('form.theirVersion')}</h3>
                <p class="govuk-body">${t('adminSettings.changedTheirs')}</p>
                <pt-summary-list .rows=${this.theirs}></pt-summary-list>`}
            ></pt-notification-banner>`
          : nothing
      }
      ${
        this.saved
          ? html`<pt-notification-banner
              type="success"
              heading=${t('adminSettings.savedTitle')}
              text=${t('adminSettings.saved')}
            ></pt-notification-banner>`
          : nothing
      }
      <pt-error-summary .errors=${this.summary()}></pt-error-summary>
      <h1 class="govuk-heading-l">${t('adminSettings.title')}</h1>
      <form novalidate @submit=${(ev: SubmitEvent) => void this.submit(ev)}>
        <pt-settings-council
          .draft=${d}
          .errors=${e}
          @pt-settings-changed=${() => (this.draft = this.read())}
        ></pt-settings-council>
        <pt-settings-age-bands
          .draft=${d}
          .errors=${e}
          @pt-settings-add=${() => this.addBand()}
          @pt-settings-remove=${(ev: CustomEvent<number>) => this.removeBand(ev.detail)}
        ></pt-settings-age-bands>
        <pt-settings-forums
          .draft=${d}
          .errors=${e}
          @pt-settings-add=${() => this.addForum()}
          @pt-settings-remove=${(ev: CustomEvent<number>) => this.removeForum(ev.detail)}
        ></pt-settings-forums>
        <pt-settings-rag .draft=${d} .errors=${e} .rules=${rules}></pt-settings-rag>
        <pt-settings-quorum .draft=${d} .errors=${e}></pt-settings-quorum>
        <pt-settings-words .draft=${d} .errors=${e}></pt-settings-words>
        <div class="govuk-button-group">
          <button type="submit" class="govuk-button" ?disabled=${this.form.busy}>${t('form.save')}</button>
          <a class="govuk-link" href="/admin">${t('form.cancel')}</a>
        </div>
      </form>
      <pt-retention-setting
        @pt-settings-version=${(e: CustomEvent<number>) => (this.version = e.detail)}
      ></pt-retention-setting>
      <pt-reminder-settings
        .settings=${this.current}
        @pt-settings-saved=${(e: CustomEvent<Settings>) => ((this.current = e.detail), (this.version = e.detail.version))}
      ></pt-reminder-settings>
      <pt-safeguarding-lead-settings
        .settings=${this.current}
        @pt-settings-saved=${(e: CustomEvent<Settings>) => ((this.current = e.detail), (this.version = e.detail.version))}
      ></pt-safeguarding-lead-settings>`;
  }

  override render() {
    return this.load.render({
      pending: () => html`<pt-loading></pt-loading>`,
      complete: () => this.view(this.rules!),
      error: (err) =>
        html`<h1 class="govuk-heading-l">${t('adminSettings.title')}</h1>
          <pt-error-state .error=${err} @pt-retry=${() => void this.load.run()}></pt-error-state>`,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-admin-settings-page': PtAdminSettingsPage;
  }
}
