// The council's designated safeguarding lead, on the admin settings page: name, role, phone and
// email. Its own form and save: it sends only these fields with the settings' version (a stale
// version is refused, 409) and says the saved settings to the page (pt-settings-saved).
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Settings, SettingsUpdate } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { ApiError, api } from '../api/client.js';
import { t, type MessageKey } from '../i18n/messages.js';
import type { SummaryError } from './pt-error-summary.js';
import './pt-text-field.js';
import './pt-error-summary.js';
import './pt-notification-banner.js';

const FIELDS = [
  { key: 'safeguardingLeadName', label: 'safeguardingLead.name' },
  { key: 'safeguardingLeadRole', label: 'safeguardingLead.role', hint: 'safeguardingLead.roleHint' },
  { key: 'safeguardingLeadPhone', label: 'safeguardingLead.phone', hint: 'safeguardingLead.phoneHint', width: '20' },
  { key: 'safeguardingLeadEmail', label: 'safeguardingLead.email', type: 'email' },
] as const satisfies readonly {
  key: keyof Settings;
  label: MessageKey;
  hint?: MessageKey;
  type?: 'email';
  width?: string;
}[];
type LeadKey = (typeof FIELDS)[number]['key'];

@customElement('pt-safeguarding-lead-settings')
export class PtSafeguardingLeadSettings extends PtLightElement {
  /** The settings as the page last loaded or saved them. */
  @property({ attribute: false }) settings: Settings | null = null;
  @state() private errors: Record<string, string> = {};
  @state() private saved = false;
  @state() private busy = false;
  /** What the form held at the last save, so a refused entry stays on screen with its message. */
  @state() private typed: Partial<Record<LeadKey, string>> | null = null;

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    const s = this.settings;
    if (!s || this.busy) return;
    const form = new FormData(e.target as HTMLFormElement);
    const typed = Object.fromEntries(FIELDS.map((f) => [f.key, String(form.get(f.key) ?? '').trim()])) as Record<
      LeadKey,
      string
    >;
    this.typed = typed;
    this.errors = {};
    this.saved = false;
    const body: SettingsUpdate = { version: s.version, ...typed };
    this.busy = true;
    try {
      const next = await api.put<Settings>('/settings', body);
      this.saved = true;
      this.typed = null;
      this.dispatchEvent(new CustomEvent('pt-settings-saved', { detail: next, bubbles: true }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) this.errors = { form: t('safeguardingLead.stale') };
      else if (err instanceof ApiError && Object.keys(err.fieldErrors).length) this.errors = { ...err.fieldErrors };
      else this.errors = { form: err instanceof ApiError && err.detail ? err.detail : t('error.generic') };
      void this.updateComplete.then(() => this.querySelector<HTMLElement>('.govuk-error-summary')?.focus());
    } finally {
      this.busy = false;
    }
  }

  private summary(): SummaryError[] {
    return Object.entries(this.errors).map(([key, message]) => ({
      fieldId: key === 'form' ? 'f-safeguardingLeadName' : `f-${key}`,
      message,
    }));
  }

  override render() {
    const s = this.settings;
    if (!s) return nothing;
    return html`<section aria-labelledby="pt-safeguarding-lead-title">
      <h2 class="govuk-heading-m" id="pt-safeguarding-lead-title">${t('safeguardingLead.title')}</h2>
      ${
        this.saved
          ? html`<pt-notification-banner
              type="success"
              heading=${t('safeguardingLead.saved')}
            ></pt-notification-banner>`
          : nothing
      }
      <pt-error-summary .errors=${this.summary()}></pt-error-summary>
      <p class="govuk-body">${t('safeguardingLead.intro')}</p>
      <form novalidate @submit=${(e: SubmitEvent) => void this.submit(e)}>
        ${FIELDS.map(
          (f) =>
            html`<pt-text-field
              name=${f.key}
              label=${t(f.label)}
              hint=${'hint' in f ? t(f.hint) : ''}
              type=${'type' in f ? f.type : 'text'}
              width=${'width' in f ? f.width : ''}
              autocomplete="off"
              .value=${this.typed?.[f.key] ?? s[f.key]}
              error=${this.errors[f.key] ?? ''}
            ></pt-text-field>`,
        )}
        <button type="submit" class="govuk-button govuk-button--secondary" ?disabled=${this.busy}>
          ${t('safeguardingLead.save')}
        </button>
      </form>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-safeguarding-lead-settings': PtSafeguardingLeadSettings;
  }
}
