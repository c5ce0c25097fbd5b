// The audit trail for admins: every change, newest first, filterable by kind of record, record
// number, who, what they did and a date range, a page at a time. The filters live in the address
// (?entity=user&page=2), so back, forward and a shared link show the same list.
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { Account, AuditEntry } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { ApiError, api } from '../api/client.js';
import { navigate, onRouteChange } from '../router.js';
import { t, type MessageKey } from '../i18n/messages.js';
import type { SummaryError } from '../components/pt-error-summary.js';
import { fieldName } from '../components/pt-admin-audit-change.js';
import '../components/pt-admin-audit-change.js';
import '../components/pt-text-field.js';
import '../components/pt-select-field.js';
import '../components/pt-date-input.js';
import '../components/pt-error-summary.js';
import '../components/pt-loading.js';
import '../components/pt-error-state.js';

const PAGE_SIZE = 50;
const FILTERS = ['entity', 'entityId', 'userId', 'action', 'from', 'to'] as const;
type Filter = (typeof FILTERS)[number];
const LABEL: Record<Filter, MessageKey> = {
  entity: 'adminAudit.entity',
  entityId: 'adminAudit.entityId',
  userId: 'adminAudit.user',
  action: 'adminAudit.action',
  from: 'adminAudit.from',
  to: 'adminAudit.to',
};
/** The kinds of record and actions the API writes to the trail (db/repositories, server/routes). */
const ENTITIES = [
  'board_meeting',
  'board_pack',
  'challenge',
  'commitment',
  'commitment_update',
  'evidence',
  'feedback',
  'forum_session',
  'measure',
  'measure_value',
  'promise',
  'rag_review',
  'rating_session',
  'session',
  'settings',
  'theme',
  'user',
  'verdict',
];
const ACTIONS = [
  'create',
  'update',
  'archive',
  'restore',
  'delete',
  'import',
  'approve',
  'withdraw',
  'end',
  'disable',
  'enable',
  'lock',
  'reset-password',
  'sign-in',
  'sign-in-failed',
  'sign-out',
  'pin-failed',
  'tap',
];

type Query = Record<Filter, string> & { page: number };

function queryFromUrl(): Query {
  const p = new URLSearchParams(location.search);
  const q = Object.fromEntries(FILTERS.map((f) => [f, p.get(f) ?? ''])) as Record<Filter, string>;
  return { ...q, page: Math.max(1, Number(p.get('page')) || 1) };
}

function urlOf(q: Partial<Query>): string {
  const p = new URLSearchParams();
  for (const f of FILTERS) if (q[f]) p.set(f, q[f]);
  if (q.page && q.page > 1) p.set('page', String(q.page));
  const s = p.toString();
  return `/admin/audit${s ? `?${s}` : ''}`;
}

type Page = { items: AuditEntry[]; total: number; page: number; pageSize: number };

@customElement('pt-admin-audit-page')
export class PtAdminAuditPage extends PtLightElement {
  @state() private query: Query = queryFromUrl();
  @state() private errors: Partial<Record<Filter, string>> = {};
  @state() private formError = '';

  private stopListening: (() => void) | null = null;

  private users = new Task(this, {
    task: async (_args, { signal }) => (await api.get<{ items: Account[] }>('/users', signal)).items,
    args: () => [],
  });

  private entries = new Task(this, {
    task: async ([q], { signal }) => {
      const p = new URLSearchParams({ page: String(q.page), pageSize: String(PAGE_SIZE) });
      for (const f of FILTERS) if (q[f].trim()) p.set(f, q[f].trim());
      this.errors = {};
      this.formError = '';
      try {
        return await api.get<Page>(`/audit?${p.toString()}`, signal);
      } catch (err) {
        if (err instanceof ApiError && err.status === 400) {
          this.showErrors(err);
          return null;
        }
        throw err;
      }
    },
    args: () => [this.query] as const,
  });

  override connectedCallback() {
    super.connectedCallback();
    document.title = `${t('adminAudit.title')} – ${t('app.name')}`;
    // The shell keeps this element when only the query changes, so follow the address here.
    this.stopListening = onRouteChange((path) => {
      if (path === '/admin/audit') this.query = queryFromUrl();
    });
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.stopListening?.();
  }

