// Admins add a measure ("how we'll know") under a promise, and edit one: its name, the sentence
// children read (English and Welsh), unit, which direction is better, baseline, target, where
// the figures come from and who enters them. Field problems from the API appear against their
// field; a 409 shows the other person's version and makes it the form's starting point.
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { Task } from '@lit/task';
import type { CouncilPromise, MeasureDetail, Person } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { welshInUse } from '../welsh-in-use.js';
import { api } from '../api/client.js';
import { navigate } from '../router.js';
import { t, type MessageKey } from '../i18n/messages.js';
import {
  actionOwners,
  FormController,
  personOptions,
  readDraft,
  theirVersionBanner,
} from '../controllers/form-controller.js';
import { taskView } from '../components/task-view.js';
import type { ApiError } from '../api/client.js';
import '../components/pt-text-field.js';
import '../components/pt-character-count.js';
import '../components/pt-reading-age.js';
import '../components/pt-select-field.js';
import '../components/pt-radios-field.js';
import '../components/pt-error-summary.js';
import '../components/pt-archive-panel.js';

const UNITS = ['count', 'percent', 'score'] as const;
const DIRECTIONS = ['higher', 'lower', 'context'] as const;
/** Form order, which is also the error summary's order. */
const FIELDS = [
  'name',
  'childSentence',
  'childSentenceCy',
  'unit',
  'direction',
  'councilWide',
  'baseline',
  'target',
  'source',
  'ownerId',
] as const;
type Field = (typeof FIELDS)[number];
const LABEL: Record<Field, MessageKey> = {
  name: 'measureForm.name',
  childSentence: 'measureForm.childSentence',
  childSentenceCy: 'measureForm.childSentenceCy',
  unit: 'measureForm.unit',
  direction: 'measureForm.direction',
  councilWide: 'measureForm.councilWide',
  baseline: 'measureForm.baseline',
  target: 'measureForm.target',
  source: 'measureForm.source',
  ownerId: 'measureForm.owner',
};
type Draft = Record<Field, string>;

const draftOf = (m: MeasureDetail | null): Draft => ({
  name: m?.name ?? '',
  childSentence: m?.childSentence ?? '',
  childSentenceCy: m?.childSentenceCy ?? '',
  unit: m?.unit ?? '',
  direction: m?.direction ?? '',
  councilWide: m?.councilWide ? 'yes' : '',
  baseline: m?.baseline === null || m?.baseline === undefined ? '' : String(m.baseline),
  target: m?.target === null || m?.target === undefined ? '' : String(m.target),
  source: m?.source ?? '',
  ownerId: m?.ownerId ? String(m.ownerId) : '',
});

/** A figure as typed: blank is none, a number is a number, anything else goes as typed for the API to name. */
function figure(text: string): number | string | null {
  const s = text.trim();
  if (!s) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : s;
}

type Loaded = { promise: CouncilPromise; people: Person[] };

@customElement('pt-measure-form-page')
export class PtMeasureFormPage extends PtLightElement {
  /** Welsh fields show only where the council uses Welsh (web/welsh-in-use.ts). */
  @state() private welsh = false;

  /** The promise a new measure goes under (0 when editing). */
  @property({ type: Number }) promiseId = 0;
  /** 0 for a new measure. */
  @property({ type: Number }) measureId = 0;

  @state() private draft: Draft = draftOf(null);
  @state() private version = 0;
  @state() private archived = false;
  @state() private theirs: MeasureDetail | null = null;
  @state() private formKey = 0;

  private formState = new FormController(this, {
    fields: FIELDS,
    labels: LABEL,
    onConflict: (err) => {
      if (!err.current) return false;
      void api.get<MeasureDetail>(`/measures/${this.measureId}?view=edit`).then((m) => {
        this.theirs = m;
        this.start(m);
      });
      window.scrollTo(0, 0);
      return true;
    },
  });

