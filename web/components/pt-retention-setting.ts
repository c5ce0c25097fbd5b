// The council's retention period for children's original words, on the admin settings page: its
// own small form, saved on its own (PUT /privacy/retention), with how many items the next daily
// run would erase.
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { Retention } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { ApiError, api } from '../api/client.js';
import { t } from '../i18n/messages.js';
import type { SummaryError } from './pt-error-summary.js';
import './pt-error-summary.js';
import './pt-text-field.js';
import './pt-loading.js';
import './pt-error-state.js';

/** Sent after a save: the settings row's new version, so the page's own form is not stale. */
export type PtSettingsVersionEvent = CustomEvent<number>;

@customElement('pt-retention-setting')
export class PtRetentionSetting extends PtLightElement {
  @state() private current: Retention | null = null;
  @state() private value = '';
  @state() private error = '';
  @state() private saved = '';
  @state() private busy = false;

  private load = new Task(this, {
    task: async (_a, { signal }) => {
      const r = await api.get<Retention>('/privacy/retention', signal);
      this.current = r;
      this.value = String(r.retentionMonths);
      return r;
    },
    args: () => [] as const,
  });

  private async save(event: SubmitEvent) {
    event.preventDefault();
    const current = this.current;
    if (!current || this.busy) return;
    this.saved = '';
    this.error = '';
    const months = Number(this.value.trim());
    if (!/^\d+$/.test(this.value.trim())) {
      this.error = t('retention.notWhole');
      return;
    }
    this.busy = true;
    try {
      const r = await api.put<Retention>('/privacy/retention', { version: current.version, retentionMonths: months });
      this.current = r;
      this.saved = t('retention.saved', { months: r.retentionMonths });
      this.dispatchEvent(new CustomEvent('pt-settings-version', { detail: r.version, bubbles: true, composed: true }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) this.error = err.fieldErrors.retentionMonths ?? err.detail;
      else if (err instanceof ApiError && err.status === 409) this.error = t('retention.stale');
      else this.error = t('retention.failed');
    } finally {
      this.busy = false;
    }
  }

  private due(n: number) {
    if (n === 0) return t('retention.dueNone');
    if (n === 1) return t('retention.dueOne');
    return t('retention.due', { count: n });
  }

  private form(r: Retention) {
    const errors: SummaryError[] = this.error ? [{ fieldId: 'f-retentionMonths', message: this.error }] : [];
    return html`<pt-error-summary .errors=${errors}></pt-error-summary>
      ${this.saved ? html`<p class="govuk-body govuk-!-font-weight-bold" role="status">${this.saved}</p>` : nothing}
      <form novalidate @submit=${(e: SubmitEvent) => void this.save(e)}>
        <pt-text-field
          name="retentionMonths"
          label=${t('retention.months')}
          hint=${t('retention.monthsHint')}
          width="3"
          .value=${this.value}
          error=${this.error}
          @input=${(e: Event) => (this.value = (e.target as HTMLInputElement).value)}
        ></pt-text-field>
        <p class="govuk-body" data-testid="retention-due">${this.due(r.dueNow)}</p>
        <button type="submit" class="govuk-button govuk-button--secondary" ?disabled=${this.busy}>
          ${t('retention.save')}
        </button>
      </form>`;
  }

  override render() {
    return html`<section aria-labelledby="pt-retention-title">
      <h2 class="govuk-heading-m" id="pt-retention-title">${t('retention.title')}</h2>
      ${this.load.render({
        pending: () => html`<pt-loading></pt-loading>`,
        complete: () => (this.current ? this.form(this.current) : nothing),
        error: (err) => html`<pt-error-state .error=${err} @pt-retry=${() => void this.load.run()}></pt-error-state>`,
      })}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-retention-setting': PtRetentionSetting;
  }
  interface HTMLElementEventMap {
    'pt-settings-version': PtSettingsVersionEvent;
  }
}
