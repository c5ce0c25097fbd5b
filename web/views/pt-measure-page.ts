// One measure ("how we'll know"): its chart, summary and table as everyone sees them (small
// numbers hidden, the owner included), and for its owner or an admin the edit view: enter a
// figure for a period, see the figures as entered, or import many from a CSV file.
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { Task } from '@lit/task';
import type { MeasureDetail, MeasureValue, Settings } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { api } from '../api/client.js';
import { hasRole } from '../session.js';
import { t, type MessageKey } from '../i18n/messages.js';
import { FormController } from '../controllers/form-controller.js';
import { taskView } from '../components/task-view.js';
import type { Column } from '../components/pt-data-table.js';
import { formatFigure } from '../components/pt-measure-chart.js';
import '../components/pt-measure-chart.js';
import '../components/pt-measure-links.js';
import '../components/pt-text-field.js';
import '../components/pt-date-input.js';
import '../components/pt-error-summary.js';
import '../components/pt-notification-banner.js';
import '../components/pt-data-table.js';
import '../components/pt-loading.js';
import '../components/pt-error-state.js';

const FIELDS = ['period', 'periodEnd', 'value', 'base', 'englandAverage', 'statNeighbours'] as const;
type Field = (typeof FIELDS)[number];
const LABEL: Record<Field, MessageKey> = {
  period: 'measure.period',
  periodEnd: 'measure.periodEnd',
  value: 'measure.value',
  base: 'measure.base',
  englandAverage: 'measure.england',
  statNeighbours: 'measure.neighbours',
};

/** A typed number as a number; anything else is sent as typed so the API can name the field. */
const numberOrText = (s: string): number | string => (/^-?\d+(\.\d+)?$/.test(s.trim()) ? Number(s) : s);
const optionalNumber = (s: string) => (s.trim() ? numberOrText(s) : null);

@customElement('pt-measure-page')
export class PtMeasurePage extends PtLightElement {
  @property({ type: Number }) measureId = 0;

  @state() private savedPeriod = '';
  @state() private formKey = 0;

  private formState = new FormController(this, {
    fields: FIELDS,
    labels: LABEL,
    onConflict: () => {
      // Someone changed this period meanwhile: reload, so the next save carries their version.
      this.formState.formError = `${t('form.conflictTitle')}. ${t('form.conflictBody')}`;
      void this.data.run();
      return true;
    },
  });

  private data = new Task(this, {
    task: async ([id], { signal }) => {
      const display = await api.get<MeasureDetail>(`/measures/${id}?view=display`, signal);
      // The server says who may enter figures (the owner, the promise's lead, admins): one rule.
      const [edit, settings] = display.mayEnterFigures
        ? await Promise.all([api.get<MeasureDetail>(`/measures/${id}`, signal), api.get<Settings>('/settings', signal)])
        : [null, null];
      document.title = `${display.name} – ${t('app.name')}`;
      return { display, edit, threshold: settings?.smallNumberThreshold ?? 5 };
    },
    args: () => [this.measureId] as const,
  });

