// 404, and the page for a section the user's role does not include.
import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { PtLightElement } from '../light-element.js';
import { t } from '../i18n/messages.js';

@customElement('pt-not-found-page')
export class PtNotFoundPage extends PtLightElement {
  @property({ type: Boolean }) forbidden = false;

  override render() {
    const title = this.forbidden ? t('forbidden.title') : t('notFound.title');
    document.title = `${title} – ${t('app.name')}`;
    return html`<h1 class="govuk-heading-l">${title}</h1>
      <p class="govuk-body">${this.forbidden ? t('forbidden.body') : t('notFound.body')}</p>
      <p class="govuk-body"><a class="govuk-link" href="/promises">${t('notFound.home')}</a></p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-not-found-page': PtNotFoundPage;
  }
}
