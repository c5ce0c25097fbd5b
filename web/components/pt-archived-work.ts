// The archived actions (commitments) and measures under one promise, for admins: each tagged
// "Archived" in words, with a Restore button. Shows nothing while there are none. A restore sends
// the version listed, so a change someone else made meanwhile is a 409: the list reloads and says
// so. A restore is announced by a success banner and `pt-archive-change`, for the page to reload.
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { Commitment, Measure } from '../../server/contracts/index.js';
import { ApiError, api } from '../api/client.js';
import { t } from '../i18n/messages.js';
import { PtLightElement } from '../light-element.js';
import type { ArchiveChange, ArchiveKind } from './pt-archive-panel.js';
import './pt-notification-banner.js';

type Row = { kind: ArchiveKind; id: number; name: string; version: number };

@customElement('pt-archived-work')
export class PtArchivedWork extends PtLightElement {
  @property({ type: Number }) promiseId = 0;

  @state() private restored: Row | null = null;
  @state() private error = '';
  @state() private busy = false;

  private rows = new Task(this, {
    task: async ([promiseId], { signal }): Promise<Row[]> => {
      const q = `promiseId=${promiseId}&archived=true&pageSize=200`;
      const [commitments, measures] = await Promise.all([
        api.get<{ items: Commitment[] }>(`/commitments?${q}`, signal),
        api.get<{ items: Measure[] }>(`/measures?${q}`, signal),
      ]);
      return [
        ...commitments.items.map((c) => ({ kind: 'commitment' as const, id: c.id, name: c.title, version: c.version })),
        ...measures.items.map((m) => ({ kind: 'measure' as const, id: m.id, name: m.name, version: m.version })),
      ];
    },
    args: () => [this.promiseId] as const,
  });

  private async restore(row: Row) {
    this.busy = true;
    this.error = '';
    this.restored = null;
    try {
      await api.post(`/${row.kind === 'commitment' ? 'commitments' : 'measures'}/${row.id}/restore`, {
        version: row.version,
      });
      this.restored = row;
      this.dispatchEvent(
        new CustomEvent<ArchiveChange>('pt-archive-change', { detail: { archived: false }, bubbles: true }),
      );
    } catch (err) {
      this.error =
        err instanceof ApiError && err.status === 409
          ? t('archive.conflict')
          : err instanceof ApiError && err.status !== 0
            ? err.message
            : t('error.network');
      await this.updateComplete;
      this.querySelector<HTMLElement>('.govuk-error-summary')?.focus();
    } finally {
      this.busy = false;
    }
    await this.rows.run();
  }

  private table(rows: Row[]) {
    return html`<table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--s">
        ${t('archive.listCaption')}
      </caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">${t('archive.col.kind')}</th>
          <th scope="col" class="govuk-table__header">${t('archive.col.name')}</th>
          <th scope="col" class="govuk-table__header">${t('archive.col.state')}</th>
          <th scope="col" class="govuk-table__header">
            <span class="govuk-visually-hidden">${t('archive.col.restore')}</span>
          </th>
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        ${rows.map(
          (r) =>
            html`<tr class="govuk-table__row">
              <td class="govuk-table__cell">${t(`archive.kind.${r.kind}`)}</td>
              <td class="govuk-table__cell">${r.name}</td>
              <td class="govuk-table__cell"><strong class="govuk-tag govuk-tag--grey">${t('archive.tag')}</strong></td>
              <td class="govuk-table__cell">
                <button
                  type="button"
                  class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                  ?disabled=${this.busy}
                  @click=${() => void this.restore(r)}
                >
                  ${t('archive.restoreButton')}<span class="govuk-visually-hidden"> ${r.name}</span>
                </button>
              </td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  override render() {
    const rows = this.rows.value ?? [];
    const notice = html`${
      this.restored
        ? html`<pt-notification-banner
            type="success"
            heading=${t('actions.success')}
            text=${t(`archive.${this.restored.kind}.restored`)}
          ></pt-notification-banner>`
        : nothing
    }
    ${
      this.error
        ? html`<div class="govuk-error-summary" role="alert" tabindex="-1">
            <h2 class="govuk-error-summary__title">${t('error.summaryTitle')}</h2>
            <div class="govuk-error-summary__body"><p class="govuk-body">${this.error}</p></div>
          </div>`
        : nothing
    }`;
    if (!rows.length) return notice;
    return html`${notice}
      <section class="pt-promise-section" aria-labelledby="archived-work">
        <h2 class="govuk-heading-m" id="archived-work">${t('archive.listTitle')}</h2>
        <p class="govuk-body">${t('archive.listIntro')}</p>
        ${this.table(rows)}
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-archived-work': PtArchivedWork;
  }
}
