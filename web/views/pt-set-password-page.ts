// Set a password from an emailed or handed-over link: accepting an invitation, or a reset. The
// token is in the link's #fragment, so it never reaches a server log or another site's Referer.
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { TokenInfo } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { ApiError, api } from '../api/client.js';
import { navigate } from '../router.js';
import { t } from '../i18n/messages.js';
import '../components/pt-text-field.js';
import '../components/pt-error-summary.js';
import '../components/pt-loading.js';

@customElement('pt-set-password-page')
export class PtSetPasswordPage extends PtLightElement {
  @property() purpose: 'invitation' | 'reset' = 'reset';

  @state() private errors: Record<string, string> = {};
  @state() private busy = false;
  @state() private gone = false;

  private readonly token = location.hash.slice(1);

  private info = new Task(this, {
    task: async ([purpose]) => {
      try {
        return await api.post<TokenInfo>('/session/links/check', { token: this.token, purpose });
      } catch (err) {
        if (err instanceof ApiError && (err.status === 404 || err.status === 400)) {
          this.gone = true;
          return null;
        }
        throw err;
      }
    },
    args: () => [this.purpose] as const,
  });

  override connectedCallback() {
    super.connectedCallback();
    document.title = `${this.heading()} – ${t('app.name')}`;
  }

  private heading() {
    return t(this.purpose === 'invitation' ? 'setPassword.inviteTitle' : 'setPassword.resetTitle');
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const password = String(data.get('password') ?? '');
    const confirm = String(data.get('confirm') ?? '');
    const errors: Record<string, string> = {};
    if (!password) errors.password = t('setPassword.passwordMissing');
    else if (password !== confirm) errors.confirm = t('setPassword.mismatch');
    this.errors = errors;
    if (Object.keys(errors).length) return;
    this.busy = true;
    try {
      await api.post('/session/links/password', { token: this.token, purpose: this.purpose, password });
      navigate('/sign-in?password-set=1', { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) this.gone = true;
      else if (err instanceof ApiError && err.fieldErrors.password)
        this.errors = { password: err.fieldErrors.password };
      else this.errors = { password: err instanceof ApiError && err.detail ? err.detail : t('error.generic') };
    } finally {
      this.busy = false;
    }
  }

  private form(info: TokenInfo) {
    const summary = Object.entries(this.errors).map(([k, message]) => ({ fieldId: `f-${k}`, message }));
    const ssoOnly = !info.localPasswords;
    return html`<pt-error-summary .errors=${summary}></pt-error-summary>
      <h1 class="govuk-heading-l">${this.heading()}</h1>
      <p class="govuk-body">${t('setPassword.for', { email: info.email })}</p>
      ${
        info.sso && this.purpose === 'invitation'
          ? html`<p class="govuk-body">${t(ssoOnly ? 'setPassword.ssoOnly' : 'setPassword.orSso')}</p>
              <a
                class="govuk-button ${ssoOnly ? '' : 'govuk-button--secondary'}"
                href="/auth/oidc/start"
                role="button"
                draggable="false"
                >${t('sso.button')}</a
              >`
          : nothing
      }
      ${info.localPasswords ? this.passwordForm() : nothing}`;
  }

  private passwordForm() {
    return html`<form novalidate @submit=${(e: SubmitEvent) => void this.submit(e)}>
      <pt-text-field
        name="password"
        type="password"
        autocomplete="new-password"
        width="one-half"
        label=${t('setPassword.password')}
        hint=${t('setPassword.passwordHint')}
        error=${this.errors.password ?? ''}
      ></pt-text-field>
      <pt-text-field
        name="confirm"
        type="password"
        autocomplete="new-password"
        width="one-half"
        label=${t('setPassword.confirm')}
        error=${this.errors.confirm ?? ''}
      ></pt-text-field>
      <button type="submit" class="govuk-button" ?disabled=${this.busy}>${t('setPassword.submit')}</button>
    </form>`;
  }

  override render() {
    const content = this.gone
      ? html`<h1 class="govuk-heading-l">${t('setPassword.gone')}</h1>
          <p class="govuk-body">${t('setPassword.goneHint')}</p>
          <p class="govuk-body"><a class="govuk-link" href="/forgot-password">${t('forgot.title')}</a></p>`
      : this.info.render({
          pending: () => html`<pt-loading></pt-loading>`,
          complete: (info) => (info ? this.form(info) : nothing),
          error: () => html`<p class="govuk-body">${t('error.generic')}</p>`,
        });
    return html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">${content}</div></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-set-password-page': PtSetPasswordPage;
  }
}
