// One record's words for children, checked before they go public: the new words beside the ones
// children see now, what the identifier check found, and approve (or confirm, as the second
// person). Feedback is checked on its own page; this page is for commitments, measures,
// promises and themes.
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { WordEntity, WordsDetail } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { api, ApiError } from '../api/client.js';
import { session } from '../session.js';
import { t } from '../i18n/messages.js';
import { taskView } from '../components/task-view.js';
import '../components/pt-error-summary.js';

/** The fields children read, in plain words. */
const FIELD_LABEL: Record<string, string> = {
  childTitle: 'What we will do, for children',
  childTitleCy: 'What we will do, for children (Welsh)',
  childReason: 'Why, for children',
  childUpdate: 'Latest update, for children',
  childUpdateCy: 'Latest update, for children (Welsh)',
  childSentence: 'How we’ll know, for children',
  childSentenceCy: 'How we’ll know, for children (Welsh)',
  childText: 'The promise, for children',
  childTextCy: 'The promise, for children (Welsh)',
  childName: 'Theme name, for children',
  childNameCy: 'Theme name, for children (Welsh)',
};

@customElement('pt-words-review-page')
export class PtWordsReviewPage extends PtLightElement {
  @property() entity: WordEntity = 'commitment';
  @property({ type: Number }) recordId = 0;
  @state() private errors: Record<string, string> = {};
  @state() private message = '';

  private load = new Task(this, {
    task: async ([entity, id], { signal }) => api.get<WordsDetail>(`/public-words/${entity}/${id}`, signal),
    args: () => [this.entity, this.recordId] as const,
  });

  override connectedCallback() {
    super.connectedCallback();
    document.title = `${t('review.title')} – ${t('app.name')}`;
  }

  private async act(run: () => Promise<WordsDetail>, done: (d: WordsDetail) => string) {
    this.errors = {};
    this.message = '';
    try {
      const detail = await run();
      this.message = done(detail);
      await this.load.run();
    } catch (err) {
      if (err instanceof ApiError)
        this.errors = Object.keys(err.fieldErrors).length ? { ...err.fieldErrors } : { _: err.message };
      else this.errors = { _: t('error.generic') };
      if (err instanceof ApiError && err.status === 409) await this.load.run();
    }
  }

  private fields(d: WordsDetail) {
    const changed = Object.keys(d.draft).filter((f) => (d.draft[f] ?? '') !== (d.live[f] ?? ''));
    return html`<dl class="govuk-summary-list">
      ${changed.map((field) => {
        const check = d.checks.find((c) => c.field === field);
        const lang = field.endsWith('Cy') ? 'cy' : 'en';
        return html`<div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">${FIELD_LABEL[field] ?? field}</dt>
          <dd class="govuk-summary-list__value">
            <p class="govuk-body" lang=${lang}>
              <strong>${t('review.new')}:</strong> ${d.draft[field] || t('review.cleared')}
            </p>
            <p class="govuk-body govuk-hint" lang=${lang}>
              ${t('review.live')}: ${d.live[field] || t('review.nothingLive')}
            </p>
            ${
              check?.findings.length
                ? html`<ul class="govuk-list govuk-list--bullet" data-testid="findings-${field}">
                    ${check.findings.map(
                      (f) =>
                        html`<li>
                          “${f.text}”: <span lang="en">${f.why}</span>
                          ${f.hard ? html`<strong class="govuk-tag govuk-tag--red">${t('review.hard')}</strong>` : nothing}
                        </li>`,
                    )}
                  </ul>`
                : nothing
            }
          </dd>
        </div>`;
      })}
    </dl>`;
  }

  private actions(d: WordsDetail) {
    const me = session()?.user.id;
    const findings = d.checks.flatMap((c) => c.findings);
    const hard = findings.some((f) => f.hard);
    const path = `/public-words/${d.entity}/${d.id}`;
    if (d.review?.state === 'awaiting_second') {
      if (d.review.firstById === me) return html`<p class="govuk-inset-text">${t('review.awaitingYou')}</p>`;
      return html`<p class="govuk-inset-text">
          ${t('review.awaiting', { who: t('approvals.someone'), reason: d.review.reason })}
        </p>
        <button
          class="govuk-button"
          type="button"
          @click=${() =>
            void this.act(
              () => api.post<WordsDetail>(`${path}/confirm`, {}),
              () => t('review.confirmed'),
            )}
        >
          ${t('review.confirm')}
        </button>`;
    }
    if (hard)
      return html`<div class="govuk-warning-text">
        <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
        <strong class="govuk-warning-text__text">${t('review.editOut')}</strong>
      </div>`;
    return html`<form
      novalidate
      @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        const reason = String(new FormData(e.target as HTMLFormElement).get('reason') ?? '').trim();
        void this.act(
          () => api.post<WordsDetail>(`${path}/approve`, { version: d.version, ...(reason ? { reason } : {}) }),
          (after) => (after.review ? t('review.approvedFirst') : t('review.approved')),
        );
      }}
    >
      ${
        findings.length
          ? html`<div class="govuk-form-group ${this.errors.safeReason ? 'govuk-form-group--error' : ''}">
              <label class="govuk-label" for="r-reason">${t('review.reason')}</label>
              <div class="govuk-hint" id="r-reason-hint">${t('review.reasonHint')}</div>
              ${
                this.errors.safeReason
                  ? html`<p class="govuk-error-message" id="e-reason">
                      <span class="govuk-visually-hidden">Error:</span> ${this.errors.safeReason}
                    </p>`
                  : nothing
              }
              <textarea
                class="govuk-textarea"
                id="r-reason"
                name="reason"
                rows="2"
                aria-describedby="r-reason-hint"
              ></textarea>
            </div>`
          : html`<p class="govuk-body">${t('review.noFindings')}</p>`
      }
      <button class="govuk-button" type="submit">${t('review.approve')}</button>
    </form>`;
  }

  override render() {
    const problems = Object.entries(this.errors).map(([key, message]) => ({
      fieldId: key === 'safeReason' ? 'r-reason' : 'main-content',
      message,
    }));
    return html`<a class="govuk-back-link" href="/feedback/approvals">${t('review.back')}</a>
      <h1 class="govuk-heading-l">${t('review.title')}</h1>
      ${problems.length ? html`<pt-error-summary .errors=${problems}></pt-error-summary>` : nothing}
      ${
        this.message
          ? html`<div class="govuk-notification-banner govuk-notification-banner--success" role="status">
              <div class="govuk-notification-banner__content"><p class="govuk-body">${this.message}</p></div>
            </div>`
          : nothing
      }
      ${taskView(this.load, (d) =>
        !d.review && Object.keys(d.draft).every((f) => (d.draft[f] ?? '') === (d.live[f] ?? ''))
          ? html`<p class="govuk-body">${t('review.upToDate')}</p>`
          : html`${this.fields(d)} ${this.actions(d)}`,
      )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-words-review-page': PtWordsReviewPage;
  }
}
