// What a logged session is and the fields its kind needs: a forum meeting says which forum and
// how many came; a survey says its year, how many answered and the age bands it asked. Light DOM
// inside the page's form, so FormData and the error summary's links reach its boxes; the rules
// themselves are the API contract's (forumSessionCreate), not repeated here.
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { SessionKind, Settings } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { t } from '../i18n/messages.js';

/** The kind's part of a POST /forum-sessions body, read from the form's data. */
export type SessionKindValues =
  | { kind: 'forum'; forumId: string; attendance: number }
  | { kind: 'survey'; title: string; year: string; respondents: number; ageBands: string[] };

/** An empty box is sent as -1, so the API says what is missing rather than the page guessing. */
const wholeNumber = (v: FormDataEntryValue | null) => (v === null || String(v).trim() === '' ? -1 : Number(v));

@customElement('pt-session-kind-fields')
export class PtSessionKindFields extends PtLightElement {
  @property({ attribute: false }) settings?: Settings;
  /** Problems by the API's field path (`attendance`, `ageBands`): each shown against its box. */
  @property({ attribute: false }) errors: Record<string, string> = {};
  @state() kind: SessionKind = 'forum';
  /** A forum meeting's values as the page last had them (a draft kept on this device). */
  @property({ attribute: false }) forumId = '';
  @property({ attribute: false }) attendance = '';

  /** The kind's fields from the form this element sits in. */
  values(data: FormData): SessionKindValues {
    if (this.kind === 'forum')
      return {
        kind: 'forum',
        forumId: String(data.get('forumId') ?? ''),
        attendance: wholeNumber(data.get('attendance')),
      };
    return {
      kind: 'survey',
      title: String(data.get('surveyTitle') ?? ''),
      year: String(data.get('year') ?? ''),
      respondents: wholeNumber(data.get('respondents')),
      ageBands: data.getAll('ageBands').map(String),
    };
  }

  private err(path: string) {
    const m = Object.entries(this.errors).find(([p]) => p === path || p.startsWith(`${path}.`))?.[1];
    return m
      ? html`<p class="govuk-error-message" id="f-${path}-error">
          <span class="govuk-visually-hidden">Error:</span> ${m}
        </p>`
      : nothing;
  }

  private group(path: string) {
    return `govuk-form-group ${this.err(path) === nothing ? '' : 'govuk-form-group--error'}`;
  }

  private described(path: string, hint: boolean) {
    return [hint ? `f-${path}-hint` : '', this.err(path) === nothing ? '' : `f-${path}-error`]
      .filter(Boolean)
      .join(' ');
  }

  private setKind(kind: SessionKind) {
    this.kind = kind;
    this.dispatchEvent(new CustomEvent<SessionKind>('pt-session-kind-change', { detail: kind, bubbles: true }));
  }

  private numberBox(path: string, label: string, hint: string, value = '') {
    return html`<div class=${this.group(path)}>
      <label class="govuk-label" for="f-${path}">${label}</label>
      <div class="govuk-hint" id="f-${path}-hint">${hint}</div>
      ${this.err(path)}
      <input
        class="govuk-input govuk-input--width-4 ${this.err(path) === nothing ? '' : 'govuk-input--error'}"
        id="f-${path}"
        name=${path}
        inputmode="numeric"
        aria-describedby=${this.described(path, true)}
        .value=${value}
      />
    </div>`;
  }

  private forumFields(settings: Settings) {
    return html`<div class=${this.group('forumId')}>
        <label class="govuk-label" for="f-forumId">${t('session.forum')}</label>
        ${this.err('forumId')}
        <select class="govuk-select" id="f-forumId" name="forumId" .value=${this.forumId}>
          ${settings.forums
            .filter((f) => f.active)
            .map((f) => html`<option value=${f.id} ?selected=${f.id === this.forumId}>${f.name}</option>`)}
        </select>
      </div>
      ${this.numberBox('attendance', t('session.attendance'), t('session.attendanceHint'), this.attendance)}`;
  }

  private surveyFields(settings: Settings) {
    return html`<div class=${this.group('title')}>
        <label class="govuk-label" for="f-title">${t('sessionKind.title')}</label>
        ${this.err('title')}
        <input class="govuk-input" id="f-title" name="surveyTitle" />
      </div>
      <div class=${this.group('year')}>
        <label class="govuk-label" for="f-year">${t('sessionKind.year')}</label>
        <div class="govuk-hint" id="f-year-hint">${t('sessionKind.yearHint')}</div>
        ${this.err('year')}
        <input
          class="govuk-input govuk-input--width-5 ${this.err('year') === nothing ? '' : 'govuk-input--error'}"
          id="f-year"
          name="year"
          aria-describedby=${this.described('year', true)}
        />
      </div>
      ${this.numberBox('respondents', t('sessionKind.respondents'), t('sessionKind.respondentsHint'))}
      <div class=${this.group('ageBands')}>
        <fieldset class="govuk-fieldset" aria-describedby=${this.described('ageBands', true)}>
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${t('sessionKind.ageBands')}</legend>
          <div class="govuk-hint" id="f-ageBands-hint">${t('sessionKind.ageBandsHint')}</div>
          ${this.err('ageBands')}
          <div class="govuk-checkboxes govuk-checkboxes--small">
            ${settings.ageBands.map(
              (b, i) =>
                html`<div class="govuk-checkboxes__item">
                  <input
                    class="govuk-checkboxes__input"
                    id=${i === 0 ? 'f-ageBands' : `f-ageBands-${i}`}
                    name="ageBands"
                    type="checkbox"
                    value=${b.id}
                  />
                  <label class="govuk-label govuk-checkboxes__label" for=${i === 0 ? 'f-ageBands' : `f-ageBands-${i}`}
                    >${b.label}</label
                  >
                </div>`,
            )}
          </div>
        </fieldset>
      </div>`;
  }

  override render() {
    const settings = this.settings;
    if (!settings) return nothing;
    const kinds: [SessionKind, string][] = [
      ['forum', t('sessionKind.forum')],
      ['survey', t('sessionKind.survey')],
    ];
    return html`<div class=${this.group('kind')}>
        <fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${t('sessionKind.legend')}</legend>
          ${this.err('kind')}
          <div class="govuk-radios govuk-radios--small govuk-radios--inline">
            ${kinds.map(
              ([kind, label], i) =>
                html`<div class="govuk-radios__item">
                  <input
                    class="govuk-radios__input"
                    id=${i === 0 ? 'f-kind' : `f-kind-${kind}`}
                    name="kind"
                    type="radio"
                    value=${kind}
                    .checked=${this.kind === kind}
                    @change=${() => this.setKind(kind)}
                  />
                  <label class="govuk-label govuk-radios__label" for=${i === 0 ? 'f-kind' : `f-kind-${kind}`}
                    >${label}</label
                  >
                </div>`,
            )}
          </div>
        </fieldset>
      </div>
      ${this.kind === 'forum' ? this.forumFields(settings) : this.surveyFields(settings)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-session-kind-fields': PtSessionKindFields;
  }
}
