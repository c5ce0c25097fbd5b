// Marks children's words that are not yet approved: a leader, board member or viewer is given the
// original with names and contact details masked, and must not mistake it for approved words.
// Renders nothing for approved or original words.
import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { WordsShown } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { t } from '../i18n/messages.js';

@customElement('pt-words-tag')
export class PtWordsTag extends PtLightElement {
  @property() shown: WordsShown = 'original';

  override render() {
    if (this.shown !== 'masked') return nothing;
    return html`<strong class="govuk-tag govuk-tag--yellow">${t('words.notYetChecked')}</strong>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-words-tag': PtWordsTag;
  }
}
