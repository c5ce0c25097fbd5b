// Admins manage accounts: the list, adding one (with no password for an owner who never signs
// in), changing someone's details and role, disabling or enabling them, and setting a new
// password. The API says why it refuses a password (too short, too common, like the email).
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { Account, Role } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { ApiError, api } from '../api/client.js';
import { navigate } from '../router.js';
import { t, type MessageKey } from '../i18n/messages.js';
import '../components/pt-download-link.js';
import { FormController } from '../controllers/form-controller.js';
import type { Column } from '../components/pt-data-table.js';
import '../components/pt-data-table.js';
import '../components/pt-text-field.js';
import '../components/pt-select-field.js';
import '../components/pt-error-summary.js';
import '../components/pt-notification-banner.js';
import '../components/pt-summary-list.js';
import '../components/pt-loading.js';
import '../components/pt-empty-state.js';
import '../components/pt-error-state.js';

const ROLES: readonly Role[] = ['admin', 'participation', 'owner', 'board', 'viewer'];
const NEW_FIELDS = ['email', 'name', 'role', 'jobTitle', 'agency', 'password'] as const;
type NewField = (typeof NEW_FIELDS)[number];
const EDIT_FIELDS = ['name', 'role', 'jobTitle', 'agency'] as const;
/** The details form's fields: those typed in, then the "can own actions" box. */
type DetailField = NewField | 'canOwnActions' | 'managerId';
const LABEL: Record<DetailField, MessageKey> = {
  email: 'adminUsers.email',
  name: 'adminUsers.name',
  role: 'adminUsers.role',
  jobTitle: 'adminUsers.jobTitle',
  agency: 'adminUsers.agency',
  password: 'adminUsers.password',
  canOwnActions: 'adminUsers.canOwnActions',
  managerId: 'adminUsers.manager',
};

/** A success message carried from "add" to the new account's page. */
let flash = '';

const yesNo = (b: boolean) => t(b ? 'admin.yes' : 'admin.no');

@customElement('pt-admin-users-page')
export class PtAdminUsersPage extends PtLightElement {
  @property() mode: 'list' | 'new' | 'edit' = 'list';
  @property({ type: Number }) userId = 0;

  @state() private account: Account | null = null;
  @state() private draft: Record<NewField, string> = {
    email: '',
    name: '',
    role: '',
    jobTitle: '',
    agency: '',
    password: '',
  };
  @state() private done = '';
  @state() private theirs: Account | null = null;
  @state() private managers: Account[] = [];

  private details = new FormController<DetailField>(this, {
    fields: [...NEW_FIELDS, 'canOwnActions'],
    labels: LABEL,
    onConflict: (err) => this.conflict(err),
  });
  // Its field is named as the API names it, so the API's reason lands against it.
  private password = new FormController<'password'>(this, {
    fields: ['password'],
    labels: { password: 'adminUsers.newPassword' },
  });

  private load = new Task(this, {
    task: async ([mode, id], { signal }) => {
      if (mode === 'list') return (await api.get<{ items: Account[] }>('/users', signal)).items;
      if (mode === 'edit') {
        // Everyone else, for the "Manager" choice (told first when this person's work is escalated).
        const [a, all] = await Promise.all([
          api.get<Account>(`/users/${id}`, signal),
          api.get<{ items: Account[] }>('/users', signal),
        ]);
        this.managers = all.items.filter((p) => p.id !== id && !p.disabled);
        this.accept(a);
      }
      return [] as Account[];
    },
    args: () => [this.mode, this.userId] as const,
  });

  override connectedCallback() {
    super.connectedCallback();
    this.done = flash;
    flash = '';
    document.title = `${t(this.mode === 'new' ? 'adminUsers.newTitle' : 'adminUsers.title')} – ${t('app.name')}`;
  }

  private accept(a: Account) {
    this.account = a;
    this.draft = { email: a.email, name: a.name, role: a.role, jobTitle: a.jobTitle, agency: a.agency, password: '' };
    document.title = `${t('adminUsers.editTitle', { name: a.name })} – ${t('app.name')}`;
  }

  private conflict(err: ApiError): boolean {
    if (!err.current) return false;
    this.theirs = err.current as Account;
    this.accept(this.theirs);
    window.scrollTo(0, 0);
    return true;
  }

  private read(form: HTMLFormElement, fields: readonly NewField[]) {
    const data = new FormData(form);
    const draft = { ...this.draft };
    for (const f of fields) draft[f] = String(data.get(f) ?? '');
    return draft;
  }