  private load = new Task(this, {
    task: async ([promiseId, measureId], { signal }): Promise<Loaded> => {
      // The edit view: an admin sets the real baseline, never the "too few to show" one.
      const measure = measureId ? await api.get<MeasureDetail>(`/measures/${measureId}?view=edit`, signal) : null;
      const [promise, people] = await Promise.all([
        api.get<CouncilPromise>(`/promises/${measure ? measure.promiseId : promiseId}`, signal),
        api.get<{ items: Person[] }>('/people', signal),
      ]);
      this.start(measure);
      return { promise, people: actionOwners(people.items, measure?.ownerId) };
    },
    args: () => [this.promiseId, this.measureId] as const,
  });

  private start(m: MeasureDetail | null) {
    this.draft = draftOf(m);
    this.version = m?.version ?? 0;
    this.archived = m?.archived ?? false;
    this.formKey++;
  }

  private get heading() {
    return t(this.measureId ? 'measureForm.editTitle' : 'measureForm.createTitle');
  }

  override connectedCallback() {
    super.connectedCallback();
    void welshInUse().then((w) => (this.welsh = w));
    document.title = `${this.heading} – ${t('app.name')}`;
  }

  private body(d: Draft, promiseId: number) {
    const body: Record<string, unknown> = {
      name: d.name,
      childSentence: d.childSentence,
      childSentenceCy: d.childSentenceCy,
      baseline: figure(d.baseline),
      target: figure(d.target),
      source: d.source,
      ownerId: d.ownerId ? Number(d.ownerId) : null,
      councilWide: d.councilWide === 'yes',
    };
    // Leave a missing choice out so the API names the field.
    if (d.unit) body.unit = d.unit;
    if (d.direction) body.direction = d.direction;
    if (this.measureId) body.version = this.version;
    else body.promiseId = promiseId;
    return body;
  }

  private async submit(e: SubmitEvent, promiseId: number) {
    e.preventDefault();
    const draft = readDraft(e.target as HTMLFormElement, FIELDS);
    this.draft = draft;
    await this.formState.submit(async () => {
      const body = this.body(draft, promiseId);
      if (this.measureId) await api.patch<MeasureDetail>(`/measures/${this.measureId}`, body);
      else await api.post<MeasureDetail>('/measures', body);
      navigate(`/promises/${promiseId}`);
    });
  }

  /** Archived or restored: the next save or archive carries the new version. */
  private async archiveChanged() {
    this.formState.clear();
    this.theirs = null;
    const m = await api.get<MeasureDetail>(`/measures/${this.measureId}?view=edit`);
    this.version = m.version;
    this.archived = m.archived;
  }

  private conflict(people: Person[]) {
    const m = this.theirs;
    if (!m) return nothing;
    const owner = people.find((u) => u.id === m.ownerId)?.name ?? t('promise.noOwner');
    const shown = (n: number | null) => (n === null ? '–' : String(n));
    return theirVersionBanner([
      { key: t(LABEL.name), value: m.name },
      { key: t(LABEL.childSentence), value: m.childSentence },
      { key: t(LABEL.childSentenceCy), value: m.childSentenceCy },
      { key: t(LABEL.unit), value: t(`measureForm.unit.${m.unit}`) },
      { key: t(LABEL.direction), value: t(`measureForm.direction.${m.direction}`) },
      { key: t(LABEL.baseline), value: shown(m.baseline) },
      { key: t(LABEL.target), value: shown(m.target) },
      { key: t(LABEL.source), value: m.source },
      { key: t(LABEL.ownerId), value: owner },
    ]);
  }

