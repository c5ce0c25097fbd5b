// "How we'll know" as a hand-drawn SVG bar chart: tiny, no chart library in the kiosk bundle.
// Figures too small to show (small-number suppression) are drawn as an empty bar with words.
import { html, svg } from 'lit';
import type { PublicPromise } from '../../server/contracts/index.js';
import { t } from './i18n.js';

type Measure = PublicPromise['howWeWillKnow'][number];

const format = (m: Measure, value: number) => (m.unit === 'percent' ? `${Math.round(value)}%` : String(value));

export function barChart(m: Measure, title: string) {
  const values = m.values.slice(-6);
  const shown = values.map((v) => v.value ?? 0);
  const top = Math.max(m.unit === 'percent' ? 100 : 0, m.target ?? 0, ...shown, 1);
  const rowH = 44;
  const width = 600;
  const labelW = 150;
  const height = values.length * rowH;
  const description = values
    .map((v) => `${v.period}: ${v.value === null ? t('howWeWillKnow.tooFew') : format(m, v.value)}`)
    .join('; ');
  return html`<figure class="pt-kiosk-chart">
    <svg
      viewBox="0 0 ${width} ${height}"
      role="img"
      aria-label=${`${t('howWeWillKnow.chartLabel')}: ${title}. ${description}`}
      preserveAspectRatio="xMinYMin meet"
    >
      ${values.map((v, i) => {
        const y = i * rowH;
        const barW = v.value === null ? 0 : ((width - labelW - 110) * v.value) / top;
        return svg`<g>
          <text x="0" y=${y + 29} class="pt-kiosk-chart__label">${v.period}</text>
          ${
            v.value === null
              ? svg`<rect x=${labelW} y=${y + 6} width=${width - labelW - 110} height="30" class="pt-kiosk-chart__empty"></rect>
                 <text x=${labelW + 10} y=${y + 29} class="pt-kiosk-chart__value">${t('howWeWillKnow.tooFew')}</text>`
              : svg`<rect x=${labelW} y=${y + 6} width=${Math.max(barW, 2)} height="30" class="pt-kiosk-chart__bar"></rect>
                 <text x=${labelW + barW + 8} y=${y + 29} class="pt-kiosk-chart__value">${format(m, v.value)}</text>`
          }
        </g>`;
      })}
    </svg>
    ${
      m.target !== null
        ? html`<figcaption>${t('howWeWillKnow.target', { value: format(m, m.target) })}</figcaption>`
        : ''
    }
  </figure>`;
}

export function chartText(m: Measure): string {
  return m.values
    .slice(-6)
    .map((v) => `${v.period}: ${v.value === null ? t('howWeWillKnow.tooFew') : format(m, v.value)}`)
    .join('. ');
}
