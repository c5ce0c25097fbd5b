// Shown when a signed-in request finds the session gone (idle timeout, signed out elsewhere).
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { PtLightElement } from '../light-element.js';
import { t } from '../i18n/messages.js';

@customElement('pt-session-ended-page')
export class PtSessionEndedPage extends PtLightElement {
  override connectedCallback() {
    super.connectedCallback();
    document.title = `${t('sessionEnded.title')} – ${t('app.name')}`;
  }

  override render() {
    return html`<h1 class="govuk-heading-l">${t('sessionEnded.title')}</h1>
      <p class="govuk-body">${t('sessionEnded.body')}</p>
      <a class="govuk-button" href="/sign-in">${t('sessionEnded.signIn')}</a>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-session-ended-page': PtSessionEndedPage;
  }
}
