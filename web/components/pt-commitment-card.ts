// One commitment in "My actions": what it is, when it is due and whether it needs attention
// (always in words, never colour alone), its progress, what children see, the children's words
// that prompted it, and the link to update it.
import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { MyAction } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { t } from '../i18n/messages.js';
import './pt-progress-bar.js';
import { formatDay } from './pt-commitment-you-said.js';

export { formatDay };

const TAG: Record<MyAction['attention'], string> = {
  overdue: 'govuk-tag--red',
  due_soon: 'govuk-tag--yellow',
  stale: 'govuk-tag--grey',
  none: '',
};

@customElement('pt-commitment-card')
export class PtCommitmentCard extends PtLightElement {
  @property({ attribute: false }) commitment: MyAction | null = null;

  private attention(c: MyAction) {
    if (c.attention === 'none') return nothing;
    const words =
      c.attention === 'stale'
        ? t('actions.attention.stale', { days: c.daysSinceUpdate })
        : t(`actions.attention.${c.attention}`);
    return html`<strong class="govuk-tag ${TAG[c.attention]}">${words}</strong>`;
  }

  override render() {
    const c = this.commitment;
    if (!c) return nothing;
    return html`<article class="pt-commitment-card" aria-labelledby="commitment-${c.id}">
      <h3 class="govuk-heading-s" id="commitment-${c.id}">${c.title}</h3>
      <p class="govuk-body-s pt-commitment-card__meta">
        ${this.attention(c)}
        <span>${t('actions.due', { date: formatDay(c.dueDate) })}</span>
        <span>${t(`promise.status.${c.status}`)}</span>
        <span
          >${c.lastUpdateAt ? t('actions.lastUpdate', { date: formatDay(c.lastUpdateAt) }) : t('actions.neverUpdated')}</span
        >
      </p>
      <pt-progress-bar .value=${c.progress}></pt-progress-bar>
      ${
        c.childUpdate
          ? html`<p class="govuk-body-s"><strong>${t('actions.childUpdate')}:</strong> ${c.childUpdate}</p>`
          : nothing
      }
      <pt-commitment-you-said .items=${c.youSaid}></pt-commitment-you-said>
      <a class="govuk-button govuk-!-margin-bottom-0" href="/actions/commitments/${c.id}"
        >${t('actions.update')}<span class="govuk-visually-hidden"
          >${t('actions.updateHidden', { title: c.title })}</span
        ></a
      >
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-commitment-card': PtCommitmentCard;
  }
}