  private showErrors(err: ApiError) {
    const errors: Partial<Record<Filter, string>> = {};
    for (const [path, message] of Object.entries(err.fieldErrors)) {
      const field = FILTERS.find((f) => path === f);
      if (field) errors[field] ??= message;
    }
    this.errors = errors;
    if (!Object.keys(errors).length) this.formError = err.message;
  }

  private apply(e: SubmitEvent) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const q = Object.fromEntries(FILTERS.map((f) => [f, String(data.get(f) ?? '').trim()])) as Record<Filter, string>;
    navigate(urlOf({ ...q, page: 1 }));
  }

  private summary(): SummaryError[] {
    const list = FILTERS.filter((f) => this.errors[f]).map((f) => ({
      fieldId: `f-${f}`,
      message: `${t(LABEL[f])}: ${this.errors[f]}`,
    }));
    if (this.formError) list.push({ fieldId: 'f-entity', message: this.formError });
    return list;
  }

  private filters(users: Account[]) {
    const q = this.query;
    const e = this.errors;
    return html`<form novalidate class="pt-admin-filters" @submit=${(ev: SubmitEvent) => this.apply(ev)}>
      <h2 class="govuk-heading-m">${t('adminAudit.filters')}</h2>
      <div class="pt-admin-filters__grid">
        <pt-select-field
          name="entity"
          label=${t(LABEL.entity)}
          .value=${q.entity}
          error=${e.entity ?? ''}
          .options=${[
            { value: '', label: t('adminAudit.anyEntity') },
            ...[...new Set([...ENTITIES, ...(q.entity ? [q.entity] : [])])].map((x) => ({
              value: x,
              label: fieldName(x),
            })),
          ]}
        ></pt-select-field>
        <pt-text-field
          name="entityId"
          label=${t(LABEL.entityId)}
          width="5"
          .value=${q.entityId}
          error=${e.entityId ?? ''}
        ></pt-text-field>
        <pt-select-field
          name="userId"
          label=${t(LABEL.userId)}
          .value=${q.userId}
          error=${e.userId ?? ''}
          .options=${[
            { value: '', label: t('adminAudit.anyUser') },
            ...users.map((u) => ({ value: String(u.id), label: `${u.name} (${u.email})` })),
          ]}
        ></pt-select-field>
        <pt-select-field
          name="action"
          label=${t(LABEL.action)}
          .value=${q.action}
          error=${e.action ?? ''}
          .options=${[
            { value: '', label: t('adminAudit.anyAction') },
            ...[...new Set([...ACTIONS, ...(q.action ? [q.action] : [])])].map((x) => ({
              value: x,
              label: fieldName(x),
            })),
          ]}
        ></pt-select-field>
      </div>
      <div class="pt-admin-filters__grid">
        <pt-date-input
          name="from"
          legend=${t(LABEL.from)}
          hint=${t('adminAudit.dateHint')}
          .value=${q.from}
          error=${e.from ?? ''}
        ></pt-date-input>
        <pt-date-input
          name="to"
          legend=${t(LABEL.to)}
          hint=${t('adminAudit.dateHint')}
          .value=${q.to}
          error=${e.to ?? ''}
        ></pt-date-input>
      </div>
      <div class="govuk-button-group">
        <button type="submit" class="govuk-button govuk-button--secondary">${t('adminAudit.apply')}</button>
        <a class="govuk-link" href="/admin/audit">${t('adminAudit.clear')}</a>
      </div>
    </form>`;
  }

  private pagination(p: Page) {
    const pages = Math.ceil(p.total / p.pageSize);
    if (pages <= 1) return nothing;
    // The first, the last and two either side of this one; gaps shown as an ellipsis.
    const shown = [...new Set([1, p.page - 2, p.page - 1, p.page, p.page + 1, p.page + 2, pages])]
      .filter((n) => n >= 1 && n <= pages)
      .sort((a, b) => a - b);
    const link = (n: number) => urlOf({ ...this.query, page: n });
    return html`<nav class="govuk-pagination" aria-label=${t('adminAudit.pages')}>
      ${
        p.page > 1
          ? html`<div class="govuk-pagination__prev">
              <a class="govuk-link govuk-pagination__link" href=${link(p.page - 1)} rel="prev">
                <span class="govuk-pagination__link-title">${t('adminAudit.previous')}</span>
              </a>
            </div>`
          : nothing
      }
      <ul class="govuk-pagination__list">
        ${shown.map(
          (n, i) =>
            html`${
                i > 0 && n - shown[i - 1]! > 1
                  ? html`<li class="govuk-pagination__item govuk-pagination__item--ellipses">&ctdot;</li>`
                  : nothing
              }
              <li class="govuk-pagination__item${n === p.page ? ' govuk-pagination__item--current' : ''}">
                <a
                  class="govuk-link govuk-pagination__link"
                  href=${link(n)}
                  aria-label=${t('adminAudit.pageN', { n })}
                  aria-current=${n === p.page ? 'page' : nothing}
                  >${n}</a
                >
              </li>`,
        )}
      </ul>
      ${
        p.page < pages
          ? html`<div class="govuk-pagination__next">
              <a class="govuk-link govuk-pagination__link" href=${link(p.page + 1)} rel="next">
                <span class="govuk-pagination__link-title">${t('adminAudit.next')}</span>
              </a>
            </div>`
          : nothing
      }
    </nav>`;
  }

  private table(p: Page) {
    if (!p.items.length) return html`<p class="govuk-body">${t('adminAudit.none')}</p>`;
    const first = (p.page - 1) * p.pageSize + 1;
    return html`<p class="govuk-body" role="status">
        ${t('adminAudit.showing', { first, last: first + p.items.length - 1, total: p.total })}
      </p>
      <table class="govuk-table pt-admin-audit">
        <caption class="govuk-table__caption pt-visually-hidden">
          ${t('adminAudit.caption')}
        </caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">${t('adminAudit.col.when')}</th>
            <th scope="col" class="govuk-table__header">${t('adminAudit.col.who')}</th>
            <th scope="col" class="govuk-table__header">${t('adminAudit.col.action')}</th>
            <th scope="col" class="govuk-table__header">${t('adminAudit.col.record')}</th>
            <th scope="col" class="govuk-table__header">${t('adminAudit.col.change')}</th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          ${p.items.map(
            (a) =>
              html`<tr class="govuk-table__row">
                <td class="govuk-table__cell" data-label=${t('adminAudit.col.when')}>
                  <time datetime=${a.at}>${a.atWords}</time>
                </td>
                <td class="govuk-table__cell" data-label=${t('adminAudit.col.who')}>
                  ${
                    a.userName || a.userEmail
                      ? html`${a.userName ?? a.userEmail}${
                          a.userName && a.userEmail
                            ? html`<br /><span class="pt-admin-audit__email">${a.userEmail}</span>`
                            : nothing
                        }`
                      : t('adminAudit.system')
                  }
                </td>
                <td class="govuk-table__cell" data-label=${t('adminAudit.col.action')}>${fieldName(a.action)}</td>
                <td class="govuk-table__cell" data-label=${t('adminAudit.col.record')}>${a.record}</td>
                <td class="govuk-table__cell pt-admin-audit__change" data-label=${t('adminAudit.col.change')}>
                  <pt-admin-audit-change .changes=${a.changes}></pt-admin-audit-change>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${this.pagination(p)}`;
  }

  override render() {
    return html`<a class="govuk-back-link" href="/admin">${t('admin.back')}</a>
      <pt-error-summary .errors=${this.summary()}></pt-error-summary>
      <h1 class="govuk-heading-l">${t('adminAudit.title')}</h1>
      <p class="govuk-body">${t('adminAudit.intro')}</p>
      ${this.users.render({
        pending: () => html`<pt-loading></pt-loading>`,
        complete: (users) => this.filters(users),
        error: (err) => html`<pt-error-state .error=${err} @pt-retry=${() => void this.users.run()}></pt-error-state>`,
      })}
      ${this.entries.render({
        pending: () => html`<pt-loading></pt-loading>`,
        complete: (page) => (page ? this.table(page) : nothing),
        error: (err) =>
          html`<pt-error-state .error=${err} @pt-retry=${() => void this.entries.run()}></pt-error-state>`,
      })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-admin-audit-page': PtAdminAuditPage;
  }
}
