// The "You said, we did" sheet for the next forum meeting: every answer since the forum last
// met, in child-friendly words, laid out to print on A4 (see _feedback.scss @media print).
import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { Settings, YouSaidSheet } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { api } from '../api/client.js';
import { t } from '../i18n/messages.js';
import { taskView } from '../components/task-view.js';

@customElement('pt-feedback-sheet-page')
export class PtFeedbackSheetPage extends PtLightElement {
  @state() private forumId = '';

  private load = new Task(this, {
    task: async ([forumId], { signal }) => {
      const settings = await api.get<Settings>('/settings', signal);
      const id = forumId || settings.forums[0]?.id || '';
      const sheet = id
        ? await api.get<YouSaidSheet>(`/feedback/you-said-we-did?forumId=${encodeURIComponent(id)}`, signal)
        : null;
      return { settings, sheet };
    },
    args: () => [this.forumId] as const,
  });

  override connectedCallback() {
    super.connectedCallback();
    document.title = `${t('sheet.title')} – ${t('app.name')}`;
  }

  override render() {
    return taskView(
      this.load,
      ({ settings, sheet }) =>
        html`<div class="pt-fb-sheet">
          <div class="pt-fb-noprint">
            <div class="govuk-form-group">
              <label class="govuk-label" for="s-forum">${t('sheet.forum')}</label>
              <select
                class="govuk-select"
                id="s-forum"
                @change=${(e: Event) => (this.forumId = (e.target as HTMLSelectElement).value)}
              >
                ${settings.forums.map((f) => html`<option value=${f.id} ?selected=${f.id === sheet?.forumId}>${f.name}</option>`)}
              </select>
            </div>
            <button class="govuk-button govuk-button--secondary" type="button" @click=${() => window.print()}>
              ${t('sheet.print')}
            </button>
            ${sheet && sheet.missingPublicText ? html`<p class="govuk-inset-text">${t('sheet.missing', { count: sheet.missingPublicText })}</p>` : ''}
          </div>
          <h1 class="govuk-heading-xl">${t('sheet.title')}</h1>
          ${
            sheet
              ? html`<p class="govuk-body-l">
                    ${sheet.forumName} · ${sheet.since ? t('sheet.since', { date: sheet.since }) : t('sheet.allTime')}
                  </p>
                  ${sheet.items.length === 0 ? html`<p class="govuk-body">${t('sheet.empty')}</p>` : ''}
                  ${sheet.items.map(
                    (i) =>
                      html`<section class="pt-fb-sheet__item">
                        <h2 class="govuk-heading-m">${t('sheet.youSaid')} (${i.who})</h2>
                        <p class="govuk-body-l">“${i.youSaid}”</p>
                        <h2 class="govuk-heading-m">
                          ${t(i.response === 'did' ? 'sheet.weDid' : i.response === 'doing' ? 'sheet.doing' : 'sheet.cant')}
                        </h2>
                        <p class="govuk-body-l">${i.response === 'cant' ? i.cantReason : i.weDid}</p>
                        ${
                          i.commitments.length
                            ? html`<ul class="govuk-list govuk-list--bullet">
                                ${i.commitments.map((c) => html`<li>${c}</li>`)}
                              </ul>`
                            : ''
                        }
                      </section>`,
                  )}`
              : ''
          }
        </div>`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-feedback-sheet-page': PtFeedbackSheetPage;
  }
}