  private async submit(e: SubmitEvent, edit: MeasureDetail) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const d = Object.fromEntries(FIELDS.map((f) => [f, String(data.get(f) ?? '').trim()])) as Record<Field, string>;
    this.formState.clear();
    this.savedPeriod = '';
    if (!d.period) {
      this.formState.errors = { period: t('measure.periodHint') };
      return;
    }
    const existing = edit.values.find((v) => v.period === d.period);
    const body: Record<string, unknown> = {
      // Left out, the server works the end out from the period's name.
      periodEnd: d.periodEnd || undefined,
      value: d.value ? numberOrText(d.value) : undefined,
      base: optionalNumber(d.base),
      englandAverage: optionalNumber(d.englandAverage),
      statNeighbours: optionalNumber(d.statNeighbours),
    };
    if (existing) body.version = existing.version;
    await this.formState.submit(async () => {
      await api.put(`/measures/${edit.id}/values/${encodeURIComponent(d.period)}`, body);
      this.savedPeriod = d.period;
      this.formKey++;
      await this.data.run();
    });
  }

  private realColumns(unit: MeasureDetail['unit']): Column<MeasureValue>[] {
    const fig = (v: number | null) => (v === null ? '' : formatFigure(v, unit));
    return [
      { key: 'period', label: t('measure.col.period'), sortValue: (v) => v.periodEnd, render: (v) => v.period },
      { key: 'value', label: t('measure.col.value'), numeric: true, render: (v) => fig(v.value) },
      { key: 'base', label: t('measure.col.base'), numeric: true, render: (v) => v.base ?? '' },
      { key: 'england', label: t('measure.col.england'), numeric: true, render: (v) => fig(v.englandAverage) },
      { key: 'neighbours', label: t('measure.col.neighbours'), numeric: true, render: (v) => fig(v.statNeighbours) },
    ];
  }

  private form(edit: MeasureDetail) {
    const e = this.formState.errors;
    const field = (name: Field, width: string, hint = '', optional = false) =>
      html`<pt-text-field
        name=${name}
        label=${t(LABEL[name])}
        hint=${hint}
        ?optional=${optional}
        width=${width}
        error=${e[name] ?? ''}
      ></pt-text-field>`;
    return html`<form novalidate @submit=${(ev: SubmitEvent) => void this.submit(ev, edit)}>
      ${field('period', '10', t('measure.periodHint'))}
      <pt-date-input
        name="periodEnd"
        legend=${t(LABEL.periodEnd)}
        hint=${t('measure.periodEndHint')}
        error=${e.periodEnd ?? ''}
      ></pt-date-input>
      ${field('value', '5')} ${field('base', '5', t('measure.baseHint'), true)}
      ${field('englandAverage', '5', '', true)} ${field('statNeighbours', '5', '', true)}
      <button type="submit" class="govuk-button" ?disabled=${this.formState.busy}>${t('measure.save')}</button>
    </form>`;
  }

  private view(display: MeasureDetail, edit: MeasureDetail | null, threshold: number) {
    return html`<a class="govuk-back-link" href="/actions">${t('measure.back')}</a>
      ${
        this.savedPeriod
          ? html`<pt-notification-banner
              type="success"
              heading=${t('actions.success')}
              text=${t('measure.saved', { period: this.savedPeriod })}
            ></pt-notification-banner>`
          : nothing
      }
      <pt-error-summary .errors=${this.formState.summary()}></pt-error-summary>
      <span class="govuk-caption-l">${t('measure.promise', { text: display.promiseStaffText })}</span>
      <h1 class="govuk-heading-l">${display.name}</h1>
      ${
        display.archived
          ? html`<p class="govuk-body">
              <strong class="govuk-tag govuk-tag--grey">${t('archive.tag')}</strong>
              ${t('archive.measure.archivedText')}
            </p>`
          : nothing
      }
      ${
        hasRole('admin')
          ? html`<p class="govuk-body">
              <a class="govuk-link" href="/actions/measures/${display.id}/edit">${t('archive.measure.editLink')}</a>
            </p>`
          : nothing
      }
      ${
        display.councilWide
          ? html`<p class="govuk-body">
              <strong class="govuk-tag govuk-tag--grey">${t('measure.councilWide.tag')}</strong>
            </p>`
          : nothing
      }
      ${display.childSentence ? html`<p class="govuk-body">${display.childSentence}</p>` : nothing}
      ${hasRole('admin') && !display.archived ? html`<pt-measure-links .measure=${display}></pt-measure-links>` : nothing}
      <h2 class="govuk-heading-m">${t('measure.chartHeading')}</h2>
      <pt-measure-chart .measure=${display}></pt-measure-chart>
      ${
        edit
          ? html`<h2 class="govuk-heading-m">${t('measure.enterHeading')}</h2>
              <p class="govuk-body">${t('measure.enterHint', { threshold })}</p>
              <p class="govuk-body">
                <a class="govuk-link" href="/actions/measures/${edit.id}/import">${t('measure.importLink')}</a>
              </p>
              ${keyed(this.formKey, this.form(edit))}
              ${
                edit.values.length
                  ? html`<h2 class="govuk-heading-m">${t('measure.yourFigures')}</h2>
                      <pt-data-table
                        caption=${t('measure.yourFiguresCaption', { name: edit.name })}
                        .columns=${this.realColumns(edit.unit)}
                        .rows=${edit.values}
                      ></pt-data-table>`
                  : nothing
              }`
          : html`<p class="govuk-inset-text">${t('measure.notYours')}</p>`
      }`;
  }

  override render() {
    return taskView(
      this.data,
      ({ display, edit, threshold }) => this.view(display, edit, threshold),
      t('actions.title'),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-measure-page': PtMeasurePage;
  }
}
