// Progress as a native <progress> plus the figure in words, so it is never a bar alone.
// No inline style: CSP forbids style attributes, and <progress> needs none.
import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { PtLightElement } from '../light-element.js';
import { t } from '../i18n/messages.js';

@customElement('pt-progress-bar')
export class PtProgressBar extends PtLightElement {
  /** 0 to 100. */
  @property({ type: Number }) value = 0;

  override render() {
    const n = Math.max(0, Math.min(100, Math.round(this.value)));
    const words = t('progress.label', { n });
    return html`<progress class="pt-progress" max="100" .value=${n} aria-label=${words}></progress
      ><span class="govuk-body-s">${words}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-progress-bar': PtProgressBar;
  }
}
