// Admins edit the council's settings: name, nation, time zone, targets and timings, age bands and
// forums, the RAG wording and suggestion thresholds, the board's quorum, and the words that flag
// identifying text. The API's field paths (`ageBands.2.label`, `watchWords.4`) put each problem
// against its own box; a 409 shows which settings differ in the other person's version.
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { RagRating, RagRulesPage, Settings, SettingsUpdate } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { ApiError, api } from '../api/client.js';
import { t, type MessageKey } from '../i18n/messages.js';
import { FormController } from '../controllers/form-controller.js';
import type { SummaryError } from '../components/pt-error-summary.js';
import type { SummaryRow } from '../components/pt-summary-list.js';
import '../components/pt-text-field.js';
import '../components/pt-select-field.js';
import '../components/pt-radios-field.js';
import '../components/pt-error-summary.js';
import '../components/pt-notification-banner.js';
import '../components/pt-summary-list.js';
import '../components/pt-loading.js';
import '../components/pt-error-state.js';
import '../components/pt-retention-setting.js';
import '../components/pt-reminder-settings.js';
import '../components/pt-safeguarding-lead-settings.js';

const COLOURS: readonly RagRating[] = ['red', 'amber', 'green', 'blue'];
const AUDIENCES = ['children_in_care', 'care_leavers', 'both'] as const;
type Audience = (typeof AUDIENCES)[number];
const TIMINGS = ['answerTargetDays', 'smallNumberThreshold', 'staleAfterDays', 'dueSoonDays'] as const;
type Timing = (typeof TIMINGS)[number];
/**
 * The thresholds this page edits. answerTargetDays and staleAfterDays are council settings in
 * their own right (above), which the suggestion already uses; an override saved for them in
 * ragThresholds is kept as it is.
 */
const THRESHOLDS = [
  'deliveryAmberPercent',
  'deliveryRedPercent',
  'gapAmberPoints',
  'gapRedPoints',
  'gapAmberPercent',
  'gapRedPercent',
  'waitingAmberCount',
  'waitingRedCount',
] as const;
type Threshold = (typeof THRESHOLDS)[number];
const WHOLE_THRESHOLDS: ReadonlySet<Threshold> = new Set(['waitingAmberCount', 'waitingRedCount']);
const QUORUM = ['minCouncillors', 'minPartners', 'minTotal'] as const;
type QuorumKey = (typeof QUORUM)[number];

type BandRow = { id: string; label: string; childLabel: string; childLabelCy: string };
type ForumRow = { id: string; name: string; audience: Audience; frequency: string; active: boolean };

/** What the form holds: numbers as typed, so a wrong entry stays on screen with its message. */
type Draft = {
  councilName: string;
  nation: string;
  useWelsh: boolean;
  councilNameCy: string;
  timeZone: string;
  timings: Record<Timing, string>;
  ageBands: BandRow[];
  forums: ForumRow[];
  ragWording: Record<RagRating, { label: string; meaning: string }>;
  thresholds: Record<Threshold, string>;
  quorum: Record<QuorumKey, string>;
  watchWords: string;
  localNames: string;
};

