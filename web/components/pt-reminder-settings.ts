// The council's reminder settings, on the admin settings page: the weekly email's day, the
// escalation ladder (after how many board cycles each person is told) and who the director of
// children's services and the board chair are. Its own form and save: it sends only these
// fields, with the settings' version, and says the new version to the page (pt-settings-saved).
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { Account, Settings, SettingsUpdate } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { ApiError, api } from '../api/client.js';
import { t, type MessageKey } from '../i18n/messages.js';
import type { SummaryError } from './pt-error-summary.js';
import './pt-text-field.js';
import './pt-select-field.js';
import './pt-error-summary.js';
import './pt-notification-banner.js';

const RUNGS = ['manager', 'director', 'chair'] as const;
type Rung = (typeof RUNGS)[number];

@customElement('pt-reminder-settings')
export class PtReminderSettings extends PtLightElement {
  /** The settings as the page last loaded or saved them. */
  @property({ attribute: false }) settings: Settings | null = null;
  @state() private errors: Record<string, string> = {};
  @state() private saved = false;
  @state() private busy = false;
  /** What the form held at the last save, so a refused entry stays on screen with its message. */
  @state() private typed: Record<string, string> | null = null;

  private people = new Task(this, {
    task: (_args, { signal }) => api.get<{ items: Account[] }>('/users', signal).then((r) => r.items),
    args: () => [] as const,
  });

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    const s = this.settings;
    if (!s) return;
    const form = new FormData(e.target as HTMLFormElement);
    const errors: Record<string, string> = {};
    const ladder = {} as Record<Rung, number>;
    for (const r of RUNGS) {
      const raw = String(form.get(`ladder.${r}`) ?? '').trim();
      const n = Number(raw);
      if (!/^\d{1,2}$/.test(raw) || n > 12) errors[`escalationLadder.${r}`] = t('reminderSettings.cycles');
      ladder[r] = n;
    }
    const who = (name: string) => (form.get(name) ? Number(form.get(name)) : null);
    this.typed = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
    this.errors = errors;
    this.saved = false;
    if (Object.keys(errors).length) return this.focusSummary();
    const body: SettingsUpdate = {
      version: s.version,
      digestWeekday: Number(form.get('digestWeekday')),
      escalationLadder: ladder,
      directorId: who('directorId'),
      chairId: who('chairId'),
    };
    this.busy = true;
    try {
      const next = await api.put<Settings>('/settings', body);
      this.saved = true;
      this.typed = null;
      this.dispatchEvent(new CustomEvent('pt-settings-saved', { detail: next, bubbles: true }));
    } catch (err) {
      this.errors =
        err instanceof ApiError && Object.keys(err.fieldErrors).length
          ? { ...err.fieldErrors }
          : { form: err instanceof ApiError && err.detail ? err.detail : t('error.generic') };
      this.focusSummary();
    } finally {
      this.busy = false;
    }
  }

  private focusSummary() {
    void this.updateComplete.then(() => this.querySelector<HTMLElement>('.govuk-error-summary')?.focus());
  }

  private summary(): SummaryError[] {
    return Object.entries(this.errors).map(([key, message]) => ({
      fieldId: key === 'form' ? 'f-digestWeekday' : `f-${key.replace('escalationLadder.', 'ladder.')}`,
      message,
    }));
  }

  private view(s: Settings, people: Account[]) {
    const shown = (name: string, saved: number | null) => this.typed?.[name] ?? (saved === null ? '' : String(saved));
    const active = people.filter((p) => !p.disabled);
    const choose = [
      { value: '', label: t('reminderSettings.nobody') },
      ...active.map((p) => ({ value: String(p.id), label: p.jobTitle ? `${p.name} (${p.jobTitle})` : p.name })),
    ];
    return html`<section class="pt-reminder-settings" aria-labelledby="reminder-settings">
      <h2 class="govuk-heading-m" id="reminder-settings">${t('reminderSettings.title')}</h2>
      ${
        this.saved
          ? html`<pt-notification-banner
              type="success"
              heading=${t('reminderSettings.saved')}
            ></pt-notification-banner>`
          : nothing
      }
      <pt-error-summary .errors=${this.summary()}></pt-error-summary>
      <p class="govuk-body">${t('reminderSettings.intro', { stale: s.staleAfterDays })}</p>
      <form novalidate @submit=${(e: SubmitEvent) => void this.submit(e)}>
        <pt-select-field
          name="digestWeekday"
          label=${t('reminderSettings.weekday')}
          .value=${shown('digestWeekday', s.digestWeekday)}
          .options=${[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: t(`weekday.${d}` as MessageKey) }))}
        ></pt-select-field>
        <div class="govuk-form-group">
          <fieldset class="govuk-fieldset" aria-describedby="ladder-hint">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${t('reminderSettings.ladder')}</legend>
            <div class="govuk-hint" id="ladder-hint">${t('reminderSettings.ladderHint')}</div>
            ${RUNGS.map(
              (r) =>
                html`<pt-text-field
                  name="ladder.${r}"
                  label=${t(`reminderSettings.${r}`)}
                  width="2"
                  .value=${shown(`ladder.${r}`, s.escalationLadder[r])}
                  error=${this.errors[`escalationLadder.${r}`] ?? ''}
                ></pt-text-field>`,
            )}
          </fieldset>
        </div>
        <pt-select-field
          name="directorId"
          label=${t('reminderSettings.directorWho')}
          .value=${shown('directorId', s.directorId)}
          error=${this.errors.directorId ?? ''}
          .options=${choose}
        ></pt-select-field>
        <pt-select-field
          name="chairId"
          label=${t('reminderSettings.chairWho')}
          .value=${shown('chairId', s.chairId)}
          error=${this.errors.chairId ?? ''}
          .options=${choose}
        ></pt-select-field>
        <button type="submit" class="govuk-button govuk-button--secondary" ?disabled=${this.busy}>
          ${t('reminderSettings.save')}
        </button>
      </form>
    </section>`;
  }

  override render() {
    const s = this.settings;
    if (!s) return nothing;
    return this.people.render({
      pending: () => nothing,
      complete: (people) => this.view(s, people),
      error: () => this.view(s, []),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-reminder-settings': PtReminderSettings;
  }
}
