// Sections that other pieces of work will fill. They say plainly what will be here; no
// made-up data.
import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { PtLightElement } from '../light-element.js';
import { t } from '../i18n/messages.js';

@customElement('pt-placeholder-page')
export class PtPlaceholderPage extends PtLightElement {
  @property() section: 'feedback' | 'actions' | 'board' | 'kiosk' = 'feedback';

  override render() {
    const title = t(`placeholder.${this.section}.title`);
    document.title = `${title} – ${t('app.name')}`;
    return html`<h1 class="govuk-heading-l">${title}</h1>
      <p class="govuk-body">${t(`placeholder.${this.section}.body`)}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-placeholder-page': PtPlaceholderPage;
  }
}
