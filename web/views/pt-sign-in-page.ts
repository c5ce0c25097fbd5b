// Sign in with the council account (single sign-on, when set up) or email and password. Where
// `/` takes a signed-out visitor, and where single sign-on sends someone it could not sign in.
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { SessionInfo, SignInOptions } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { ApiError, api } from '../api/client.js';
import { navigate } from '../router.js';
import { homePath, setSession } from '../session.js';
import { t } from '../i18n/messages.js';
import '../components/pt-text-field.js';
import '../components/pt-error-summary.js';
import '../components/pt-notification-banner.js';

@customElement('pt-sign-in-page')
export class PtSignInPage extends PtLightElement {
  @state() private errors: Record<string, string> = {};
  @state() private formError = '';
  @state() private busy = false;
  @state() private email = '';
  @state() private options: SignInOptions = { sso: false, localPasswords: true, email: false };

  private static readonly SSO_PROBLEMS = {
    'not-set-up': 'sso.notSetUp',
    disabled: 'sso.disabled',
    failed: 'sso.failed',
    expired: 'sso.expired',
  } as const;

  override connectedCallback() {
    super.connectedCallback();
    document.title = `${t('signIn.title')} – ${t('app.name')}`;
    // What this council offers; until it answers, the password form is shown as before.
    api
      .get<SignInOptions>('/session/options')
      .then((o) => (this.options = o))
      .catch(() => undefined);
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    this.email = email;
    const errors: Record<string, string> = {};
    if (!email) errors.email = t('signIn.emailMissing');
    if (!password) errors.password = t('signIn.passwordMissing');
    this.errors = errors;
    this.formError = '';
    if (Object.keys(errors).length) return;
    this.busy = true;
    try {
      const info = await api.post<SessionInfo>('/session', { email, password }, { allow401: true });
      setSession(info);
      this.dispatchEvent(new CustomEvent('pt-signed-in', { detail: info, bubbles: true }));
      navigate(homePath(), { replace: true });
    } catch (err) {
      // Wrong details, locked and rate-limited all come back with a message that is safe to show.
      this.formError = err instanceof ApiError && err.detail ? err.detail : t('error.generic');
    } finally {
      this.busy = false;
    }
  }

  private passwordForm() {
    return html`<form novalidate @submit=${(e: SubmitEvent) => void this.submit(e)}>
      <pt-text-field
        name="email"
        type="email"
        autocomplete="username"
        width="one-half"
        label=${t('signIn.email')}
        .value=${this.email}
        error=${this.errors.email ?? ''}
      ></pt-text-field>
      <pt-text-field
        name="password"
        type="password"
        autocomplete="current-password"
        width="one-half"
        label=${t('signIn.password')}
        error=${this.errors.password ?? ''}
      ></pt-text-field>
      <button type="submit" class="govuk-button" ?disabled=${this.busy}>${t('signIn.submit')}</button>
      ${
        this.options.email && this.options.localPasswords
          ? html`<p class="govuk-body"><a class="govuk-link" href="/forgot-password">${t('forgot.link')}</a></p>`
          : nothing
      }
    </form>`;
  }

  override render() {
    const query = new URLSearchParams(location.search);
    const signedOut = query.has('signed-out');
    const passwordSet = query.has('password-set');
    const ssoKey = PtSignInPage.SSO_PROBLEMS[query.get('sso') as keyof typeof PtSignInPage.SSO_PROBLEMS];
    const summary = this.formError
      ? [{ fieldId: 'f-email', message: this.formError }]
      : Object.entries(this.errors).map(([k, message]) => ({ fieldId: `f-${k}`, message }));
    const { sso, localPasswords } = this.options;
    return html`<div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        ${
          signedOut && !summary.length
            ? html`<pt-notification-banner heading=${t('signIn.signedOut')}></pt-notification-banner>`
            : nothing
        }
        ${
          passwordSet && !summary.length
            ? html`<pt-notification-banner type="success" heading=${t('setPassword.done')}></pt-notification-banner>`
            : nothing
        }
        ${
          ssoKey && !summary.length
            ? html`<pt-notification-banner heading=${t('sso.problem')} text=${t(ssoKey)}></pt-notification-banner>`
            : nothing
        }
        <pt-error-summary .errors=${summary}></pt-error-summary>
        <h1 class="govuk-heading-l">${t('signIn.title')}</h1>
        ${
          sso
            ? html`<a
                class="govuk-button"
                data-module="govuk-button"
                href="/auth/oidc/start"
                role="button"
                draggable="false"
                >${t('sso.button')}</a
              >`
            : nothing
        }
        ${
          !sso || localPasswords
            ? html`${sso ? html`<h2 class="govuk-heading-m">${t('sso.or')}</h2>` : nothing}${this.passwordForm()}`
            : html`<details class="govuk-details" ?open=${summary.length > 0}>
                <summary class="govuk-details__summary">
                  <span class="govuk-details__summary-text">${t('sso.passwordsOffSummary')}</span>
                </summary>
                <div class="govuk-details__text">
                  <p class="govuk-body">${t('sso.passwordsOff')}</p>
                  ${this.passwordForm()}
                </div>
              </details>`
        }
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-sign-in-page': PtSignInPage;
  }
}
