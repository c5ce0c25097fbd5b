// How many promises the board rated each colour at each meeting: a line chart, a text summary,
// and the same numbers as a table for anyone who cannot or would rather not read the chart.
import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { BoardSummaryAnswer } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { ChartController, cssColour, type ChartConfig } from '../controllers/chart-controller.js';
import { day } from '../dates.js';
import { t } from '../i18n/messages.js';

type Point = BoardSummaryAnswer['ragOverTime'][number];
const RATINGS = ['red', 'amber', 'green', 'blue'] as const;
const FALLBACK = { red: '#d4351c', amber: '#f47738', green: '#00703c', blue: '#1d70b8' };
// A dash pattern per line, so the lines differ by more than colour.
const DASH = { red: [], amber: [6, 3], green: [2, 2], blue: [10, 3, 2, 3] };

@customElement('pt-board-rag-chart')
export class PtBoardRagChart extends PtLightElement {
  @property({ attribute: false }) points: Point[] = [];

  private chart = new ChartController(
    this,
    () => this.querySelector('canvas'),
    () => this.config(),
  );

  private config(): ChartConfig | null {
    if (!this.points.length) return null;
    return {
      type: 'line',
      data: {
        labels: this.points.map((p) => day(p.meetingDate)),
        datasets: RATINGS.map((r) => ({
          label: t(`rag.${r}`),
          data: this.points.map((p) => p[r]),
          borderColor: cssColour(this, `--pt-rag-${r}`, FALLBACK[r]),
          backgroundColor: cssColour(this, `--pt-rag-${r}`, FALLBACK[r]),
          borderDash: DASH[r],
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    };
  }

  override render() {
    if (!this.points.length) return html`<p class="govuk-body">${t('board.chart.none')}</p>`;
    const last = this.points[this.points.length - 1]!;
    const summary = t('board.chart.summary', { ...last, date: day(last.meetingDate) });
    return html`<figure class="pt-board-chart">
      <figcaption class="govuk-body">${summary}</figcaption>
      <div class="pt-board-chart__canvas"><canvas role="img" aria-label=${summary}></canvas></div>
      <details class="govuk-details">
        <summary class="govuk-details__summary">
          <span class="govuk-details__summary-text">${t('board.chart.showTable')}</span>
        </summary>
        <div class="govuk-details__text">
          <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--s">
              ${t('board.chart.title')}
            </caption>
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">${t('board.chart.meeting')}</th>
                ${RATINGS.map(
                  (r) =>
                    html`<th scope="col" class="govuk-table__header govuk-table__header--numeric">
                      ${t(`rag.${r}`)}
                    </th>`,
                )}
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              ${this.points.map(
                (p) =>
                  html`<tr class="govuk-table__row">
                    <th scope="row" class="govuk-table__header">${day(p.meetingDate)}</th>
                    ${RATINGS.map((r) => html`<td class="govuk-table__cell govuk-table__cell--numeric">${p[r]}</td>`)}
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </details>
    </figure>`;
  }

  /** The live chart, for tests. */
  get chartInstance() {
    return this.chart.instance;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-board-rag-chart': PtBoardRagChart;
  }
}