  private async create(e: SubmitEvent) {
    e.preventDefault();
    const d = this.read(e.target as HTMLFormElement, NEW_FIELDS);
    this.draft = d;
    await this.details.submit(async () => {
      const body: Record<string, unknown> = { email: d.email, name: d.name, jobTitle: d.jobTitle };
      // Leave a missing choice out so the API names the field; an empty agency means the default.
      if (d.role) body.role = d.role;
      if (d.agency.trim()) body.agency = d.agency;
      if (d.password) body.password = d.password;
      const saved = await api.post<Account>('/users', body);
      flash = t('adminUsers.added', { name: saved.name });
      navigate(`/admin/users/${saved.id}`);
    });
  }

  private async save(e: SubmitEvent) {
    e.preventDefault();
    const d = this.read(e.target as HTMLFormElement, EDIT_FIELDS);
    // Sent only when changed: with a new role and the box untouched, the role's default applies.
    const canOwnActions = new FormData(e.target as HTMLFormElement).get('canOwnActions') === 'on';
    const manager = String(new FormData(e.target as HTMLFormElement).get('managerId') ?? '');
    const managerId = manager ? Number(manager) : null;
    this.draft = d;
    this.done = '';
    this.theirs = null;
    this.password.clear();
    await this.details.submit(async () => {
      const body = {
        version: this.account!.version,
        name: d.name,
        role: d.role,
        jobTitle: d.jobTitle,
        agency: d.agency,
        ...(canOwnActions !== this.account!.canOwnActions ? { canOwnActions } : {}),
        ...(managerId !== this.account!.managerId ? { managerId } : {}),
      };
      this.accept(await api.patch<Account>(`/users/${this.userId}`, body));
      this.done = t('adminUsers.saved');
    });
  }

  private async toggle() {
    const disabled = !this.account!.disabled;
    this.done = '';
    this.theirs = null;
    this.password.clear();
    await this.details.submit(async () => {
      this.accept(await api.patch<Account>(`/users/${this.userId}`, { version: this.account!.version, disabled }));
      this.done = t(disabled ? 'adminUsers.disabledDone' : 'adminUsers.enabledDone');
    });
  }

  private async reset(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const value = String(new FormData(form).get('password') ?? '');
    this.done = '';
    this.theirs = null;
    this.details.clear();
    await this.password.submit(async () => {
      await api.post(`/users/${this.userId}/password`, { password: value });
      form.reset();
      this.accept(await api.get<Account>(`/users/${this.userId}`));
      this.done = t('adminUsers.passwordDone');
    });
  }

  private banners() {
    return html`${
      this.theirs
        ? html`<pt-notification-banner
            heading=${t('form.conflictTitle')}
            text=${t('form.conflictBody')}
            .content=${html`<h3 class="govuk-heading-s">${t('form.theirVersion')}</h3>
              <pt-summary-list
                .rows=${[
                  { key: t('adminUsers.name'), value: this.theirs.name },
                  { key: t('adminUsers.role'), value: t(`role.${this.theirs.role}`) },
                  { key: t('adminUsers.jobTitle'), value: this.theirs.jobTitle },
                  { key: t('adminUsers.agency'), value: this.theirs.agency },
                  { key: t('adminUsers.canOwnActions'), value: yesNo(this.theirs.canOwnActions) },
                  { key: t('adminUsers.col.disabled'), value: yesNo(this.theirs.disabled) },
                ]}
              ></pt-summary-list>`}
          ></pt-notification-banner>`
        : nothing
    }
    ${
      this.done
        ? html`<pt-notification-banner
            type="success"
            heading=${t('adminUsers.doneTitle')}
            text=${this.done}
          ></pt-notification-banner>`
        : nothing
    }`;
  }

  private roleOptions() {
    return [
      { value: '', label: t('adminUsers.chooseRole') },
      ...ROLES.map((r) => ({ value: r, label: t(`role.${r}`) })),
    ];
  }

  private columns: Column<Account>[] = [
    { key: 'name', label: t('adminUsers.col.name'), sortValue: (a) => a.name, render: (a) => a.name },
    { key: 'email', label: t('adminUsers.col.email'), sortValue: (a) => a.email, render: (a) => a.email },
    { key: 'role', label: t('adminUsers.col.role'), sortValue: (a) => a.role, render: (a) => t(`role.${a.role}`) },
    { key: 'agency', label: t('adminUsers.col.agency'), sortValue: (a) => a.agency, render: (a) => a.agency },
    {
      key: 'canOwnActions',
      label: t('adminUsers.canOwnActions'),
      sortValue: (a) => yesNo(a.canOwnActions),
      render: (a) => yesNo(a.canOwnActions),
    },
    {
      key: 'canSignIn',
      label: t('adminUsers.col.canSignIn'),
      sortValue: (a) => yesNo(a.canSignIn),
      render: (a) => yesNo(a.canSignIn),
    },
    {
      key: 'disabled',
      label: t('adminUsers.col.disabled'),
      sortValue: (a) => yesNo(a.disabled),
      render: (a) =>
        a.disabled
          ? html`<strong class="govuk-tag govuk-tag--grey">${t('adminUsers.disabledTag')}</strong>`
          : yesNo(false),
    },
    {
      key: 'edit',
      label: t('adminUsers.col.edit'),
      render: (a) =>
        html`<a class="govuk-link" href="/admin/users/${a.id}"
          >${t('adminUsers.col.edit')}<span class="pt-visually-hidden"> ${a.name}</span></a
        >`,
    },
  ];

