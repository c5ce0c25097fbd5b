// Import a measure's figures from a CSV file: check it first (a dry run that changes nothing),
// choose which column holds what, see every problem by row and column, and import only when
// every row is right: all rows or none.
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { MeasureDetail, MeasureImportMapping, MeasureImportResult } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { ApiError, api } from '../api/client.js';
import { t } from '../i18n/messages.js';
import { taskView } from '../components/task-view.js';
import type { Column } from '../components/pt-data-table.js';
import type { SummaryError } from '../components/pt-error-summary.js';
import { formatFigure } from '../components/pt-measure-chart.js';
import '../components/pt-select-field.js';
import '../components/pt-error-summary.js';
import '../components/pt-notification-banner.js';
import '../components/pt-data-table.js';
import '../components/pt-loading.js';
import '../components/pt-error-state.js';

const MAPPED = ['period', 'periodEnd', 'value', 'base', 'englandAverage', 'statNeighbours'] as const;
type Problem = MeasureImportResult['problems'][number];
type Row = MeasureImportResult['rows'][number];

@customElement('pt-measure-import-page')
export class PtMeasureImportPage extends PtLightElement {
  @property({ type: Number }) measureId = 0;

  @state() private csv = '';
  @state() private result: MeasureImportResult | null = null;
  @state() private imported = 0;
  @state() private fileError = '';
  @state() private busy = false;

  private measure = new Task(this, {
    task: async ([id], { signal }) => {
      const m = await api.get<MeasureDetail>(`/measures/${id}`, signal);
      document.title = `${t('measureImport.title', { name: m.name })} – ${t('app.name')}`;
      return m;
    },
    args: () => [this.measureId] as const,
  });

  private async chooseFile(form: HTMLFormElement) {
    const file = (form.elements.namedItem('file') as HTMLInputElement | null)?.files?.[0];
    if (!file) {
      this.fileError = t('measureImport.noFile');
      return false;
    }
    this.csv = await file.text();
    return true;
  }

  private async check(e: SubmitEvent) {
    e.preventDefault();
    this.fileError = '';
    this.imported = 0;
    this.result = null;
    if (!(await this.chooseFile(e.target as HTMLFormElement))) return;
    await this.send(true);
  }

