// GOV.UK table with a caption, right-aligned numbers and sortable columns. Sort buttons sit in
// the headers and aria-sort says which column is sorted and which way.
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { PtLightElement } from '../light-element.js';
import { t } from '../i18n/messages.js';

export type Column<Row> = {
  key: string;
  label: string;
  numeric?: boolean;
  /** The value sorted on; a column without it cannot be sorted. */
  sortValue?: (row: Row) => string | number;
  render: (row: Row) => string | number | TemplateResult;
};

type Direction = 'ascending' | 'descending';

@customElement('pt-data-table')
export class PtDataTable<Row = unknown> extends PtLightElement {
  @property() caption = '';
  @property({ type: Boolean, attribute: 'caption-visible' }) captionVisible = false;
  @property({ attribute: false }) columns: Column<Row>[] = [];
  @property({ attribute: false }) rows: Row[] = [];

  @state() private sortKey: string | null = null;
  @state() private direction: Direction = 'ascending';

  private sorted(): Row[] {
    const col = this.columns.find((c) => c.key === this.sortKey);
    if (!col?.sortValue) return this.rows;
    const value = col.sortValue;
    const factor = this.direction === 'ascending' ? 1 : -1;
    return [...this.rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (typeof x === 'number' && typeof y === 'number') return (x - y) * factor;
      return String(x).localeCompare(String(y), 'en-GB', { numeric: true }) * factor;
    });
  }

  private sortBy(key: string) {
    if (this.sortKey === key) this.direction = this.direction === 'ascending' ? 'descending' : 'ascending';
    else {
      this.sortKey = key;
      this.direction = 'ascending';
    }
  }

  private header(col: Column<Row>) {
    const cls = `govuk-table__header${col.numeric ? ' govuk-table__header--numeric' : ''}`;
    if (!col.sortValue) return html`<th scope="col" class=${cls}>${col.label}</th>`;
    const sorted = this.sortKey === col.key;
    const ariaSort = sorted ? this.direction : 'none';
    const icon = !sorted ? '↕' : this.direction === 'ascending' ? '▲' : '▼';
    return html`<th scope="col" class=${cls} aria-sort=${ariaSort}>
      <button type="button" class="pt-table__sort" @click=${() => this.sortBy(col.key)}>
        ${col.label}<span class="pt-table__sort-icon" aria-hidden="true">${icon}</span>
      </button>
    </th>`;
  }

  override render() {
    const captionClass = this.captionVisible ? 'govuk-table__caption govuk-table__caption--m' : 'pt-visually-hidden';
    return html`<table class="govuk-table">
      <caption class=${captionClass}>
        ${this.caption}${
          this.sortKey
            ? html`<span class="pt-visually-hidden"
                >, ${this.direction === 'ascending' ? t('table.sortAscending') : t('table.sortDescending')}</span
              >`
            : nothing
        }
      </caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          ${this.columns.map((c) => this.header(c))}
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        ${this.sorted().map(
          (row) =>
            html`<tr class="govuk-table__row">
              ${this.columns.map(
                (c) =>
                  html`<td class="govuk-table__cell${c.numeric ? ' govuk-table__cell--numeric' : ''}">
                    ${c.render(row)}
                  </td>`,
              )}
            </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-data-table': PtDataTable;
  }
}
