// Survey import: choose a CSV, map its columns, check it (every problem listed by row), then
// import all rows or none.
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { FeedbackImportResult, ImportField, Settings } from '../../server/contracts/index.js';
import { IMPORT_MAX_ROWS } from '../../server/contracts/import-limits.js';
import { PtLightElement } from '../light-element.js';
import { ApiError, api } from '../api/client.js';
import { t, type MessageKey } from '../i18n/messages.js';
import '../components/pt-date-input.js';

/** A count as people write it: 100,000, not 100000. */
const counted = (n: number) => n.toLocaleString('en-GB');
/** A count's message, in the singular for one ("Import 1 row", not "Import 1 rows"). */
const many = (key: 'import.commit' | 'import.problems' | 'import.ok' | 'import.done', n: number) =>
  n === 1 ? t(`${key}One`) : t(key, { count: counted(n) });

const FIELDS: ImportField[] = ['text', 'heardOn', 'ageBand', 'source', 'forumId', 'publicText', 'promiseIds'];

@customElement('pt-feedback-import-page')
export class PtFeedbackImportPage extends PtLightElement {
  @state() private csv = '';
  @state() private result: FeedbackImportResult | null = null;
  @state() private mapping: Partial<Record<ImportField, string>> = {};
  @state() private done = 0;
  @state() private error = '';
  @state() private settings: Settings | null = null;

  override connectedCallback() {
    super.connectedCallback();
    document.title = `${t('import.title')} – ${t('app.name')}`;
    void api.get<Settings>('/settings').then((s) => (this.settings = s));
  }

  private async pick(e: Event) {
    const file = (e.target as HTMLInputElement).files?.[0];
    this.csv = file ? await file.text() : '';
    this.mapping = {};
    this.result = null;
    this.done = 0;
    if (this.csv) await this.send(true);
  }

  private defaults() {
    const d: Record<string, string> = { source: 'survey' };
    const form = this.querySelector<HTMLFormElement>('#import-defaults');
    if (form) {
      const data = new FormData(form);
      if (data.get('heardOn')) d.heardOn = String(data.get('heardOn'));
      if (data.get('ageBand')) d.ageBand = String(data.get('ageBand'));
    }
    return d;
  }

  private async send(dryRun: boolean) {
    this.error = '';
    const mapping = Object.keys(this.mapping).length ? this.mapping : undefined;
    try {
      const res = await api.post<FeedbackImportResult>('/feedback/import', {
        csv: this.csv,
        mapping,
        defaults: this.defaults(),
        dryRun,
      });
      this.result = res;
      this.mapping = res.mapping as Partial<Record<ImportField, string>>;
      if (!dryRun) this.done = res.created;
    } catch (err) {
      this.error = err instanceof ApiError ? err.detail || err.message : t('error.generic');
      if (!dryRun) await this.send(true);
    }
  }

  private mapper(r: FeedbackImportResult) {
    return html`<form
      id="import-defaults"
      @change=${(e: Event) => {
        const el = e.target as HTMLSelectElement | HTMLInputElement;
        if (el.name.startsWith('map-')) {
          const field = el.name.slice(4) as ImportField;
          this.mapping = { ...this.mapping, [field]: el.value || undefined };
        }
      }}
      @submit=${(e: Event) => {
        e.preventDefault();
        void this.send(true);
      }}
    >
      ${FIELDS.map(
        (f) =>
          html`<div class="govuk-form-group pt-fb-filter">
            <label class="govuk-label" for="map-${f}"
              >${t('import.map', { field: t(`import.field.${f}` as MessageKey) })}</label
            >
            <select class="govuk-select" id="map-${f}" name="map-${f}">
              <option value="">${t('import.notMapped')}</option>
              ${r.headers.map((h) => html`<option value=${h} ?selected=${this.mapping[f] === h}>${h}</option>`)}
            </select>
          </div>`,
      )}
      <pt-date-input name="heardOn" legend=${t('import.defaultDate')}></pt-date-input>
      <div class="govuk-form-group">
        <label class="govuk-label" for="d-ageBand">${t('import.defaultAge')}</label>
        <select class="govuk-select" id="d-ageBand" name="ageBand">
          <option value="">${t('import.notMapped')}</option>
          ${(this.settings?.ageBands ?? []).map((b) => html`<option value=${b.id}>${b.label}</option>`)}
        </select>
      </div>
      <button class="govuk-button govuk-button--secondary" type="submit">${t('import.check')}</button>
    </form>`;
  }

  private report(r: FeedbackImportResult) {
    if (r.problemCount)
      return html`<div class="govuk-error-summary" role="alert" tabindex="-1">
          <h2 class="govuk-error-summary__title">${many('import.problems', r.problemCount)}</h2>
          ${
            r.problemCount > r.problems.length
              ? html`<p class="govuk-body">${t('import.problemsListed', { shown: r.problems.length })}</p>`
              : nothing
          }
        </div>
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--s">
            ${many('import.problems', r.problemCount)}
          </caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header govuk-table__header--numeric">${t('import.row')}</th>
              <th scope="col" class="govuk-table__header">${t('import.column')}</th>
              <th scope="col" class="govuk-table__header">${t('import.problem')}</th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            ${r.problems.map(
              (p) =>
                html`<tr class="govuk-table__row">
                  <td class="govuk-table__cell govuk-table__cell--numeric">${p.row}</td>
                  <td class="govuk-table__cell">${p.column}</td>
                  <td class="govuk-table__cell">${p.message}</td>
                </tr>`,
            )}
          </tbody>
        </table>`;
    return html`<p class="govuk-body" role="status">${many('import.ok', r.rowCount)}</p>
      <button class="govuk-button" type="button" @click=${() => void this.send(false)}>
        ${many('import.commit', r.rowCount)}
      </button>`;
  }

  override render() {
    return html`<h1 class="govuk-heading-l">${t('import.title')}</h1>
      ${
        this.done
          ? html`<div class="govuk-notification-banner govuk-notification-banner--success" role="status">
              <div class="govuk-notification-banner__content">
                <p class="govuk-body">${many('import.done', this.done)}</p>
              </div>
            </div>`
          : nothing
      }
      ${this.error ? html`<p class="govuk-error-message" role="alert">${this.error}</p>` : nothing}
      <div class="govuk-form-group">
        <label class="govuk-label" for="f-file">${t('import.file')}</label>
        <div class="govuk-hint" id="f-file-hint">${t('import.fileHint', { rows: counted(IMPORT_MAX_ROWS) })}</div>
        <input
          class="govuk-file-upload"
          id="f-file"
          type="file"
          accept=".csv,text/csv"
          aria-describedby="f-file-hint"
          @change=${(e: Event) => void this.pick(e)}
        />
      </div>
      ${this.result && !this.done ? html`${this.mapper(this.result)}${this.report(this.result)}` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-feedback-import-page': PtFeedbackImportPage;
  }
}
