// One measure in a board pack: a small line chart drawn as SVG (it prints crisply and needs no
// script), a sentence saying what it shows, and the same figures as a table.
import { html, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { PackPromise } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { t } from '../i18n/messages.js';

type Measure = PackPromise['howWeWillKnow'][number];

const fmt = (v: number | null, unit: string) =>
  v === null ? 'hidden (small number)' : unit === 'percent' ? `${v}%` : String(v);

@customElement('pt-board-pack-measure')
export class PtBoardPackMeasure extends PtLightElement {
  @property({ attribute: false }) measure: Measure | null = null;

  override render() {
    const m = this.measure;
    if (!m) return html``;
    const known = m.values.filter((v): v is { period: string; value: number; suppressed: boolean } => v.value !== null);
    const max = Math.max(1, ...known.map((v) => v.value), m.target ?? 0);
    const w = 360;
    const h = 120;
    const x = (i: number) => 20 + (i * (w - 40)) / Math.max(1, m.values.length - 1);
    const y = (v: number) => h - 15 - (v / max) * (h - 30);
    const points = m.values
      .map((v, i) => (v.value === null ? null : `${x(i).toFixed(1)},${y(v.value).toFixed(1)}`))
      .filter(Boolean)
      .join(' ');
    const latest = known[known.length - 1];
    const summary = `${m.name}: ${known.length} figures shown${latest ? `, latest ${fmt(latest.value, m.unit)} (${latest.period})` : ''}${
      m.target !== null ? `, target ${fmt(m.target, m.unit)}` : ''
    }; ${t(`measure.summary.${m.direction}`)}.`;
    return html`<figure class="pt-pack-measure">
      <figcaption class="govuk-body">${summary}</figcaption>
      <svg class="pt-pack-measure__chart" role="img" aria-label=${summary} viewBox="0 0 ${w} ${h}">
        ${m.target !== null ? svg`<line class="pt-pack-measure__target" x1="10" x2=${w - 10} y1=${y(m.target)} y2=${y(m.target)}></line>` : ''}
        ${svg`<polyline class="pt-pack-measure__line" points=${points}></polyline>`}
        ${m.values.map((v, i) => (v.value === null ? '' : svg`<circle class="pt-pack-measure__point" cx=${x(i)} cy=${y(v.value)} r="3"></circle>`))}
      </svg>
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--s">
          ${m.name}: the figures
        </caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">Period</th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">Value</th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          ${m.values.map(
            (v) =>
              html`<tr class="govuk-table__row">
                <th scope="row" class="govuk-table__header">${v.period}</th>
                <td class="govuk-table__cell govuk-table__cell--numeric">${fmt(v.value, m.unit)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </figure>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-board-pack-measure': PtBoardPackMeasure;
  }
}
