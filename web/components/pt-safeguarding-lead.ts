// Who to tell about a possible disclosure: the council's designated safeguarding lead, as named
// in settings ("Tell Morgan Ellis, Designated safeguarding lead, on 01632 960 123"). Shown where
// a participation worker flags a concern and where they read a flagged item.
import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { Settings } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { api } from '../api/client.js';
import { t } from '../i18n/messages.js';

@customElement('pt-safeguarding-lead')
export class PtSafeguardingLead extends PtLightElement {
  private lead = new Task(this, {
    task: (_a, { signal }) => api.get<Settings>('/settings', signal),
    args: () => [] as const,
  });

  private view(s: Settings) {
    const name = s.safeguardingLeadName;
    if (!name)
      return html`<div class="govuk-inset-text" data-testid="safeguarding-lead">
        ${t('safeguardingLead.notNamed')}
      </div>`;
    const role = s.safeguardingLeadRole || t('safeguardingLead.title');
    const phone = s.safeguardingLeadPhone;
    const email = s.safeguardingLeadEmail;
    return html`<div class="govuk-inset-text" data-testid="safeguarding-lead">
      <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
        ${
          phone
            ? html`${t('safeguardingLead.tell', { name, role })}
                <a class="govuk-link" href="tel:${phone.replace(/[^+0-9]/g, '')}">${phone}</a>`
            : t('safeguardingLead.tellNoPhone', { name, role })
        }
      </p>
      ${
        email
          ? html`<p class="govuk-body govuk-!-margin-bottom-0">
              ${t('safeguardingLead.byEmail')}
              <a class="govuk-link" href="mailto:${email}">${email}</a>
            </p>`
          : nothing
      }
    </div>`;
  }

  override render() {
    return this.lead.render({
      pending: () => nothing,
      complete: (s) => this.view(s),
      // The flag must still work when settings cannot be read: the worker follows the procedure.
      error: () => html`<div class="govuk-inset-text">${t('safeguardingLead.notNamed')}</div>`,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-safeguarding-lead': PtSafeguardingLead;
  }
}
