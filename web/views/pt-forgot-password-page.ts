// Ask for a password reset link. The answer is the same whether or not the email has an account.
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { SignInOptions } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { ApiError, api } from '../api/client.js';
import { t } from '../i18n/messages.js';
import '../components/pt-text-field.js';
import '../components/pt-error-summary.js';

@customElement('pt-forgot-password-page')
export class PtForgotPasswordPage extends PtLightElement {
  @state() private error = '';
  @state() private sent = '';
  @state() private busy = false;
  @state() private email = '';
  @state() private canEmail = true;

  override connectedCallback() {
    super.connectedCallback();
    document.title = `${t('forgot.title')} – ${t('app.name')}`;
    api
      .get<SignInOptions>('/session/options')
      .then((o) => (this.canEmail = o.email))
      .catch(() => undefined);
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    const email = String(new FormData(e.target as HTMLFormElement).get('email') ?? '').trim();
    this.email = email;
    this.error = email ? '' : t('signIn.emailMissing');
    if (this.error) return;
    this.busy = true;
    try {
      this.sent = (await api.post<{ message: string }>('/session/reset-requests', { email })).message;
    } catch (err) {
      this.error = err instanceof ApiError && err.detail ? err.detail : t('error.generic');
    } finally {
      this.busy = false;
    }
  }

  override render() {
    if (this.sent)
      return html`<div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">${t('forgot.sentTitle')}</h1>
          <p class="govuk-body">${this.sent}</p>
          <p class="govuk-body"><a class="govuk-link" href="/sign-in">${t('signIn.title')}</a></p>
        </div>
      </div>`;
    return html`<div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <a class="govuk-back-link" href="/sign-in">${t('signIn.title')}</a>
        <pt-error-summary .errors=${this.error ? [{ fieldId: 'f-email', message: this.error }] : []}></pt-error-summary>
        <h1 class="govuk-heading-l">${t('forgot.title')}</h1>
        ${
          this.canEmail
            ? html`<p class="govuk-body">${t('forgot.intro')}</p>
                <form novalidate @submit=${(e: SubmitEvent) => void this.submit(e)}>
                  <pt-text-field
                    name="email"
                    type="email"
                    autocomplete="username"
                    width="one-half"
                    label=${t('signIn.email')}
                    .value=${this.email}
                    error=${this.error}
                  ></pt-text-field>
                  <button type="submit" class="govuk-button" ?disabled=${this.busy}>${t('forgot.submit')}</button>
                </form>`
            : html`<p class="govuk-body">${t('forgot.noEmail')}</p>`
        }
        ${nothing}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-forgot-password-page': PtForgotPasswordPage;
  }
}
