// Admins choose how staff sign in: which provider groups make an account with which role, and
// whether email-and-password sign-in stays on once single sign-on works. Both are settings
// (`ssoGroupRoles`, `localPasswords`); the API refuses passwords off without single sign-on.
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { Role, Settings, SignInOptions } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { ApiError, api } from '../api/client.js';
import { t } from '../i18n/messages.js';
import '../components/pt-text-field.js';
import '../components/pt-radios-field.js';
import '../components/pt-error-summary.js';
import '../components/pt-notification-banner.js';
import { taskView } from '../components/task-view.js';

const ROLES: readonly Role[] = ['admin', 'participation', 'owner', 'board', 'viewer'];

/** "group id = role" lines to the setting; a line that does not parse is named by its number. */
export function parseGroupRoles(text: string): { map: Record<string, Role>; problem: string } {
  const map: Record<string, Role> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const at = line.lastIndexOf('=');
    const group = at > 0 ? line.slice(0, at).trim() : '';
    const role =
      at > 0
        ? line
            .slice(at + 1)
            .trim()
            .toLowerCase()
        : '';
    if (!group || !ROLES.includes(role as Role))
      return { map, problem: t('signInSettings.lineProblem', { line: i + 1, roles: ROLES.join(', ') }) };
    map[group] = role as Role;
  }
  return { map, problem: '' };
}

@customElement('pt-admin-sign-in-page')
export class PtAdminSignInPage extends PtLightElement {
  @state() private errors: Record<string, string> = {};
  @state() private saved = false;
  @state() private busy = false;
  @state() private groups = '';
  @state() private localPasswords = 'yes';

  private version = 0;

  private load = new Task(this, {
    task: async (_args, { signal }) => {
      const [settings, options] = await Promise.all([
        api.get<Settings>('/settings', signal),
        api.get<SignInOptions>('/session/options', signal),
      ]);
      this.accept(settings);
      return options;
    },
    args: () => [],
  });

  override connectedCallback() {
    super.connectedCallback();
    document.title = `${t('signInSettings.title')} – ${t('app.name')}`;
  }

  private accept(s: Settings) {
    this.version = s.version;
    this.groups = Object.entries(s.ssoGroupRoles)
      .map(([g, r]) => `${g} = ${r}`)
      .join('\n');
    this.localPasswords = s.localPasswords ? 'yes' : 'no';
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    this.groups = String(data.get('ssoGroupRoles') ?? '');
    this.localPasswords = String(data.get('localPasswords') ?? 'yes');
    const { map, problem } = parseGroupRoles(this.groups);
    this.errors = problem ? { ssoGroupRoles: problem } : {};
    this.saved = false;
    if (problem) return;
    this.busy = true;
    try {
      const s = await api.put<Settings>('/settings', {
        version: this.version,
        ssoGroupRoles: map,
        localPasswords: this.localPasswords === 'yes',
      });
      this.accept(s);
      this.saved = true;
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.current) {
        this.accept(err.current as Settings);
        this.errors = { ssoGroupRoles: err.detail };
      } else if (err instanceof ApiError && Object.keys(err.fieldErrors).length) {
        const [key, message] = Object.entries(err.fieldErrors)[0]!;
        this.errors = { [key.startsWith('ssoGroupRoles') ? 'ssoGroupRoles' : 'localPasswords']: message };
      } else this.errors = { ssoGroupRoles: err instanceof ApiError && err.detail ? err.detail : t('error.generic') };
    } finally {
      this.busy = false;
    }
  }

  private form(options: SignInOptions) {
    const summary = Object.entries(this.errors).map(([k, message]) => ({ fieldId: `f-${k}`, message }));
    return html`<pt-error-summary .errors=${summary}></pt-error-summary>
      ${
        this.saved && !summary.length
          ? html`<pt-notification-banner type="success" heading=${t('signInSettings.saved')}></pt-notification-banner>`
          : nothing
      }
      <h1 class="govuk-heading-l">${t('signInSettings.title')}</h1>
      <p class="govuk-body">${t(options.sso ? 'signInSettings.ssoOn' : 'signInSettings.ssoOff')}</p>
      <form novalidate @submit=${(e: SubmitEvent) => void this.submit(e)}>
        <pt-text-field
          name="ssoGroupRoles"
          multiline
          label=${t('signInSettings.groups')}
          hint=${t('signInSettings.groupsHint', { roles: ROLES.join(', ') })}
          .value=${this.groups}
          error=${this.errors.ssoGroupRoles ?? ''}
        ></pt-text-field>
        <pt-radios-field
          name="localPasswords"
          legend=${t('signInSettings.passwords')}
          hint=${t('signInSettings.passwordsHint')}
          .value=${this.localPasswords}
          .options=${[
            { value: 'yes', label: t('signInSettings.passwordsOn') },
            { value: 'no', label: t('signInSettings.passwordsOff') },
          ]}
          error=${this.errors.localPasswords ?? ''}
        ></pt-radios-field>
        <button type="submit" class="govuk-button" ?disabled=${this.busy}>${t('signInSettings.save')}</button>
      </form>`;
  }

  override render() {
    return html`<a class="govuk-back-link" href="/admin">${t('admin.back')}</a>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">${taskView(this.load, (options) => this.form(options))}</div>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-admin-sign-in-page': PtAdminSignInPage;
  }
}