  private list(accounts: Account[]) {
    return html`<a class="govuk-back-link" href="/admin">${t('admin.back')}</a>
      <h1 class="govuk-heading-l">${t('adminUsers.title')}</h1>
      <div class="govuk-button-group">
        <a class="govuk-button" href="/admin/users/invite">${t('invite.button')}</a>
        <a class="govuk-button govuk-button--secondary" href="/admin/users/new">${t('adminUsers.add')}</a>
      </div>
      ${
        accounts.length
          ? html`<pt-data-table
              caption=${t('adminUsers.caption')}
              .columns=${this.columns}
              .rows=${accounts}
            ></pt-data-table>`
          : html`<pt-empty-state></pt-empty-state>`
      }`;
  }

  private newForm() {
    const d = this.draft;
    const e = this.details.errors;
    return html`<a class="govuk-back-link" href="/admin/users">${t('adminUsers.back')}</a>
      <pt-error-summary .errors=${this.details.summary()}></pt-error-summary>
      <h1 class="govuk-heading-l">${t('adminUsers.newTitle')}</h1>
      <form novalidate @submit=${(ev: SubmitEvent) => void this.create(ev)}>
        <pt-text-field
          name="email"
          type="email"
          autocomplete="off"
          label=${t(LABEL.email)}
          width="two-thirds"
          .value=${d.email}
          error=${e.email ?? ''}
        ></pt-text-field>
        <pt-text-field
          name="name"
          label=${t(LABEL.name)}
          width="two-thirds"
          .value=${d.name}
          error=${e.name ?? ''}
        ></pt-text-field>
        <pt-select-field
          name="role"
          label=${t(LABEL.role)}
          .value=${d.role}
          error=${e.role ?? ''}
          .options=${this.roleOptions()}
        ></pt-select-field>
        <pt-text-field
          name="jobTitle"
          label=${t(LABEL.jobTitle)}
          optional
          width="two-thirds"
          .value=${d.jobTitle}
          error=${e.jobTitle ?? ''}
        ></pt-text-field>
        <pt-text-field
          name="agency"
          label=${t(LABEL.agency)}
          hint=${t('adminUsers.agencyHint')}
          optional
          width="one-third"
          .value=${d.agency}
          error=${e.agency ?? ''}
        ></pt-text-field>
        <pt-text-field
          name="password"
          type="password"
          autocomplete="new-password"
          label=${t(LABEL.password)}
          hint=${t('adminUsers.passwordHint')}
          optional
          width="one-half"
          .value=${d.password}
          error=${e.password ?? ''}
        ></pt-text-field>
        <div class="govuk-button-group">
          <button type="submit" class="govuk-button" ?disabled=${this.details.busy}>${t('adminUsers.create')}</button>
          <a class="govuk-link" href="/admin/users">${t('form.cancel')}</a>
        </div>
      </form>`;
  }

