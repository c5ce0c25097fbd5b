// A measure over time: a Chart.js line of its values with the target, the baseline and the
// comparator series (England average, statistical neighbours), a text summary that says the
// same in words, and a "show as table" alternative holding the same numbers. It is given the
// display view of a measure, where small numbers are already null and marked suppressed: they
// are gaps in the line and "too few to show" in the table and the summary.
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { MeasureDetail, MeasureValue } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { ChartController, cssColour, type ChartConfig } from '../controllers/chart-controller.js';
import { t } from '../i18n/messages.js';
import type { Column } from './pt-data-table.js';
import './pt-data-table.js';

type Unit = MeasureDetail['unit'];

const numberFmt = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** A figure in words: 85.5% for a percentage, 12 for a count or score. */
export function formatFigure(value: number, unit: Unit): string {
  const n = numberFmt.format(value);
  return unit === 'percent' ? t('measure.unit.percent', { n }) : n;
}

/** The measure in sentences: latest figure, trend by direction, target, baseline, comparator. */
export function measureSummary(m: MeasureDetail): string {
  const latest = m.latest;
  if (!latest) return t('measure.summary.noData');
  const parts: string[] = [];
  parts.push(
    latest.suppressed || latest.value === null
      ? t('measure.summary.latestHidden', { period: latest.period })
      : t('measure.summary.latest', { value: formatFigure(latest.value, m.unit), period: latest.period }),
  );
  parts.push(t(`measure.summary.trend.${m.trend}`, { better: t(`measure.summary.${m.direction}`) }));
  if (m.target === null) parts.push(t('measure.summary.target.noTarget'));
  else {
    const target = formatFigure(m.target, m.unit);
    const r = m.targetStatus.result;
    if (r === 'met') parts.push(t('measure.summary.target.met', { target }));
    else if (r === 'not met')
      parts.push(t('measure.summary.target.not met', { target, gap: formatFigure(m.targetStatus.gap ?? 0, m.unit) }));
    else parts.push(t('measure.summary.target.unknown', { target }));
  }
  if (m.baseline !== null) parts.push(t('measure.summary.baseline', { baseline: formatFigure(m.baseline, m.unit) }));
  if (latest.englandAverage !== null)
    parts.push(
      t('measure.summary.england', { period: latest.period, value: formatFigure(latest.englandAverage, m.unit) }),
    );
  return parts.join(' ');
}

@customElement('pt-measure-chart')
export class PtMeasureChart extends PtLightElement {
  /** The measure in its display view (small numbers already hidden). */
  @property({ attribute: false }) measure: MeasureDetail | null = null;

  @state() private showTable = false;

  private chart = new ChartController(
    this,
    () => this.querySelector('canvas'),
    () => this.config(),
  );

  private config(): ChartConfig | null {
    const m = this.measure;
    if (!m || m.values.length === 0) return null;
    const colour = (name: string, fallback: string) => cssColour(this, name, fallback);
    const labels = m.values.map((v) => v.period);
    const flat = (value: number) => labels.map(() => value);
    const series = (pick: (v: MeasureValue) => number | null) => m.values.map(pick);
    const england = series((v) => v.englandAverage);
    const neighbours = series((v) => v.statNeighbours);
    const datasets: ChartConfig['data']['datasets'] = [
      {
        label: t('measure.series.value'),
        data: series((v) => v.value),
        borderColor: colour('--pt-chart-value', '#1d70b8'),
        backgroundColor: colour('--pt-chart-value', '#1d70b8'),
        borderWidth: 3,
        pointRadius: 4,
        spanGaps: false,
      },
    ];
    if (m.target !== null)
      datasets.push({
        label: t('measure.series.target'),
        data: flat(m.target),
        borderColor: colour('--pt-chart-target', '#00703c'),
        backgroundColor: colour('--pt-chart-target', '#00703c'),
        borderDash: [8, 4],
        pointRadius: 0,
      });
    if (m.baseline !== null)
      datasets.push({
        label: t('measure.series.baseline'),
        data: flat(m.baseline),
        borderColor: colour('--pt-chart-baseline', '#505a5f'),
        backgroundColor: colour('--pt-chart-baseline', '#505a5f'),
        borderDash: [2, 4],
        pointRadius: 0,
      });
    if (england.some((v) => v !== null))
      datasets.push({
        label: t('measure.series.england'),
        data: england,
        borderColor: colour('--pt-chart-england', '#912b88'),
        backgroundColor: colour('--pt-chart-england', '#912b88'),
        borderDash: [6, 3],
        pointStyle: 'triangle',
        pointRadius: 4,
      });
    if (neighbours.some((v) => v !== null))
      datasets.push({
        label: t('measure.series.neighbours'),
        data: neighbours,
        borderColor: colour('--pt-chart-neighbours', '#b58840'),
        backgroundColor: colour('--pt-chart-neighbours', '#b58840'),
        borderDash: [3, 3],
        pointStyle: 'rect',
        pointRadius: 4,
      });
    const text = colour('--pt-chart-text', '#0b0c0c');
    const grid = colour('--pt-chart-grid', '#b1b4b6');
    return {
      type: 'line',
      data: { labels, datasets },
      options: {
        // Figures appear at once: no motion to wait for or to be distracted by.
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        color: text,
        scales: {
          x: { ticks: { color: text }, grid: { color: grid } },
          y: {
            ticks: { color: text },
            grid: { color: grid },
            ...(m.unit === 'percent' ? { suggestedMin: 0, suggestedMax: 100 } : { beginAtZero: true }),
          },
        },
        plugins: { legend: { position: 'bottom', labels: { color: text } } },
      },
    };
  }

  private columns(unit: Unit): Column<MeasureValue>[] {
    const fig = (v: number | null) => (v === null ? '' : formatFigure(v, unit));
    return [
      { key: 'period', label: t('measure.col.period'), sortValue: (v) => v.periodEnd, render: (v) => v.period },
      {
        key: 'value',
        label: t('measure.col.value'),
        numeric: true,
        render: (v) => (v.suppressed || v.value === null ? t('measure.tooFew') : fig(v.value)),
      },
      {
        key: 'base',
        label: t('measure.col.base'),
        numeric: true,
        render: (v) => (v.base === null ? (v.suppressed && unit !== 'count' ? t('measure.tooFew') : '') : v.base),
      },
      { key: 'england', label: t('measure.col.england'), numeric: true, render: (v) => fig(v.englandAverage) },
      { key: 'neighbours', label: t('measure.col.neighbours'), numeric: true, render: (v) => fig(v.statNeighbours) },
    ];
  }

  override render() {
    const m = this.measure;
    if (!m) return nothing;
    const summary = measureSummary(m);
    const hasValues = m.values.length > 0;
    return html`<p class="govuk-body pt-measure-chart__summary" data-testid="measure-summary">${summary}</p>
      ${
        hasValues
          ? html`<button
                type="button"
                class="govuk-button govuk-button--secondary"
                aria-expanded=${this.showTable ? 'true' : 'false'}
                @click=${() => (this.showTable = !this.showTable)}
              >
                ${this.showTable ? t('measure.showChart') : t('measure.showTable')}
              </button>
              ${
                this.showTable
                  ? html`<pt-data-table
                      caption=${t('measure.tableCaption', { name: m.name })}
                      caption-visible
                      .columns=${this.columns(m.unit)}
                      .rows=${m.values}
                    ></pt-data-table>`
                  : html`<div class="pt-measure-chart__canvas">
                      <canvas role="img" aria-label=${summary} data-periods=${m.values.length}></canvas>
                    </div>`
              }`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-measure-chart': PtMeasureChart;
  }
}
