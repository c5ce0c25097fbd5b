// Shown when a signed-in request finds the session gone (idle timeout, signed out elsewhere). It
// says truthfully what was kept: a forum session being typed stays on the device as a draft
// (web/drafts.ts) until it is saved; nothing else typed is kept.
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { PtLightElement } from '../light-element.js';
import { t } from '../i18n/messages.js';
import { endedUserId } from '../session.js';
import { FORUM_SESSION_DRAFT, draftNames } from '../drafts.js';

@customElement('pt-session-ended-page')
export class PtSessionEndedPage extends PtLightElement {
  override connectedCallback() {
    super.connectedCallback();
    document.title = `${t('sessionEnded.title')} – ${t('app.name')}`;
  }

  /** What stayed on the device: known when the session ended in this tab, said generally after a reload. */
  private kept() {
    const userId = endedUserId();
    if (userId === null) return html`<p class="govuk-body">${t('sessionEnded.maybeKept')}</p>`;
    if (!draftNames(userId).includes(FORUM_SESSION_DRAFT))
      return html`<p class="govuk-body">${t('sessionEnded.nothingKept')}</p>`;
    return html`<div class="govuk-inset-text" data-testid="kept-on-device">
        <p class="govuk-body">${t('sessionEnded.sessionKept')}</p>
      </div>
      <p class="govuk-body">${t('sessionEnded.restNotKept')}</p>`;
  }

  override render() {
    return html`<h1 class="govuk-heading-l">${t('sessionEnded.title')}</h1>
      <p class="govuk-body">${t('sessionEnded.body')}</p>
      ${this.kept()}
      <a class="govuk-button" href="/sign-in">${t('sessionEnded.signIn')}</a>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-session-ended-page': PtSessionEndedPage;
  }
}