  private async recheck(e: SubmitEvent) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const mapping: MeasureImportMapping = {};
    for (const f of MAPPED) {
      const v = String(data.get(`map-${f}`) ?? '');
      if (v) mapping[f] = v;
    }
    await this.send(true, mapping);
  }

  private async send(dryRun: boolean, mapping = this.result?.mapping) {
    this.busy = true;
    try {
      const result = await api.post<MeasureImportResult>(`/measures/${this.measureId}/values/import`, {
        csv: this.csv,
        dryRun,
        ...(mapping ? { mapping } : {}),
      });
      if (result.committed) {
        this.imported = result.rows.length;
        this.result = null;
        this.csv = '';
      } else this.result = result;
    } catch (err) {
      this.fileError =
        err instanceof ApiError ? (Object.values(err.fieldErrors)[0] ?? err.message) : t('error.generic');
    } finally {
      this.busy = false;
    }
  }

  private problemColumns: Column<Problem>[] = [
    { key: 'row', label: t('measureImport.col.row'), numeric: true, sortValue: (p) => p.row, render: (p) => p.row },
    { key: 'column', label: t('measureImport.col.column'), render: (p) => p.column },
    { key: 'problem', label: t('measureImport.col.problem'), render: (p) => p.message },
  ];

  private rowColumns(unit: MeasureDetail['unit']): Column<Row>[] {
    const fig = (v: number | null) => (v === null ? '' : formatFigure(v, unit));
    return [
      { key: 'row', label: t('measureImport.col.row'), numeric: true, render: (r) => r.row },
      { key: 'period', label: t('measure.col.period'), render: (r) => r.period },
      { key: 'value', label: t('measure.col.value'), numeric: true, render: (r) => fig(r.value) },
      { key: 'base', label: t('measure.col.base'), numeric: true, render: (r) => r.base ?? '' },
      { key: 'england', label: t('measure.col.england'), numeric: true, render: (r) => fig(r.englandAverage) },
      { key: 'neighbours', label: t('measure.col.neighbours'), numeric: true, render: (r) => fig(r.statNeighbours) },
      { key: 'action', label: t('measureImport.col.action'), render: (r) => t(`measureImport.action.${r.action}`) },
    ];
  }

  private resultView(r: MeasureImportResult, m: MeasureDetail) {
    const ok = r.problems.length === 0;
    return html`<h2 class="govuk-heading-m">${t('measureImport.mapping')}</h2>
      <form novalidate @submit=${(e: SubmitEvent) => void this.recheck(e)}>
        ${MAPPED.map(
          (f) =>
            html`<pt-select-field
              name="map-${f}"
              label=${t(`measureImport.field.${f}`)}
              .value=${r.mapping[f] ?? ''}
              .options=${[
                { value: '', label: t('measureImport.notUsed') },
                ...r.headers.map((h) => ({ value: h, label: h })),
              ]}
            ></pt-select-field>`,
        )}
        <button type="submit" class="govuk-button govuk-button--secondary" ?disabled=${this.busy}>
          ${t('measureImport.recheck')}
        </button>
      </form>
      ${
        ok
          ? html`<pt-data-table
                caption=${t('measureImport.rowsCaption')}
                caption-visible
                .columns=${this.rowColumns(m.unit)}
                .rows=${r.rows}
              ></pt-data-table>
              <button type="button" class="govuk-button" ?disabled=${this.busy} @click=${() => void this.send(false)}>
                ${t('measureImport.import', { n: r.rows.length })}
              </button>`
          : html`<pt-notification-banner
                heading=${t('measureImport.problemsTitle')}
                text=${t('measureImport.problemsBody', { n: r.problems.length })}
              ></pt-notification-banner>
              <pt-data-table
                caption=${t('measureImport.problemsCaption')}
                caption-visible
                .columns=${this.problemColumns}
                .rows=${r.problems}
              ></pt-data-table>`
      }`;
  }

  private view(m: MeasureDetail) {
    const errors: SummaryError[] = this.fileError ? [{ fieldId: 'f-file', message: this.fileError }] : [];
    return html`<a class="govuk-back-link" href="/actions/measures/${m.id}">${t('measureImport.back')}</a>
      ${
        this.imported
          ? html`<pt-notification-banner
              type="success"
              heading=${t('actions.success')}
              text=${t('measureImport.done', { n: this.imported })}
              .content=${html`<p class="govuk-body">
                <a class="govuk-notification-banner__link" href="/actions/measures/${m.id}"
                  >${t('measureImport.back')}</a
                >
              </p>`}
            ></pt-notification-banner>`
          : nothing
      }
      <pt-error-summary .errors=${errors}></pt-error-summary>
      <h1 class="govuk-heading-l">${t('measureImport.title', { name: m.name })}</h1>
      <p class="govuk-body">${t('measureImport.intro')}</p>
      <form novalidate @submit=${(e: SubmitEvent) => void this.check(e)}>
        <div class="govuk-form-group${this.fileError ? ' govuk-form-group--error' : ''}">
          <label class="govuk-label govuk-label--s" for="f-file">${t('measureImport.file')}</label>
          ${
            this.fileError
              ? html`<p id="f-file-error" class="govuk-error-message">
                  <span class="govuk-visually-hidden">${t('error.prefix')}</span> ${this.fileError}
                </p>`
              : nothing
          }
          <input
            class="govuk-file-upload pt-file-upload"
            id="f-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby=${this.fileError ? 'f-file-error' : nothing}
          />
        </div>
        <button type="submit" class="govuk-button govuk-button--secondary" ?disabled=${this.busy}>
          ${t('measureImport.check')}
        </button>
      </form>
      ${this.result ? this.resultView(this.result, m) : nothing}`;
  }

  override render() {
    return taskView(this.measure, (m) => this.view(m), t('actions.title'));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-measure-import-page': PtMeasureImportPage;
  }
}
