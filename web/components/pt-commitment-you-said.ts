// "You said": the children's words that prompted a commitment, each with its age band and date
// (never a name). The API has already left out safeguarding-flagged words for those who may
// not see them.
import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CommitmentYouSaid } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { t } from '../i18n/messages.js';
import './pt-words-tag.js';
import { day } from '../dates.js';

/** 2026-06-15 (or an ISO instant, dated in the council's zone) as "15 June 2026". */
export const formatDay = (d: string) => day(d);

@customElement('pt-commitment-you-said')
export class PtCommitmentYouSaid extends PtLightElement {
  @property({ attribute: false }) items: CommitmentYouSaid[] = [];
  /** Heading level inside the surrounding page. */
  @property({ type: Number }) level = 3;

  override render() {
    const heading = t('actions.youSaid');
    return html`<div class="pt-you-said">
      ${
        this.level === 2
          ? html`<h2 class="govuk-heading-m">${heading}</h2>`
          : html`<h3 class="govuk-heading-s">${heading}</h3>`
      }
      ${
        this.items.length === 0
          ? html`<p class="govuk-body-s">${t('actions.youSaidNone')}</p>`
          : html`<ul class="govuk-list pt-you-said__list">
              ${this.items.map(
                (y) =>
                  html`<li>
                    <blockquote class="pt-you-said__quote">
                      <p class="govuk-body">
                        ${y.text.trim() ? html`“${y.text}”` : t('promise.wordsNotShown')}
                        <pt-words-tag shown=${y.wordsShown}></pt-words-tag>
                      </p>
                      <footer class="govuk-body-s pt-you-said__who">
                        ${t('actions.youSaidWho', { ageBand: y.ageBandLabel, date: formatDay(y.heardOn) })}
                      </footer>
                    </blockquote>
                  </li>`,
              )}
            </ul>`
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-commitment-you-said': PtCommitmentYouSaid;
  }
}
