// Authoring help beside a child-friendly text field: an estimated reading age, warning when it
// is above 9 (the kiosk is read by children from 8). Flesch-Kincaid grade (US school grade) + 5
// gives a reading age in years; syllables are counted by the `syllable` package and the grade by
// `flesch-kincaid` (both wooorm's, well kept), not by hand. English rules: for a Welsh field the
// figure is shown as a rough guide only.
//
// Use: <pt-reading-age for="f-childText"></pt-reading-age> beside the field whose id it names; it
// follows what is typed. Or set `.text` directly.
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { syllable } from 'syllable';
import { fleschKincaid } from 'flesch-kincaid';
import { PtLightElement } from '../light-element.js';
import { t } from '../i18n/messages.js';

/** Children from 8 use the kiosk; above this reading age the text needs simpler words. */
export const READING_AGE_LIMIT = 9;

/** Reading age in whole years, or null for text too short to judge. */
export function readingAge(text: string): number | null {
  const words = text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
  if (words.length < 3) return null;
  const sentences = Math.max(1, text.split(/[.!?]+(?:\s|$)/).filter((s) => s.trim()).length);
  const syllables = words.reduce((n, w) => n + Math.max(1, syllable(w)), 0);
  const grade = fleschKincaid({ sentence: sentences, word: words.length, syllable: syllables });
  return Math.max(5, Math.round(grade + 5));
}

@customElement('pt-reading-age')
export class PtReadingAge extends PtLightElement {
  /** The id of the textarea or input to follow. */
  @property() for = '';
  /** 'cy' marks a Welsh field: the English formula is then only a rough guide. */
  @property() language: 'en' | 'cy' = 'en';
  @property() text = '';
  @state() private followed = '';

  private field: HTMLInputElement | HTMLTextAreaElement | null = null;
  private readonly onInput = () => (this.followed = this.field?.value ?? '');

  override connectedCallback() {
    super.connectedCallback();
    // The field renders in the same update as this element: look for it once both are in place.
    requestAnimationFrame(() => this.attach());
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.field?.removeEventListener('input', this.onInput);
    this.field = null;
  }

  private attach() {
    if (!this.for || this.field) return;
    const found = document.getElementById(this.for);
    if (!(found instanceof HTMLTextAreaElement || found instanceof HTMLInputElement)) return;
    this.field = found;
    found.addEventListener('input', this.onInput);
    this.followed = found.value;
  }

  override render() {
    const age = readingAge(this.for ? this.followed : this.text);
    const tooHigh = age !== null && age > READING_AGE_LIMIT;
    return html`<div class="pt-reading-age${tooHigh ? ' pt-reading-age--high' : ''}" aria-live="polite">
      ${
        age === null
          ? html`<p class="govuk-hint">${t('readingAge.tooShort')}</p>`
          : html`<p class="govuk-body-s pt-reading-age__score">
              <strong class="govuk-tag ${tooHigh ? 'govuk-tag--orange' : 'govuk-tag--green'}"
                >${t('readingAge.score', { age: String(age) })}</strong
              >
              ${tooHigh ? t('readingAge.tooHigh', { limit: String(READING_AGE_LIMIT) }) : t('readingAge.ok')}
            </p>`
      }
      ${this.language === 'cy' ? html`<p class="govuk-hint">${t('readingAge.welshNote')}</p>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-reading-age': PtReadingAge;
  }
}