  private editForm(a: Account) {
    const d = this.draft;
    const e = this.details.errors;
    const access = a.disabled
      ? 'adminUsers.isDisabled'
      : a.canSignIn
        ? 'adminUsers.canSignIn'
        : 'adminUsers.noPassword';
    return html`<a class="govuk-back-link" href="/admin/users">${t('adminUsers.back')}</a>
      ${this.banners()}
      <pt-error-summary .errors=${[...this.details.summary(), ...this.password.summary()]}></pt-error-summary>
      <h1 class="govuk-heading-l">${t('adminUsers.editTitle', { name: a.name })}</h1>
      <pt-summary-list
        .rows=${[
          { key: t('adminUsers.email'), value: a.email },
          { key: t('adminUsers.col.canSignIn'), value: yesNo(a.canSignIn) },
          { key: t('adminUsers.col.disabled'), value: yesNo(a.disabled) },
        ]}
      ></pt-summary-list>
      <p class="govuk-body">
        <pt-download-link
          href="/api/v1/users/${a.id}/export"
          label=${t('userExport.link', { name: a.name })}
        ></pt-download-link>
      </p>
      <p class="govuk-hint">${t('userExport.hint')}</p>
      <h2 class="govuk-heading-m">${t('adminUsers.details')}</h2>
      <form novalidate @submit=${(ev: SubmitEvent) => void this.save(ev)}>
        <pt-text-field
          name="name"
          label=${t(LABEL.name)}
          width="two-thirds"
          .value=${d.name}
          error=${e.name ?? ''}
        ></pt-text-field>
        <pt-select-field
          name="role"
          label=${t(LABEL.role)}
          .value=${d.role}
          error=${e.role ?? ''}
          .options=${this.roleOptions().slice(1)}
        ></pt-select-field>
        <pt-text-field
          name="jobTitle"
          label=${t(LABEL.jobTitle)}
          optional
          width="two-thirds"
          .value=${d.jobTitle}
          error=${e.jobTitle ?? ''}
        ></pt-text-field>
        <pt-text-field
          name="agency"
          label=${t(LABEL.agency)}
          width="one-third"
          .value=${d.agency}
          error=${e.agency ?? ''}
        ></pt-text-field>
        <pt-select-field
          name="managerId"
          label=${t('adminUsers.manager')}
          hint=${t('adminUsers.managerHint')}
          .value=${a.managerId === null ? '' : String(a.managerId)}
          error=${e.managerId ?? ''}
          .options=${[
            { value: '', label: t('adminUsers.noManager') },
            ...this.managers.map((p) => ({
              value: String(p.id),
              label: p.jobTitle ? `${p.name} (${p.jobTitle})` : p.name,
            })),
          ]}
        ></pt-select-field>
        <div class="govuk-form-group ${e.canOwnActions ? 'govuk-form-group--error' : ''}">
          ${
            e.canOwnActions
              ? html`<p class="govuk-error-message" id="f-canOwnActions-error">
                  <span class="govuk-visually-hidden">${t('error.prefix')}</span> ${e.canOwnActions}
                </p>`
              : ''
          }
          <div class="govuk-checkboxes govuk-checkboxes--small">
            <div class="govuk-checkboxes__item">
              <input
                class="govuk-checkboxes__input"
                id="f-canOwnActions"
                name="canOwnActions"
                type="checkbox"
                aria-describedby="f-canOwnActions-hint ${e.canOwnActions ? 'f-canOwnActions-error' : ''}"
                .checked=${a.canOwnActions}
              />
              <label class="govuk-label govuk-checkboxes__label" for="f-canOwnActions"
                >${t('adminUsers.canOwnActions')}</label
              >
              <div class="govuk-hint govuk-checkboxes__hint" id="f-canOwnActions-hint">
                ${t('adminUsers.canOwnActionsHint')}
              </div>
            </div>
          </div>
        </div>
        <button type="submit" class="govuk-button" ?disabled=${this.details.busy}>
          ${t('adminUsers.saveDetails')}
        </button>
      </form>
      <h2 class="govuk-heading-m">${t('adminUsers.access')}</h2>
      <p class="govuk-body">${t(access)}</p>
      <button
        type="button"
        class="govuk-button ${a.disabled ? 'govuk-button--secondary' : 'govuk-button--warning'}"
        ?disabled=${this.details.busy}
        @click=${() => void this.toggle()}
      >
        ${t(a.disabled ? 'adminUsers.enable' : 'adminUsers.disable')}
      </button>
      <h2 class="govuk-heading-m">${t('adminUsers.resetTitle')}</h2>
      <form novalidate @submit=${(ev: SubmitEvent) => void this.reset(ev)}>
        <pt-text-field
          name="password"
          type="password"
          autocomplete="new-password"
          label=${t('adminUsers.newPassword')}
          hint=${t('adminUsers.newPasswordHint')}
          width="one-half"
          error=${this.password.errors.password ?? ''}
        ></pt-text-field>
        <button type="submit" class="govuk-button govuk-button--secondary" ?disabled=${this.password.busy}>
          ${t('adminUsers.setPassword')}
        </button>
      </form>`;
  }

  override render() {
    const title = this.mode === 'new' ? t('adminUsers.newTitle') : t('adminUsers.title');
    return this.load.render({
      pending: () => html`<pt-loading></pt-loading>`,
      complete: (accounts) =>
        this.mode === 'list'
          ? this.list(accounts)
          : this.mode === 'new'
            ? this.newForm()
            : this.account
              ? this.editForm(this.account)
              : nothing,
      error: (err) =>
        html`<h1 class="govuk-heading-l">${title}</h1>
          <pt-error-state .error=${err} @pt-retry=${() => void this.load.run()}></pt-error-state>`,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-admin-users-page': PtAdminUsersPage;
  }
}
