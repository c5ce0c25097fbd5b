// "My notifications": each person chooses which reminder emails they get: weekly (with the
// pre-board reminders), only before the board meets, or none.
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { MyNotifications, NotifyChoice } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { ApiError, api } from '../api/client.js';
import { t, type MessageKey } from '../i18n/messages.js';
import { taskView } from '../components/task-view.js';
import '../components/pt-radios-field.js';
import '../components/pt-notification-banner.js';
import '../components/pt-error-summary.js';

const CHOICES: readonly NotifyChoice[] = ['weekly', 'board_only', 'none'];
const LABEL: Record<NotifyChoice, MessageKey> = {
  weekly: 'myNotifications.weekly',
  board_only: 'myNotifications.boardOnly',
  none: 'myNotifications.none',
};

@customElement('pt-my-notifications-page')
export class PtMyNotificationsPage extends PtLightElement {
  @state() private saved = false;
  @state() private busy = false;
  @state() private error = '';

  private data = new Task(this, {
    task: (_args, { signal }) => api.get<MyNotifications>('/me/notifications', signal),
    args: () => [] as const,
  });

  override connectedCallback() {
    super.connectedCallback();
    document.title = `${t('myNotifications.title')} – ${t('app.name')}`;
  }

  private async submit(e: SubmitEvent, current: MyNotifications) {
    e.preventDefault();
    const notify = (new FormData(e.target as HTMLFormElement).get('notify') ?? current.notify) as NotifyChoice;
    this.busy = true;
    this.error = '';
    try {
      await api.put<MyNotifications>('/me/notifications', { notify });
      await this.data.run();
      this.saved = true;
      await this.updateComplete;
      this.querySelector<HTMLElement>('.govuk-notification-banner')?.focus();
    } catch (err) {
      this.error = err instanceof ApiError && err.detail ? err.detail : t('error.generic');
    } finally {
      this.busy = false;
    }
  }

  private view(d: MyNotifications) {
    const day = t(`weekday.${d.digestWeekday}` as MessageKey);
    return html`<div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        ${
          this.saved
            ? html`<pt-notification-banner
                type="success"
                heading=${t('myNotifications.saved')}
              ></pt-notification-banner>`
            : nothing
        }
        <pt-error-summary
          .errors=${this.error ? [{ fieldId: 'f-notify', message: this.error }] : []}
        ></pt-error-summary>
        <h1 class="govuk-heading-l">${t('myNotifications.title')}</h1>
        <p class="govuk-body">${t('myNotifications.intro')}</p>
        <p class="govuk-body">
          ${d.sending ? t('myNotifications.sentTo', { email: d.email }) : t('myNotifications.notSending')}
        </p>
        <form novalidate @submit=${(e: SubmitEvent) => void this.submit(e, d)}>
          <pt-radios-field
            name="notify"
            legend=${t('myNotifications.legend')}
            hint=${t('myNotifications.weeklyHint', { day })}
            .value=${d.notify}
            error=${this.error}
            .options=${CHOICES.map((c) => ({ value: c, label: t(LABEL[c]) }))}
          ></pt-radios-field>
          <p class="govuk-inset-text">${t('myNotifications.escalations')}</p>
          <button type="submit" class="govuk-button" ?disabled=${this.busy}>${t('myNotifications.save')}</button>
        </form>
      </div>
    </div>`;
  }

  override render() {
    return taskView(this.data, (d) => this.view(d), t('myNotifications.title'));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-my-notifications-page': PtMyNotificationsPage;
  }
}
