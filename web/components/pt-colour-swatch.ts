// A small square filled with a theme's colour. Colours are data and the CSP forbids style
// attributes, so the fill is set through the CSSOM by the swatch itself, after it renders (a page
// reaching into a table's rows before the table had rendered left every swatch empty).
// Decorative: the theme's name beside it always says which theme it is.
import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { PtLightElement } from '../light-element.js';

const HEX = /^#[0-9a-fA-F]{6}$/;

@customElement('pt-colour-swatch')
export class PtColourSwatch extends PtLightElement {
  /** A #rrggbb colour; anything else leaves the box empty. */
  @property() colour = '';

  override updated() {
    const box = this.querySelector<HTMLElement>('.pt-theme__swatch');
    if (box) box.style.backgroundColor = HEX.test(this.colour) ? this.colour : '';
  }

  override render() {
    return html`<span class="pt-theme__swatch" aria-hidden="true"></span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-colour-swatch': PtColourSwatch;
  }
}
