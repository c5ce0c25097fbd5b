// Staff tools for the children's kiosk (/admin/kiosk): a link to the kiosk itself (/kiosk), the
// children's verdict sessions (participation workers and admins start one with the members
// present, see its PIN once, end it, and see how many members took part), and the Welsh parity report (GET /welsh-parity): child-facing text whose Welsh is missing or stale.
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { RatingSession, RatingSessionStarted, WelshGap, WelshParity } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { api, ApiError } from '../api/client.js';
import { hasRole } from '../session.js';
import { t, type MessageKey } from '../i18n/messages.js';
import '../components/pt-download-link.js';
import '../components/pt-loading.js';
import '../components/pt-error-state.js';
import '../components/pt-error-summary.js';
import { dayTime } from '../dates.js';

/** The members field's problem, or '' when it holds a whole number from 1 to 200. */
function membersProblem(value: string): string {
  const v = value.trim();
  if (!v) return t('kioskAdmin.membersMissing');
  if (!/^\d+$/.test(v)) return t('kioskAdmin.membersWhole');
  const n = Number(v);
  return n < 1 || n > 200 ? t('kioskAdmin.membersRange') : '';
}

/** The field a gap's Welsh is written in, in words ('' for a field this page has no words for). */
const fieldWords = (field: string): string =>
  field in FIELD_WORDS ? t(FIELD_WORDS[field as keyof typeof FIELD_WORDS]) : field;
const FIELD_WORDS = {
  childNameCy: 'kioskAdmin.field.childNameCy',
  childTextCy: 'kioskAdmin.field.childTextCy',
  childTitleCy: 'kioskAdmin.field.childTitleCy',
  childUpdateCy: 'kioskAdmin.field.childUpdateCy',
  childLabelCy: 'kioskAdmin.field.childLabelCy',
  responseTextCy: 'kioskAdmin.field.responseTextCy',
  cantReasonCy: 'kioskAdmin.field.cantReasonCy',
  childSentenceCy: 'kioskAdmin.field.childSentenceCy',
} as const satisfies Record<string, MessageKey>;

@customElement('pt-kiosk-admin-page')
export class PtKioskAdminPage extends PtLightElement {
  @state() private started: RatingSessionStarted | null = null;
  @state() private failed = false;
  @state() private minutes = '120';
  @state() private members = '';
  @state() private membersError = '';

  private readonly canRun = hasRole('admin', 'participation');

  private sessions = new Task(this, {
    task: async () => (this.canRun ? (await api.get<{ items: RatingSession[] }>('/rating-sessions')).items : []),
    args: () => [],
  });

  private parity = new Task(this, {
    // The one report (db/repositories/welsh-parity.ts): live copies only, with what is stale.
    task: async () => (await api.get<WelshParity>('/welsh-parity')).items,
    args: () => [],
  });

  override render() {
    return html`<h1 class="govuk-heading-l">${t('kioskAdmin.title')}</h1>
      <p class="govuk-body">${t('kioskAdmin.intro')}</p>
      <p class="govuk-body"><a class="govuk-link" href="/kiosk" target="_self">${t('kioskAdmin.open')}</a></p>
      ${this.canRun ? this.sessionsSection() : nothing} ${this.paritySection()}`;
  }