  private form({ promise, people }: Loaded) {
    const d = this.draft;
    const e = this.formState.errors;
    const back = `/promises/${promise.id}`;
    return html`<a class="govuk-back-link" href=${back}>${t('measureForm.back')}</a>
      ${this.conflict(people)}
      <pt-error-summary .errors=${this.formState.summary()}></pt-error-summary>
      <span class="govuk-caption-l">${promise.staffText}</span>
      <h1 class="govuk-heading-l">${this.heading}</h1>
      ${keyed(
        this.formKey,
        html`<form novalidate @submit=${(ev: SubmitEvent) => void this.submit(ev, promise.id)}>
          <pt-text-field
            name="name"
            label=${t(LABEL.name)}
            hint=${t('measureForm.nameHint')}
            .value=${d.name}
            error=${e.name ?? ''}
          ></pt-text-field>
          <pt-character-count
            name="childSentence"
            label=${t(LABEL.childSentence)}
            hint=${t('measureForm.childSentenceHint')}
            optional
            maxlength="300"
            rows="2"
            .value=${d.childSentence}
            error=${e.childSentence ?? ''}
          ></pt-character-count>
          <pt-reading-age for="f-childSentence" language="en"></pt-reading-age>
          <pt-character-count
            name="childSentenceCy"
            ?hidden=${!this.welsh}
            label=${t(LABEL.childSentenceCy)}
            optional
            maxlength="300"
            rows="2"
            .value=${d.childSentenceCy}
            error=${e.childSentenceCy ?? ''}
          ></pt-character-count>
          <pt-reading-age for="f-childSentenceCy" language="cy" ?hidden=${!this.welsh}></pt-reading-age>
          <pt-radios-field
            name="unit"
            legend=${t(LABEL.unit)}
            .value=${d.unit}
            error=${e.unit ?? ''}
            .options=${UNITS.map((u) => ({ value: u, label: t(`measureForm.unit.${u}`) }))}
          ></pt-radios-field>
          <pt-radios-field
            name="direction"
            legend=${t(LABEL.direction)}
            .value=${d.direction}
            error=${e.direction ?? ''}
            .options=${DIRECTIONS.map((v) => ({ value: v, label: t(`measureForm.direction.${v}`) }))}
          ></pt-radios-field>
          <div class="govuk-form-group">
            <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
              <div class="govuk-checkboxes__item">
                <input
                  class="govuk-checkboxes__input"
                  id="f-councilWide"
                  name="councilWide"
                  type="checkbox"
                  value="yes"
                  aria-describedby="f-councilWide-hint"
                  .checked=${d.councilWide === 'yes'}
                />
                <label class="govuk-label govuk-checkboxes__label" for="f-councilWide">${t(LABEL.councilWide)}</label>
                <div id="f-councilWide-hint" class="govuk-hint govuk-checkboxes__hint">
                  ${t('measureForm.councilWideHint')}
                </div>
              </div>
            </div>
          </div>
          <pt-text-field
            name="baseline"
            label=${t(LABEL.baseline)}
            hint=${t('measureForm.figureHint')}
            optional
            width="5"
            .value=${d.baseline}
            error=${e.baseline ?? ''}
          ></pt-text-field>
          <pt-text-field
            name="target"
            label=${t(LABEL.target)}
            hint=${t('measureForm.figureHint')}
            optional
            width="5"
            .value=${d.target}
            error=${e.target ?? ''}
          ></pt-text-field>
          <pt-text-field
            name="source"
            label=${t(LABEL.source)}
            hint=${t('measureForm.sourceHint')}
            optional
            .value=${d.source}
            error=${e.source ?? ''}
          ></pt-text-field>
          <pt-select-field
            name="ownerId"
            label=${t(LABEL.ownerId)}
            .value=${d.ownerId}
            error=${e.ownerId ?? ''}
            .options=${[{ value: '', label: t('measureForm.noOwner') }, ...personOptions(people)]}
          ></pt-select-field>
          <div class="govuk-button-group">
            <button type="submit" class="govuk-button" ?disabled=${this.formState.busy}>${t('form.save')}</button>
            <a class="govuk-link" href=${back}>${t('form.cancel')}</a>
          </div>
        </form>`,
      )}
      ${
        this.measureId
          ? html`<pt-archive-panel
              kind="measure"
              .itemId=${this.measureId}
              .version=${this.version}
              ?archived=${this.archived}
              @pt-archive-change=${() => void this.archiveChanged()}
              @pt-archive-error=${(ev: CustomEvent<ApiError>) => this.formState.showError(ev.detail)}
            ></pt-archive-panel>`
          : nothing
      }`;
  }

  override render() {
    return taskView(this.load, (loaded) => this.form(loaded), this.heading);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-measure-form-page': PtMeasureFormPage;
  }
}
