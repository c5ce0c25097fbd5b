// The admin home: links to council settings, accounts and the audit trail; themes to add and edit.
import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { Theme } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { api } from '../api/client.js';
import { t } from '../i18n/messages.js';
import type { Column } from '../components/pt-data-table.js';
import '../components/pt-data-table.js';
import '../components/pt-loading.js';
import '../components/pt-empty-state.js';
import '../components/pt-error-state.js';
import '../components/pt-colour-swatch.js';
import '../components/pt-notification-banner.js';

@customElement('pt-admin-page')
export class PtAdminPage extends PtLightElement {
  private themes = new Task(this, {
    task: async (_args, { signal }) => (await api.get<{ items: Theme[] }>('/themes', signal)).items,
    args: () => [],
  });

  private columns: Column<Theme>[] = [
    {
      key: 'name',
      label: t('themeForm.name'),
      sortValue: (th) => th.name,
      render: (th) => html`<pt-colour-swatch colour=${th.colour}></pt-colour-swatch>${th.name}`,
    },
    { key: 'child', label: t('themeForm.childName'), render: (th) => th.childName },
    {
      key: 'order',
      label: t('themeForm.sortOrder'),
      numeric: true,
      sortValue: (th) => th.sortOrder,
      render: (th) => th.sortOrder,
    },
    {
      key: 'edit',
      label: t('admin.edit'),
      render: (th) =>
        html`<a class="govuk-link" href="/admin/themes/${th.id}/edit"
          >${t('admin.edit')}<span class="pt-visually-hidden"> ${th.name}</span></a
        >`,
    },
  ];

  override connectedCallback() {
    super.connectedCallback();
    document.title = `${t('admin.title')} – ${t('app.name')}`;
  }

  /** After the theme form saves: `?theme-added=<id>` or `?theme-saved=<id>` names the theme. */
  private savedBanner() {
    const query = new URLSearchParams(location.search);
    const added = query.get('theme-added');
    const id = Number(added ?? query.get('theme-saved'));
    if (!id) return nothing;
    const name = this.themes.value?.find((th) => th.id === id)?.name;
    if (!name) return nothing;
    return html`<pt-notification-banner
      type="success"
      heading=${t('themeForm.savedHeading')}
      text=${t(added ? 'themeForm.created' : 'themeForm.updated', { name })}
    ></pt-notification-banner>`;
  }

  override render() {
    return html`<h1 class="govuk-heading-l">${t('admin.title')}</h1>
      <h2 class="govuk-heading-m">${t('adminHome.council')}</h2>
      <ul class="govuk-list govuk-list--spaced">
        <li>
          <a class="govuk-link" href="/admin/settings">${t('adminHome.settings')}</a>: ${t('adminHome.settingsHint')}
        </li>
        <li><a class="govuk-link" href="/admin/users">${t('adminHome.users')}</a>: ${t('adminHome.usersHint')}</li>
        <li><a class="govuk-link" href="/admin/audit">${t('adminHome.audit')}</a>: ${t('adminHome.auditHint')}</li>
        <li><a class="govuk-link" href="/admin/sign-in">${t('adminHome.signIn')}</a>: ${t('adminHome.signInHint')}</li>
        <li><a class="govuk-link" href="/admin/outbox">${t('adminHome.outbox')}</a>: ${t('adminHome.outboxHint')}</li>
      </ul>
      <h2 class="govuk-heading-m" id="themes">${t('admin.themes')}</h2>
      ${this.savedBanner()}
      <div class="govuk-button-group">
        <a class="govuk-button" href="/admin/themes/new">${t('admin.addTheme')}</a>
        <a class="govuk-button govuk-button--secondary" href="/promises/new">${t('admin.addPromise')}</a>
      </div>
      ${this.themes.render({
        pending: () => html`<pt-loading></pt-loading>`,
        complete: (themes) =>
          themes.length
            ? html`<pt-data-table
                caption=${t('admin.themesCaption')}
                .columns=${this.columns}
                .rows=${themes}
              ></pt-data-table>`
            : html`<pt-empty-state></pt-empty-state>`,
        error: (e) => html`<pt-error-state .error=${e} @pt-retry=${() => void this.themes.run()}></pt-error-state>`,
      })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-admin-page': PtAdminPage;
  }
}
