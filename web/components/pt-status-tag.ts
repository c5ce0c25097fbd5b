// A RAG rating as a GOV.UK tag: the word and an icon carry the meaning, colour only repeats it.
import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { RagRating } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { t } from '../i18n/messages.js';

const LOOK: Record<RagRating | 'none', { icon: string; tagClass: string }> = {
  red: { icon: '✕', tagClass: 'govuk-tag--red' },
  amber: { icon: '!', tagClass: 'govuk-tag--orange' },
  green: { icon: '✓', tagClass: 'govuk-tag--green' },
  blue: { icon: '★', tagClass: 'govuk-tag--blue' },
  none: { icon: '–', tagClass: 'govuk-tag--grey' },
};

@customElement('pt-status-tag')
export class PtStatusTag extends PtLightElement {
  @property() rating: RagRating | null = null;

  override render() {
    const key = this.rating ?? 'none';
    const look = LOOK[key];
    return html`<strong class="govuk-tag ${look.tagClass}"
      ><span class="pt-tag__icon" aria-hidden="true">${look.icon}</span>${t(`rag.${key}`)}</strong
    >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-status-tag': PtStatusTag;
  }
}
