// The "You said, we did" sheet for the next forum meeting: every answer since the forum last
// met, in child-friendly words, laid out to print on A4 (see _feedback.scss @media print). Where
// the council uses Welsh it can be printed in Welsh, from the approved Welsh words (the approved
// English where none is written yet). Dates are in words in the sheet's language.
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { Settings, YouSaidSheet } from '../../server/contracts/index.js';
import { dateWords } from '../../server/domain/date-words.js';
import { PtLightElement } from '../light-element.js';
import { api } from '../api/client.js';
import { t, type MessageKey } from '../i18n/messages.js';
import { taskView } from '../components/task-view.js';

type Lang = 'en' | 'cy';

/** The printed words in the sheet's language: the staff catalogue holds the Welsh ones as sheet.cy.*. */
type SheetWord = 'title' | 'since' | 'allTime' | 'youSaid' | 'weDid' | 'doing' | 'cant' | 'empty';
const word = (lang: Lang, key: SheetWord, params?: Record<string, string | number>) =>
  t((lang === 'cy' ? `sheet.cy.${key}` : `sheet.${key}`) as MessageKey, params);

@customElement('pt-feedback-sheet-page')
export class PtFeedbackSheetPage extends PtLightElement {
  @state() private forumId = '';
  @state() private sheetLang: Lang = 'en';

  private load = new Task(this, {
    task: async ([forumId, lang], { signal }) => {
      const settings = await api.get<Settings>('/settings', signal);
      const id = forumId || settings.forums[0]?.id || '';
      const asked = lang === 'cy' && settings.useWelsh ? '&lang=cy' : '';
      const sheet = id
        ? await api.get<YouSaidSheet>(`/feedback/you-said-we-did?forumId=${encodeURIComponent(id)}${asked}`, signal)
        : null;
      return { settings, sheet };
    },
    args: () => [this.forumId, this.sheetLang] as const,
  });

  override connectedCallback() {
    super.connectedCallback();
    document.title = `${t('sheet.title')} – ${t('app.name')}`;
  }

  private languageChoice(sheet: YouSaidSheet) {
    if (!sheet.useWelsh) return nothing;
    return html`<div class="govuk-form-group">
      <label class="govuk-label" for="s-lang">${t('sheet.language')}</label>
      <select
        class="govuk-select"
        id="s-lang"
        @change=${(e: Event) => (this.sheetLang = (e.target as HTMLSelectElement).value as Lang)}
      >
        ${(['en', 'cy'] as const).map(
          (l) => html`<option value=${l} ?selected=${l === sheet.lang}>${t(`sheet.language.${l}`)}</option>`,
        )}
      </select>
    </div>`;
  }

  private printed(sheet: YouSaidSheet) {
    const lang = sheet.lang;
    const since = sheet.since ? word(lang, 'since', { date: dateWords(sheet.since, lang, sheet.timeZone) }) : '';
    return html`<div lang=${lang}>
      <h1 class="govuk-heading-xl">${word(lang, 'title')}</h1>
      <p class="govuk-body-l">${sheet.councilName} · ${sheet.forumName} · ${since || word(lang, 'allTime')}</p>
      ${sheet.items.length === 0 ? html`<p class="govuk-body">${word(lang, 'empty')}</p>` : nothing}
      ${sheet.items.map(
        (i) =>
          html`<section class="pt-fb-sheet__item">
            <h2 class="govuk-heading-m">${word(lang, 'youSaid')} (${i.who})</h2>
            <p class="govuk-body-l">“${i.youSaid}”</p>
            <h2 class="govuk-heading-m">
              ${word(lang, i.response === 'did' ? 'weDid' : i.response === 'doing' ? 'doing' : 'cant')}
            </h2>
            <p class="govuk-body-l">${i.response === 'cant' ? i.cantReason : i.weDid}</p>
            ${
              i.commitments.length
                ? html`<ul class="govuk-list govuk-list--bullet">
                    ${i.commitments.map((c) => html`<li>${c}</li>`)}
                  </ul>`
                : nothing
            }
          </section>`,
      )}
    </div>`;
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
            ${sheet ? this.languageChoice(sheet) : nothing}
            <button class="govuk-button govuk-button--secondary" type="button" @click=${() => window.print()}>
              ${t('sheet.print')}
            </button>
            ${sheet && sheet.missingPublicText ? html`<p class="govuk-inset-text">${t('sheet.missing', { count: sheet.missingPublicText })}</p>` : nothing}
            ${
              sheet && sheet.lang === 'cy' && sheet.items.some((i) => i.welshMissing)
                ? html`<p class="govuk-inset-text">
                    ${t('sheet.welshGaps', { count: sheet.items.filter((i) => i.welshMissing).length })}
                  </p>`
                : nothing
            }
          </div>
          ${sheet ? this.printed(sheet) : html`<h1 class="govuk-heading-xl">${t('sheet.title')}</h1>`}
        </div>`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-feedback-sheet-page': PtFeedbackSheetPage;
  }
}
