// Admins invite a person by email: the account is made without a password, and the person gets
// a single-use link to set one (or to sign in with their council account). Without email the
// link is shown here once, to hand over, as a typed password used to be.
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { InvitationCreated, Role } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { ApiError, api } from '../api/client.js';
import { t, type MessageKey } from '../i18n/messages.js';
import '../components/pt-text-field.js';
import '../components/pt-select-field.js';
import '../components/pt-error-summary.js';
import '../components/pt-notification-banner.js';
import { dayTime } from '../dates.js';

const ROLES: readonly Role[] = ['admin', 'participation', 'owner', 'board', 'viewer'];
const FIELDS = ['email', 'name', 'role', 'jobTitle', 'agency'] as const;
type Field = (typeof FIELDS)[number];
const MISSING: Partial<Record<Field, MessageKey>> = {
  email: 'signIn.emailMissing',
};

@customElement('pt-admin-invite-page')
export class PtAdminInvitePage extends PtLightElement {
  @state() private draft: Record<Field, string> = { email: '', name: '', role: 'viewer', jobTitle: '', agency: '' };
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private formError = '';
  @state() private busy = false;
  @state() private result: InvitationCreated | null = null;

  override connectedCallback() {
    super.connectedCallback();
    document.title = `${t('invite.title')} – ${t('app.name')}`;
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const draft = Object.fromEntries(FIELDS.map((f) => [f, String(data.get(f) ?? '').trim()])) as Record<Field, string>;
    this.draft = draft;
    const errors: Partial<Record<Field, string>> = {};
    if (!draft.email) errors.email = t(MISSING.email!);
    if (!draft.name) errors.name = t('adminUsers.name');
    this.errors = errors;
    this.formError = '';
    if (Object.keys(errors).length) return;
    this.busy = true;
    try {
      this.result = await api.post<InvitationCreated>('/users/invitations', {
        email: draft.email,
        name: draft.name,
        role: draft.role,
        ...(draft.jobTitle ? { jobTitle: draft.jobTitle } : {}),
        ...(draft.agency ? { agency: draft.agency } : {}),
      });
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fieldErrors).length)
        this.errors = err.fieldErrors as typeof errors;
      else this.formError = err instanceof ApiError && err.detail ? err.detail : t('error.generic');
    } finally {
      this.busy = false;
    }
  }

  private done(r: InvitationCreated) {
    const expires = dayTime(r.expiresAt);
    return html`${
        r.emailed
          ? html`<pt-notification-banner
              type="success"
              heading=${t('invite.emailed', { email: r.account.email })}
            ></pt-notification-banner>`
          : html`<pt-notification-banner
              heading=${t('invite.linkTitle', { email: r.account.email })}
              .content=${html`<p class="govuk-body">${t('invite.linkHint', { expires })}</p>
                <p class="govuk-body pt-break-all"><code data-invitation-link>${r.link}</code></p>`}
            ></pt-notification-banner>`
      }
      <p class="govuk-body"><a class="govuk-link" href="/admin/users/${r.account.id}">${r.account.name}</a></p>
      <p class="govuk-body"><a class="govuk-link" href="/admin/users">${t('adminUsers.title')}</a></p>`;
  }

  override render() {
    const summary = this.formError
      ? [{ fieldId: 'f-email', message: this.formError }]
      : Object.entries(this.errors).map(([k, message]) => ({ fieldId: `f-${k}`, message: String(message) }));
    return html`<a class="govuk-back-link" href="/admin/users">${t('adminUsers.title')}</a>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          ${
            this.result
              ? this.done(this.result)
              : html`<pt-error-summary .errors=${summary}></pt-error-summary>
                  <h1 class="govuk-heading-l">${t('invite.title')}</h1>
                  <p class="govuk-body">${t('invite.intro', { hours: 72 })}</p>
                  <form novalidate @submit=${(e: SubmitEvent) => void this.submit(e)}>
                    <pt-text-field
                      name="email"
                      type="email"
                      autocomplete="off"
                      width="one-half"
                      label=${t('adminUsers.email')}
                      .value=${this.draft.email}
                      error=${this.errors.email ?? ''}
                    ></pt-text-field>
                    <pt-text-field
                      name="name"
                      width="one-half"
                      label=${t('adminUsers.name')}
                      .value=${this.draft.name}
                      error=${this.errors.name ?? ''}
                    ></pt-text-field>
                    <pt-select-field
                      name="role"
                      label=${t('adminUsers.role')}
                      .value=${this.draft.role}
                      .options=${ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
                      error=${this.errors.role ?? ''}
                    ></pt-select-field>
                    <pt-text-field
                      name="jobTitle"
                      width="one-half"
                      optional
                      label=${t('adminUsers.jobTitle')}
                      .value=${this.draft.jobTitle}
                      error=${this.errors.jobTitle ?? ''}
                    ></pt-text-field>
                    <pt-text-field
                      name="agency"
                      width="one-half"
                      optional
                      label=${t('adminUsers.agency')}
                      .value=${this.draft.agency}
                      error=${this.errors.agency ?? ''}
                    ></pt-text-field>
                    <button type="submit" class="govuk-button" ?disabled=${this.busy}>${t('invite.submit')}</button>
                  </form>`
          }
          ${nothing}
        </div>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-admin-invite-page': PtAdminInvitePage;
  }
}
