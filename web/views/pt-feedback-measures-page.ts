// Loop measures per forum, theme or quarter: a chart of the share answered within target, a text
// summary, and the full figures as a table (the same numbers).
import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { LoopGroupBy, LoopMeasures } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { api } from '../api/client.js';
import { ChartController, cssColour, type ChartConfig } from '../controllers/chart-controller.js';
import { t } from '../i18n/messages.js';
import { taskView } from '../components/task-view.js';

const pct = (n: number | null) => (n === null ? '–' : `${Math.round(n * 100)}%`);
const num = (n: number | null) => (n === null ? '–' : String(n));

@customElement('pt-feedback-measures-page')
export class PtFeedbackMeasuresPage extends PtLightElement {
  @state() private by: LoopGroupBy = 'quarter';
  private data: LoopMeasures | null = null;

  private load = new Task(this, {
    task: async ([by], { signal }) => {
      this.data = await api.get<LoopMeasures>(`/feedback/loop-measures?by=${by}`, signal);
      return this.data;
    },
    args: () => [this.by] as const,
  });

  // Registered after the task so the chart sees this render's data.
  private chart = new ChartController(
    this,
    () => this.querySelector('canvas'),
    (): ChartConfig | null =>
      this.data
        ? {
            type: 'line',
            data: {
              labels: this.data.rows.map((r) => r.label),
              datasets: [
                {
                  label: t('measures.share'),
                  data: this.data.rows.map((r) =>
                    r.shareWithinTarget === null ? null : Math.round(r.shareWithinTarget * 100),
                  ),
                  borderColor: cssColour(this, '--pt-chart-line', '#1d70b8'),
                },
              ],
            },
            options: { animation: false, scales: { y: { min: 0, max: 100 } } },
          }
        : null,
  );

  override connectedCallback() {
    super.connectedCallback();
    document.title = `${t('measures.title')} – ${t('app.name')}`;
  }

  override render() {
    void this.chart;
    return html`<h1 class="govuk-heading-l">${t('measures.title')}</h1>
      <div class="govuk-form-group">
        <label class="govuk-label" for="m-by">${t('measures.by')}</label>
        <select
          class="govuk-select"
          id="m-by"
          @change=${(e: Event) => (this.by = (e.target as HTMLSelectElement).value as LoopGroupBy)}
        >
          ${(['quarter', 'forum', 'theme'] as const).map((b) => html`<option value=${b} ?selected=${b === this.by}>${t(`measures.by.${b}`)}</option>`)}
        </select>
      </div>
      ${taskView(
        this.load,
        (m) =>
          html`<p class="govuk-body" data-testid="measures-summary">
              ${t('measures.summary', { share: pct(m.total.shareWithinTarget), days: m.answerTargetDays, never: m.total.neverAnswered })}
            </p>
            <figure class="pt-fb-chart">
              <canvas role="img" aria-label=${t('measures.chartLabel')}></canvas>
            </figure>
            <table class="govuk-table">
              <caption class="govuk-table__caption govuk-table__caption--m">
                ${t('measures.caption', { by: t(`measures.by.${m.by}`) })}
              </caption>
              <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                  <th scope="col" class="govuk-table__header">${t('measures.group')}</th>
                  <th scope="col" class="govuk-table__header govuk-table__header--numeric">${t('measures.items')}</th>
                  <th scope="col" class="govuk-table__header govuk-table__header--numeric">${t('measures.share')}</th>
                  <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                    ${t('measures.medianAnswer')}
                  </th>
                  <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                    ${t('measures.medianFeedBack')}
                  </th>
                  <th scope="col" class="govuk-table__header govuk-table__header--numeric">${t('measures.linked')}</th>
                  <th scope="col" class="govuk-table__header govuk-table__header--numeric">${t('measures.never')}</th>
                </tr>
              </thead>
              <tbody class="govuk-table__body">
                ${[...m.rows, m.total].map(
                  (r) =>
                    html`<tr class="govuk-table__row">
                      <th scope="row" class="govuk-table__header">${r.label}</th>
                      <td class="govuk-table__cell govuk-table__cell--numeric">${r.items}</td>
                      <td class="govuk-table__cell govuk-table__cell--numeric">${pct(r.shareWithinTarget)}</td>
                      <td class="govuk-table__cell govuk-table__cell--numeric">${num(r.medianDaysToAnswer)}</td>
                      <td class="govuk-table__cell govuk-table__cell--numeric">${num(r.medianDaysToFeedBack)}</td>
                      <td class="govuk-table__cell govuk-table__cell--numeric">${pct(r.shareLinkedToCommitment)}</td>
                      <td class="govuk-table__cell govuk-table__cell--numeric">${r.neverAnswered}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`,
      )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-feedback-measures-page': PtFeedbackMeasuresPage;
  }
}