  private sessionsSection() {
    return html`<h2 class="govuk-heading-m">${t('kioskAdmin.sessionsTitle')}</h2>
      <p class="govuk-body">${t('kioskAdmin.sessionsIntro')}</p>
      ${
        this.failed
          ? html`<div class="govuk-error-summary" role="alert" tabindex="-1">
              <p class="govuk-body">${t('kioskAdmin.failed')}</p>
            </div>`
          : nothing
      }
      ${
        this.started
          ? html`<div class="govuk-panel govuk-panel--confirmation pt-kiosk-admin-pin" role="status">
              <h3 class="govuk-panel__title">${t('kioskAdmin.pinTitle')}</h3>
              <div class="govuk-panel__body">
                <strong class="pt-kiosk-admin-pin__digits">${this.started.pin}</strong>
              </div>
              <p class="govuk-body">${t('kioskAdmin.pinBody', { until: dayTime(this.started.expiresAt) })}</p>
            </div>`
          : nothing
      }
      <pt-error-summary
        .errors=${this.membersError ? [{ fieldId: 'f-members', message: this.membersError }] : []}
      ></pt-error-summary>
      <form novalidate @submit=${(e: SubmitEvent) => void this.start(e)}>
        <div class="govuk-form-group ${this.membersError ? 'govuk-form-group--error' : ''}">
          <label class="govuk-label" for="f-members">${t('kioskAdmin.members')}</label>
          <div id="f-members-hint" class="govuk-hint">${t('kioskAdmin.membersHint')}</div>
          ${
            this.membersError
              ? html`<p id="f-members-error" class="govuk-error-message">
                  <span class="govuk-visually-hidden">${t('error.prefix')}</span> ${this.membersError}
                </p>`
              : nothing
          }
          <input
            class="govuk-input govuk-input--width-4 ${this.membersError ? 'govuk-input--error' : ''}"
            id="f-members"
            name="members"
            inputmode="numeric"
            autocomplete="off"
            aria-describedby=${this.membersError ? 'f-members-hint f-members-error' : 'f-members-hint'}
            .value=${this.members}
            @input=${(e: InputEvent) => (this.members = (e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="govuk-form-group">
          <label class="govuk-label" for="f-minutes">${t('kioskAdmin.minutes')}</label>
          <div id="f-minutes-hint" class="govuk-hint">${t('kioskAdmin.minutesHint')}</div>
          <input
            class="govuk-input govuk-input--width-4"
            id="f-minutes"
            name="minutes"
            inputmode="numeric"
            aria-describedby="f-minutes-hint"
            .value=${this.minutes}
            @input=${(e: InputEvent) => (this.minutes = (e.target as HTMLInputElement).value)}
          />
        </div>
        <button type="submit" class="govuk-button">${t('kioskAdmin.start')}</button>
      </form>
      ${this.sessions.render({
        pending: () => html`<pt-loading></pt-loading>`,
        error: (e) => html`<pt-error-state .error=${e} @pt-retry=${() => void this.sessions.run()}></pt-error-state>`,
        complete: (items) =>
          items.length
            ? html`<table class="govuk-table">
                <caption class="govuk-table__caption govuk-table__caption--s">
                  ${t('kioskAdmin.tableCaption')}
                </caption>
                <thead class="govuk-table__head">
                  <tr class="govuk-table__row">
                    <th scope="col" class="govuk-table__header">${t('kioskAdmin.started')}</th>
                    <th scope="col" class="govuk-table__header">${t('kioskAdmin.until')}</th>
                    <th scope="col" class="govuk-table__header">${t('kioskAdmin.state')}</th>
                    <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                      ${t('kioskAdmin.taps')}
                    </th>
                    <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                      ${t('kioskAdmin.tookPart')}
                    </th>
                    <td class="govuk-table__header"></td>
                  </tr>
                </thead>
                <tbody class="govuk-table__body">
                  ${items.map(
                    (s) =>
                      html`<tr class="govuk-table__row">
                        <td class="govuk-table__cell">${dayTime(s.startedAt)}</td>
                        <td class="govuk-table__cell">${dayTime(s.endedAt ?? s.expiresAt)}</td>
                        <td class="govuk-table__cell">
                          <strong class="govuk-tag ${s.open ? 'govuk-tag--green' : 'govuk-tag--grey'}"
                            >${t(s.open ? 'kioskAdmin.open.yes' : 'kioskAdmin.open.no')}</strong
                          >
                        </td>
                        <td class="govuk-table__cell govuk-table__cell--numeric">${s.taps}</td>
                        <td class="govuk-table__cell govuk-table__cell--numeric">
                          ${
                            s.members === null
                              ? t('kioskAdmin.tookPartUnknown', { n: s.tookPart })
                              : t('kioskAdmin.tookPartOf', { n: s.tookPart, members: s.members })
                          }
                        </td>
                        <td class="govuk-table__cell">
                          ${
                            s.open
                              ? html`<button
                                  type="button"
                                  class="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
                                  aria-label=${t('kioskAdmin.endLabel', { when: dayTime(s.startedAt) })}
                                  @click=${() => void this.end(s.id)}
                                >
                                  ${t('kioskAdmin.end')}
                                </button>`
                              : nothing
                          }
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
            : html`<p class="govuk-body">${t('kioskAdmin.none')}</p>`,
      })}`;
  }

  private paritySection() {
    return html`<h2 class="govuk-heading-m">${t('kioskAdmin.parityTitle')}</h2>
      <p class="govuk-body">${t('kioskAdmin.parityIntro')}</p>
      <p class="govuk-body">
        <pt-download-link href="/api/v1/welsh-parity.csv" label=${t('kioskAdmin.parityDownload')}></pt-download-link>
      </p>
      ${this.parity.render({
        pending: () => html`<pt-loading></pt-loading>`,
        error: (e) => html`<pt-error-state .error=${e} @pt-retry=${() => void this.parity.run()}></pt-error-state>`,
        complete: (gaps) =>
          gaps.length
            ? html`<table class="govuk-table" data-testid="welsh-parity">
                <caption class="govuk-table__caption govuk-table__caption--s">
                  ${t('kioskAdmin.parityCaption')} (${this.counts(gaps)})
                </caption>
                <thead class="govuk-table__head">
                  <tr class="govuk-table__row">
                    <th scope="col" class="govuk-table__header">${t('kioskAdmin.parityWhat')}</th>
                    <th scope="col" class="govuk-table__header">${t('kioskAdmin.parityText')}</th>
                    <th scope="col" class="govuk-table__header">${t('kioskAdmin.parityMissing')}</th>
                    <th scope="col" class="govuk-table__header">${t('kioskAdmin.parityState')}</th>
                  </tr>
                </thead>
                <tbody class="govuk-table__body">
                  ${gaps.map(
                    (g) =>
                      html`<tr class="govuk-table__row">
                        <td class="govuk-table__cell">
                          <a class="govuk-link" href=${g.where}>${t(`kioskAdmin.kind.${g.kind}`)}</a>
                        </td>
                        <td class="govuk-table__cell">${g.english}</td>
                        <td class="govuk-table__cell">${fieldWords(g.field)}</td>
                        <td class="govuk-table__cell">${this.state(g)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
            : html`<p class="govuk-body">${t('kioskAdmin.parityNone')}</p>`,
      })}`;
  }

  private counts(gaps: WelshGap[]) {
    const stale = gaps.filter((g) => g.state === 'stale').length;
    const missing = gaps.length - stale;
    return stale
      ? t('kioskAdmin.parityCountStale', { n: missing, stale })
      : t('kioskAdmin.parityCount', { n: missing });
  }

  /** Missing or stale, as a tag with words (never colour alone); stale says since when. */
  private state(g: WelshGap) {
    if (g.state === 'missing')
      return html`<strong class="govuk-tag govuk-tag--grey">${t('kioskAdmin.parityStateMissing')}</strong>`;
    return html`<strong class="govuk-tag govuk-tag--yellow">${t('kioskAdmin.parityStateStale')}</strong> ${
        g.englishChangedAt
          ? html`<p class="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">
              ${t('kioskAdmin.parityStaleSince', { when: dayTime(g.englishChangedAt) })}
            </p>`
          : nothing
      }`;
  }

  private async start(event: SubmitEvent) {
    event.preventDefault();
    this.failed = false;
    this.membersError = membersProblem(this.members);
    if (this.membersError) return;
    try {
      this.started = await api.post<RatingSessionStarted>('/rating-sessions', {
        minutes: Number(this.minutes) || 120,
        members: Number(this.members.trim()),
      });
      this.members = '';
      void this.sessions.run();
    } catch (err) {
      // The server's own words for the field when it disagrees; anything else is a failure.
      const fieldMessage = err instanceof ApiError ? err.fieldErrors.members : undefined;
      if (fieldMessage) this.membersError = fieldMessage;
      else this.failed = true;
    }
  }

  private async end(id: number) {
    this.failed = false;
    try {
      await api.post(`/rating-sessions/${id}/end`, {});
      if (this.started?.id === id) this.started = null;
      void this.sessions.run();
    } catch {
      this.failed = true;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-kiosk-admin-page': PtKioskAdminPage;
  }
}
