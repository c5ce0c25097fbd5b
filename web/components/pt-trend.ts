// A trend since the last review: an arrow for the eye and a word for everyone.
import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Trend } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { t } from '../i18n/messages.js';

const ARROW: Record<Trend, string> = { better: '↑', same: '→', worse: '↓', new: '•' };

@customElement('pt-trend')
export class PtTrend extends PtLightElement {
  @property() trend: Trend | null = null;

  override render() {
    if (!this.trend) return nothing;
    const word = t(`trend.${this.trend}`);
    return html`<span class="pt-trend"
      ><span aria-hidden="true">${ARROW[this.trend]} </span
      ><span class="pt-visually-hidden">${t('trend.label', { trend: '' })}</span>${word}</span
    >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-trend': PtTrend;
  }
}