function draftOf(s: Settings): Draft {
  const rag = s.ragThresholds as Partial<Record<Threshold, number>>;
  return {
    councilName: s.councilName,
    nation: s.nation,
    useWelsh: s.useWelsh,
    councilNameCy: s.councilNameCy,
    timeZone: s.timeZone,
    timings: Object.fromEntries(TIMINGS.map((k) => [k, String(s[k])])) as Record<Timing, string>,
    ageBands: s.ageBands.map((b) => ({ ...b, childLabelCy: b.childLabelCy ?? '' })),
    forums: s.forums.map((f) => ({ ...f })),
    ragWording: {
      red: { ...s.ragWording.red },
      amber: { ...s.ragWording.amber },
      green: { ...s.ragWording.green },
      blue: { ...s.ragWording.blue },
    },
    thresholds: Object.fromEntries(THRESHOLDS.map((k) => [k, rag[k] === undefined ? '' : String(rag[k])])) as Record<
      Threshold,
      string
    >,
    quorum: Object.fromEntries(QUORUM.map((k) => [k, String(s.quorum[k])])) as Record<QuorumKey, string>,
    watchWords: s.watchWords.join('\n'),
    localNames: s.localNames.join('\n'),
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** A new row's id from its name: lower-case letters, numbers and hyphens, unique in its list. */
function slugFor(name: string, taken: ReadonlySet<string>, fallback: string): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 36) || fallback;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Field keys are the API's paths (`ageBands.0.label`); a box's id is `f-` and its key. */
type Errors = Record<string, string>;

/**
 * "Use Welsh" and the council's Welsh name. Welsh boxes elsewhere on the page hide while it is off
 * (hidden, not removed, so what they hold is sent back unchanged).
 */
function welshSettings(d: Draft, err: (key: string) => string, changed: () => void) {
  return html`<div class="govuk-form-group">
      <div class="govuk-checkboxes" data-module="govuk-checkboxes">
        <div class="govuk-checkboxes__item">
          <input
            class="govuk-checkboxes__input"
            id="f-useWelsh"
            name="useWelsh"
            type="checkbox"
            aria-describedby="f-useWelsh-hint"
            ?checked=${d.useWelsh}
            @change=${changed}
          />
          <label class="govuk-label govuk-checkboxes__label" for="f-useWelsh">${t('adminSettings.useWelsh')}</label>
          <div id="f-useWelsh-hint" class="govuk-hint govuk-checkboxes__hint">${t('adminSettings.useWelshHint')}</div>
        </div>
      </div>
    </div>
    <pt-text-field
      name="councilNameCy"
      ?hidden=${!d.useWelsh}
      label=${t('adminSettings.councilNameCy')}
      hint=${t('adminSettings.councilNameCyHint')}
      optional
      .value=${d.councilNameCy}
      error=${err('councilNameCy')}
    ></pt-text-field>`;
}

@customElement('pt-admin-settings-page')
export class PtAdminSettingsPage extends PtLightElement {
  @state() private draft: Draft | null = null;
  /** The settings as last loaded or saved, for the reminder settings' own form. */
  @state() private current: Settings | null = null;
  @state() private version = 0;
  /** Overrides this page does not edit (see THRESHOLDS), sent back as they were. */
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
    // A new row's boxes render in their own elements' updates, after this one.
    const fields = [...this.querySelectorAll('pt-text-field')].map((f) => f.updateComplete);
    void Promise.all(fields).then(() => document.getElementById(id)?.focus());
  }

  private accept(s: Settings) {
    this.current = s;
    this.draft = draftOf(s);
    this.version = s.version;
    const rag = s.ragThresholds as Record<string, number>;
    this.keptThresholds = Object.fromEntries(
      Object.entries(rag).filter(([k]) => !(THRESHOLDS as readonly string[]).includes(k)),
    );
  }

  /** The form as typed, so adding or removing a row keeps everything else the admin wrote. */
  private read(): Draft {
    const d = this.draft!;
    const formEl = this.querySelector('form');
    if (!formEl) return d;
    const data = new FormData(formEl);
    const get = (name: string) => String(data.get(name) ?? '');
    return {
      councilName: get('councilName'),
      nation: get('nation'),
      useWelsh: data.get('useWelsh') !== null,
      councilNameCy: get('councilNameCy'),
      timeZone: get('timeZone'),
      timings: Object.fromEntries(TIMINGS.map((k) => [k, get(k)])) as Record<Timing, string>,
      ageBands: d.ageBands.map((b, i) => ({
        id: b.id,
        label: get(`ageBands.${i}.label`),
        childLabel: get(`ageBands.${i}.childLabel`),
        childLabelCy: get(`ageBands.${i}.childLabelCy`),
      })),
      forums: d.forums.map((f, i) => ({
        id: f.id,
        name: get(`forums.${i}.name`),
        audience: (get(`forums.${i}.audience`) || f.audience) as Audience,
        frequency: get(`forums.${i}.frequency`),
        active: data.get(`forums.${i}.active`) !== null,
      })),
      ragWording: Object.fromEntries(
        COLOURS.map((c) => [c, { label: get(`ragWording.${c}.label`), meaning: get(`ragWording.${c}.meaning`) }]),
      ) as Draft['ragWording'],
      thresholds: Object.fromEntries(THRESHOLDS.map((k) => [k, get(`ragThresholds.${k}`)])) as Record<
        Threshold,
        string
      >,
      quorum: Object.fromEntries(QUORUM.map((k) => [k, get(`quorum.${k}`)])) as Record<QuorumKey, string>,
      watchWords: get('watchWords'),
      localNames: get('localNames'),
    };
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

  /** The request body, or the boxes whose numbers cannot be read (the API is not asked then). */
  private body(d: Draft): { body: SettingsUpdate; errors: Errors } {
    const errors: Errors = {};
    const number = (key: string, raw: string, whole: boolean): number | undefined => {
      const n = Number(raw.trim());
      if (!raw.trim() || !Number.isFinite(n))
        errors[key] = t(whole ? 'adminSettings.wholeNumber' : 'adminSettings.number');
      else if (whole && !Number.isInteger(n)) errors[key] = t('adminSettings.wholeNumber');
      return n;
    };
    const timings = Object.fromEntries(TIMINGS.map((k) => [k, number(k, d.timings[k], true)])) as Record<
      Timing,
      number
    >;
    const quorum = Object.fromEntries(QUORUM.map((k) => [k, number(`quorum.${k}`, d.quorum[k], true)])) as Record<
      QuorumKey,
      number
    >;
    const ragThresholds: Record<string, number> = { ...this.keptThresholds };
    for (const k of THRESHOLDS) {
      // An empty box means the standard figure: leave the key out.
      if (d.thresholds[k].trim())
        ragThresholds[k] = number(`ragThresholds.${k}`, d.thresholds[k], WHOLE_THRESHOLDS.has(k))!;
    }
    // A new band is sent by its labels: the server makes its id from the label, once.
    const ageBands = d.ageBands.map((b) => ({
      ...(b.id && { id: b.id }),
      label: b.label,
      childLabel: b.childLabel,
      childLabelCy: b.childLabelCy,
    }));
    const forumIds = new Set(d.forums.map((f) => f.id).filter(Boolean));
    const forums = d.forums.map((f, i) => {
      const id = f.id || slugFor(f.name, forumIds, `forum-${i + 1}`);
      forumIds.add(id);
      return { ...f, id };
    });
    const body: SettingsUpdate = {
      version: this.version,
      councilName: d.councilName,
      nation: d.nation as Settings['nation'],
      useWelsh: d.useWelsh,
      councilNameCy: d.councilNameCy,
      timeZone: d.timeZone,
      ...timings,
      ageBands,
      forums,
      ragWording: d.ragWording,
      ragThresholds,
      quorum,
      watchWords: lines(d.watchWords),
      localNames: lines(d.localNames),
    };
    return { body, errors };
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    const draft = this.read();
    this.draft = draft;
    this.saved = false;
    this.theirs = null;
    const { body, errors } = this.body(draft);
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
        const mapped = this.mapErrors(err, body);
        if (!Object.keys(mapped).length) throw err;
        this.fieldErrors = mapped;
      }
    });
  }

  /** Puts each API problem against its box; returns nothing it cannot place. */
  private mapErrors(err: ApiError, body: SettingsUpdate): Errors {
    const known = new Set(this.fieldOrder().map((f) => f.key));
    const errors: Errors = {};
    for (const [path, message] of Object.entries(err.fieldErrors)) {
      const parts = path.split('.');
      // A row's id is made from its name, so a problem with the id belongs to the name.
      if (parts[0] === 'ageBands' && parts[2] === 'id') parts[2] = 'label';
      if (parts[0] === 'forums' && parts[2] === 'id') parts[2] = 'name';
      let text = message;
      if ((parts[0] === 'watchWords' || parts[0] === 'localNames') && parts.length > 1) {
        const list = body[parts[0]] ?? [];
        const line = Number(parts[1]);
        text = t('adminSettings.line', { n: line + 1, message: `${list[line] ?? ''} – ${message}` });
      }
      while (parts.length > 1 && !known.has(parts.join('.'))) parts.pop();
      const key = parts.join('.');
      if (known.has(key)) errors[key] ??= text;
    }
    return errors;
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

  /** Every box in form order, with the words the error summary starts its line with. */
  private fieldOrder(): { key: string; label: string }[] {
    const d = this.draft!;
    const of = (key: string, label: MessageKey, params: Record<string, string | number> = {}) => ({
      key,
      label: t(label, params),
    });
    return [
      of('councilName', 'adminSettings.councilName'),
      of('nation', 'adminSettings.nation'),
      of('useWelsh', 'adminSettings.useWelsh'),
      of('councilNameCy', 'adminSettings.councilNameCy'),
      of('timeZone', 'adminSettings.timeZone'),
      ...TIMINGS.map((k) => of(k, `adminSettings.${k}`)),
      of('ageBands', 'adminSettings.ageBands'),
      ...d.ageBands.flatMap((_, i) => [
        {
          key: `ageBands.${i}.label`,
          label: `${t('adminSettings.ageBand', { n: i + 1 })}, ${t('adminSettings.ageBandLabel')}`,
        },
        {
          key: `ageBands.${i}.childLabel`,
          label: `${t('adminSettings.ageBand', { n: i + 1 })}, ${t('adminSettings.ageBandChildLabel')}`,
        },
        {
          key: `ageBands.${i}.childLabelCy`,
          label: `${t('adminSettings.ageBand', { n: i + 1 })}, ${t('adminSettings.ageBandChildLabelCy')}`,
        },
      ]),
      of('forums', 'adminSettings.forums'),
      ...d.forums.flatMap((_, i) =>
        (['name', 'audience', 'frequency', 'active'] as const).map((f) => ({
          key: `forums.${i}.${f}`,
          label: `${t('adminSettings.forum', { n: i + 1 })}, ${t(
            f === 'name'
              ? 'adminSettings.forumName'
              : f === 'audience'
                ? 'adminSettings.forumAudience'
                : f === 'frequency'
                  ? 'adminSettings.forumFrequency'
                  : 'adminSettings.forumActive',
          )}`,
        })),
      ),
      ...COLOURS.flatMap((c) => [
        of(`ragWording.${c}.label`, 'adminSettings.ragWord', { colour: t(`rag.${c}`) }),
        of(`ragWording.${c}.meaning`, 'adminSettings.ragMeaning', { colour: t(`rag.${c}`) }),
      ]),
      of('ragThresholds', 'adminSettings.ragThresholds'),
      ...THRESHOLDS.map((k) => of(`ragThresholds.${k}`, `adminSettings.threshold.${k}`)),
      of('quorum', 'adminSettings.quorum'),
      ...QUORUM.map((k) => of(`quorum.${k}`, `adminSettings.quorum.${k}`)),
      of('watchWords', 'adminSettings.watchWords'),
      of('localNames', 'adminSettings.localNames'),
    ];
  }

  private summary(): SummaryError[] {
    const list = this.fieldOrder()
      .filter((f) => this.fieldErrors[f.key])
      .map((f) => ({ fieldId: `f-${f.key}`, message: `${f.label}: ${this.fieldErrors[f.key]}` }));
    return [...list, ...this.form.summary()];
  }

  private err(key: string) {
    return this.fieldErrors[key] ?? '';
  }

  /** A group of boxes under a heading; it takes the summary's link when the group itself is wrong. */
  private group(key: string, legend: string, hint: string, body: unknown) {
    const error = this.err(key);
    return html`<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}">
      <div
        role="group"
        id="f-${key}"
        tabindex="-1"
        aria-labelledby="f-${key}-heading"
        aria-describedby="f-${key}-hint${error ? ` f-${key}-error` : ''}"
      >
        <h2 class="govuk-heading-m" id="f-${key}-heading">${legend}</h2>
        <div id="f-${key}-hint" class="govuk-hint">${hint}</div>
        ${
          error
            ? html`<p id="f-${key}-error" class="govuk-error-message">
                <span class="govuk-visually-hidden">${t('error.prefix')}</span> ${error}
              </p>`
            : nothing
        }
        ${body}
      </div>
    </div>`;
  }

  private bands(d: Draft) {
    return this.group(
      'ageBands',
      t('adminSettings.ageBands'),
      t('adminSettings.ageBandsHint'),
      html`${d.ageBands.map(
          (b, i) =>
            html`<fieldset class="govuk-fieldset pt-admin-row">
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
                ${t('adminSettings.ageBand', { n: i + 1 })}
              </legend>
              <pt-text-field
                name="ageBands.${i}.label"
                label=${t('adminSettings.ageBandLabel')}
                width="one-half"
                .value=${b.label}
                error=${this.err(`ageBands.${i}.label`)}
              ></pt-text-field>
              <pt-text-field
                name="ageBands.${i}.childLabel"
                label=${t('adminSettings.ageBandChildLabel')}
                width="one-half"
                .value=${b.childLabel}
                error=${this.err(`ageBands.${i}.childLabel`)}
              ></pt-text-field>
              <pt-text-field
                name="ageBands.${i}.childLabelCy"
                ?hidden=${!d.useWelsh}
                label=${t('adminSettings.ageBandChildLabelCy')}
                hint=${t('adminSettings.ageBandChildLabelCyHint')}
                optional
                width="one-half"
                .value=${b.childLabelCy}
                error=${this.err(`ageBands.${i}.childLabelCy`)}
              ></pt-text-field>
              <button type="button" class="govuk-button govuk-button--warning" @click=${() => this.removeBand(i)}>
                ${t('adminSettings.removeAgeBand', { n: i + 1 })}
              </button>
            </fieldset>`,
        )}
        <button type="button" class="govuk-button govuk-button--secondary" @click=${() => this.addBand()}>
          ${t('adminSettings.addAgeBand')}
        </button>`,
    );
  }

  private forumRows(d: Draft) {
    return this.group(
      'forums',
      t('adminSettings.forums'),
      t('adminSettings.forumsHint'),
      html`${d.forums.length ? nothing : html`<p class="govuk-body">${t('adminSettings.noForums')}</p>`}
        ${d.forums.map(
          (f, i) =>
            html`<fieldset class="govuk-fieldset pt-admin-row">
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
                ${t('adminSettings.forum', { n: i + 1 })}
              </legend>
              <pt-text-field
                name="forums.${i}.name"
                label=${t('adminSettings.forumName')}
                width="two-thirds"
                .value=${f.name}
                error=${this.err(`forums.${i}.name`)}
              ></pt-text-field>
              <pt-select-field
                name="forums.${i}.audience"
                label=${t('adminSettings.forumAudience')}
                .value=${f.audience}
                error=${this.err(`forums.${i}.audience`)}
                .options=${AUDIENCES.map((a) => ({ value: a, label: t(`audience.${a}`) }))}
              ></pt-select-field>
              <pt-text-field
                name="forums.${i}.frequency"
                label=${t('adminSettings.forumFrequency')}
                hint=${t('adminSettings.forumFrequencyHint')}
                optional
                width="one-third"
                .value=${f.frequency}
                error=${this.err(`forums.${i}.frequency`)}
              ></pt-text-field>
              <div class="govuk-form-group">
                <div class="govuk-checkboxes govuk-checkboxes--small">
                  <div class="govuk-checkboxes__item">
                    <input
                      class="govuk-checkboxes__input"
                      id="f-forums.${i}.active"
                      name="forums.${i}.active"
                      type="checkbox"
                      .checked=${f.active}
                    />
                    <label class="govuk-label govuk-checkboxes__label" for="f-forums.${i}.active"
                      >${t('adminSettings.forumActive')}</label
                    >
                  </div>
                </div>
              </div>
              <button type="button" class="govuk-button govuk-button--warning" @click=${() => this.removeForum(i)}>
                ${t('adminSettings.removeForum', { n: i + 1 })}
              </button>
            </fieldset>`,
        )}
        <button type="button" class="govuk-button govuk-button--secondary" @click=${() => this.addForum()}>
          ${t('adminSettings.addForum')}
        </button>`,
    );
  }

  private rag(d: Draft, rules: RagRulesPage) {
    return html`${this.group(
      'ragWording',
      t('adminSettings.ragWording'),
      t('adminSettings.ragWordingHint'),
      COLOURS.map(
        (c) =>
          html`<pt-text-field
              name="ragWording.${c}.label"
              label=${t('adminSettings.ragWord', { colour: t(`rag.${c}`) })}
              width="one-third"
              .value=${d.ragWording[c].label}
              error=${this.err(`ragWording.${c}.label`)}
            ></pt-text-field>
            <pt-text-field
              name="ragWording.${c}.meaning"
              label=${t('adminSettings.ragMeaning', { colour: t(`rag.${c}`) })}
              multiline
              .value=${d.ragWording[c].meaning}
              error=${this.err(`ragWording.${c}.meaning`)}
            ></pt-text-field>`,
      ),
    )}
    ${this.group(
      'ragThresholds',
      t('adminSettings.ragThresholds'),
      t('adminSettings.ragThresholdsHint'),
      html`<p class="govuk-body">
          <a class="govuk-link" href="/board/rules">${t('adminSettings.rulesLink')}</a>
        </p>
        ${THRESHOLDS.map(
          (k) =>
            html`<pt-text-field
              name="ragThresholds.${k}"
              label=${t(`adminSettings.threshold.${k}`)}
              hint=${t('adminSettings.inForce', { now: rules.thresholds[k] ?? '' })}
              optional
              width="4"
              .value=${d.thresholds[k]}
              error=${this.err(`ragThresholds.${k}`)}
            ></pt-text-field>`,
        )}`,
    )}`;
  }

  private view(rules: RagRulesPage) {
    const d = this.draft!;
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
        <h2 class="govuk-heading-m">${t('adminSettings.council')}</h2>
        <pt-text-field
          name="councilName"
          label=${t('adminSettings.councilName')}
          .value=${d.councilName}
          error=${this.err('councilName')}
        ></pt-text-field>
        <pt-radios-field
          name="nation"
          legend=${t('adminSettings.nation')}
          hint=${t('adminSettings.nationHint')}
          .value=${d.nation}
          error=${this.err('nation')}
          .options=${(['england', 'wales'] as const).map((n) => ({ value: n, label: t(`adminSettings.nation.${n}`) }))}
        ></pt-radios-field>
        ${welshSettings(
          d,
          (k) => this.err(k),
          () => (this.draft = this.read()),
        )}
        <pt-text-field
          name="timeZone"
          label=${t('adminSettings.timeZone')}
          hint=${t('adminSettings.timeZoneHint')}
          width="one-third"
          .value=${d.timeZone}
          error=${this.err('timeZone')}
        ></pt-text-field>
        <h2 class="govuk-heading-m">${t('adminSettings.timings')}</h2>
        ${TIMINGS.map(
          (k) =>
            html`<pt-text-field
              name=${k}
              label=${t(`adminSettings.${k}`)}
              hint=${k === 'dueSoonDays' ? '' : t(`adminSettings.${k}Hint`)}
              width="4"
              .value=${d.timings[k]}
              error=${this.err(k)}
            ></pt-text-field>`,
        )}
        ${this.bands(d)} ${this.forumRows(d)} ${this.rag(d, rules)}
        ${this.group(
          'quorum',
          t('adminSettings.quorum'),
          '',
          QUORUM.map(
            (k) =>
              html`<pt-text-field
                name="quorum.${k}"
                label=${t(`adminSettings.quorum.${k}`)}
                width="4"
                .value=${d.quorum[k]}
                error=${this.err(`quorum.${k}`)}
              ></pt-text-field>`,
          ),
        )}
        <h2 class="govuk-heading-m">${t('adminSettings.words')}</h2>
        <pt-text-field
          name="watchWords"
          label=${t('adminSettings.watchWords')}
          hint=${t('adminSettings.watchWordsHint')}
          multiline
          .value=${d.watchWords}
          error=${this.err('watchWords')}
        ></pt-text-field>
        <pt-text-field
          name="localNames"
          label=${t('adminSettings.localNames')}
          hint=${t('adminSettings.localNamesHint')}
          multiline
          .value=${d.localNames}
          error=${this.err('localNames')}
        ></pt-text-field>
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
