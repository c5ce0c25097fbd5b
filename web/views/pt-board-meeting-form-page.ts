// Plan a board meeting: its date, title and an optional theme to focus on.
import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { BoardMeeting, Theme } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { ApiError, api } from '../api/client.js';
import { navigate } from '../router.js';
import { t } from '../i18n/messages.js';
import '../components/pt-text-field.js';
import '../components/pt-date-input.js';
import '../components/pt-select-field.js';
import '../components/pt-error-summary.js';
import { taskView } from '../components/task-view.js';

const FIELDS: Record<string, string> = { meetingDate: 'meetingDate', title: 'title', focusThemeId: 'focusThemeId' };

@customElement('pt-board-meeting-form-page')
export class PtBoardMeetingFormPage extends PtLightElement {
  @state() private errors: Record<string, string> = {};

  private themes = new Task(this, {
    task: (_args, { signal }) => api.get<{ items: Theme[] }>('/themes?pageSize=200', signal),
    args: () => [],
  });

  private async submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const focus = String(form.get('focusThemeId') ?? '');
    try {
      const meeting = await api.post<BoardMeeting>('/board/meetings', {
        meetingDate: String(form.get('meetingDate') ?? '').trim(),
        title: String(form.get('title') ?? ''),
        focusThemeId: focus ? Number(focus) : null,
      });
      navigate(`/board/meetings/${meeting.id}`);
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fieldErrors).length) this.errors = e.fieldErrors;
      else this.errors = { _: (e as Error).message };
    }
  }

  private view(themes: Theme[]) {
    document.title = `${t('meeting.new.title')} – ${t('app.name')}`;
    const summary = Object.entries(this.errors).map(([k, message]) => ({
      fieldId: `f-${FIELDS[k] ?? 'meetingDate'}`,
      message,
    }));
    return html`<a class="govuk-back-link" href="/board">${t('meeting.back')}</a>
      <pt-error-summary .errors=${summary}></pt-error-summary>
      <h1 class="govuk-heading-l">${t('meeting.new.title')}</h1>
      <form @submit=${this.submit} novalidate>
        <pt-date-input
          name="meetingDate"
          legend=${t('meeting.field.date')}
          hint=${t('meeting.field.dateHint')}
          error=${this.errors.meetingDate ?? ''}
        ></pt-date-input>
        <pt-text-field
          name="title"
          label=${t('meeting.field.title')}
          value=${t('board.title')}
          error=${this.errors.title ?? ''}
        ></pt-text-field>
        <pt-select-field
          name="focusThemeId"
          label=${t('meeting.field.focus')}
          error=${this.errors.focusThemeId ?? ''}
          .options=${[{ value: '', label: t('meeting.field.noFocus') }, ...themes.filter((th) => !th.archived).map((th) => ({ value: String(th.id), label: th.name }))]}
        ></pt-select-field>
        <button class="govuk-button" type="submit">${t('meeting.create')}</button>
      </form>`;
  }

  override render() {
    return taskView(this.themes, (d) => this.view(d.items));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-board-meeting-form-page': PtBoardMeetingFormPage;
  }
}
