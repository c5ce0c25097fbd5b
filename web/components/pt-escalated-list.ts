// The board agenda's "Escalated" part: commitments the escalation ladder has reached (overdue or
// rated red board cycle after board cycle), each with who has been told. Nothing when none.
import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { EscalatedItem } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { t } from '../i18n/messages.js';

@customElement('pt-escalated-list')
export class PtEscalatedList extends PtLightElement {
  @property({ attribute: false }) items: EscalatedItem[] = [];

  override render() {
    if (this.items.length === 0) return nothing;
    return html`<section aria-labelledby="escalated">
      <h2 class="govuk-heading-m" id="escalated">${t('escalated.title')}</h2>
      <p class="govuk-body">${t('escalated.intro')}</p>
      <ul class="govuk-list govuk-list--bullet">
        ${this.items.map(
          (e) =>
            html`<li>
              <a class="govuk-link" href="/actions/commitments/${e.commitmentId}"
                >${t('escalated.line', {
                  title: e.title,
                  owner: e.ownerName ?? '–',
                  rung: t(`escalated.${e.rung}`),
                  cycles: e.cycles,
                })}</a
              >
            </li>`,
        )}
      </ul>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-escalated-list': PtEscalatedList;
  }
}
