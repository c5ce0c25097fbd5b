// One item: moderation (identifier findings highlighted in the public words, edit them or say
// why they are safe, approve or withdraw), the safeguarding flag, the answer back, and the
// promises and commitments it is linked to (a worker tags promises after capture here).
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import type {
  Commitment,
  CouncilPromise,
  FeedbackFindings,
  FeedbackItem,
  Theme,
} from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { welshInUse } from '../welsh-in-use.js';
import { ApiError, api, request } from '../api/client.js';
import { session } from '../session.js';
import { t, type MessageKey } from '../i18n/messages.js';
import { taskView } from '../components/task-view.js';
import '../components/pt-loading.js';
import '../components/pt-error-state.js';
import '../components/pt-promise-picker.js';
import '../components/pt-commitment-linker.js';
import type { CommitmentLinkChange } from '../components/pt-commitment-linker.js';
import '../components/pt-reading-age.js';
import '../components/pt-session-pager.js';
import '../components/pt-error-summary.js';
import type { SummaryError } from '../components/pt-error-summary.js';
import '../components/pt-erase-words.js';
import '../components/pt-date-input.js';
import '../components/pt-text-field.js';
import '../components/pt-safeguarding-lead.js';
import '../components/pt-safeguarding-notes.js';
import { ANSWER_LABEL } from '../components/pt-item-findings.js';
import { day, dayTime, timeNow, today } from '../dates.js';

type Loaded = { item: FeedbackItem; findings: FeedbackFindings; commitments: Map<number, string> };

/** The field each error's path belongs to, for the error summary's links ('' = no one field). */
const FIELD_FOR: Record<string, string> = {
  publicText: 'f-publicText',
  safeReason: 'f-safeReason',
  reason: 'f-withdrawReason',
  toldWhom: 'f-toldWhom',
  // "When they were told" is a date and a time: the whole instant's problem goes to its day box.
  toldAt: 'f-toldOn',
  toldOn: 'f-toldOn',
  toldTime: 'f-toldTime',
  response: 'f-response-did',
  responseText: 'f-responseText',
  cantReason: 'f-cantReason',
  responseTextCy: 'f-responseTextCy',
  cantReasonCy: 'f-cantReasonCy',
  respondedOn: 'f-respondedOn',
  fedBackOn: 'f-fedBackOn',
};
const findingCount = (f: FeedbackFindings) => f.findings.length + f.answers.reduce((n, w) => n + w.findings.length, 0);

@customElement('pt-feedback-item-page')
export class PtFeedbackItemPage extends PtLightElement {
  /** Welsh fields show only where the council uses Welsh (web/welsh-in-use.ts). */
  @state() private welsh = false;

  @property({ type: Number }) feedbackId = 0;
  @state() private message = '';
  @state() private errors: Record<string, string> = {};
  @state() private loaded: Loaded | null = null;
  /** The safeguarding form is shown on request, so a worker cannot flag by accident. */
  @state() private flagOpen = false;
  /** When the flag form opened: its date and time start there, and a later render never moves them. */
  private flagOpenedAt = { on: '', time: '' };
  /** The answer chosen in the form (not yet saved): "Why we can't" shows only for "We can't". */
  @state() private response: string | null = null;

  private load = new Task(this, {
    task: async ([id], { signal }) => {
      const [item, findings] = await Promise.all([
        api.get<FeedbackItem>(`/feedback/${id}`, signal),
        api.get<FeedbackFindings>(`/feedback/${id}/findings`, signal),
      ]);
      // The linked commitments' titles, so a worker knows what they would unlink.
      const titles = await Promise.all(
        item.commitmentIds.map((c) =>
          api.get<Commitment>(`/commitments/${c}`, signal).then(
            (x) => [c, x.title] as const,
            () => [c, `#${c}`] as const,
          ),
        ),
      );
      this.loaded = { item, findings, commitments: new Map(titles) };
      this.response = item.response;
      return this.loaded;
    },
    args: () => [this.feedbackId] as const,
  });

  /** The promises and themes the picker chooses from: read once, not after every save. */
  private choices = new Task(this, {
    task: async (_a, { signal }) => {
      const [promises, themes] = await Promise.all([
        api.get<{ items: CouncilPromise[] }>('/promises?pageSize=200', signal),
        api.get<{ items: Theme[] }>('/themes', signal),
      ]);
      return { promises: promises.items, themes: themes.items };
    },
    args: () => [] as const,
  });

  override connectedCallback() {
    super.connectedCallback();
    void welshInUse().then((w) => (this.welsh = w));
    document.title = `${t('item.title')} – ${t('app.name')}`;
  }

  private async act(fn: () => Promise<FeedbackItem>, done: MessageKey | ((saved: FeedbackItem) => MessageKey)) {
    this.errors = {};
    this.message = '';
    try {
      const saved = await fn();
      // Said once the page holds the saved item, so what is done next on seeing the message is
      // done on the new version (shown before the reload, a quick next click was a stale 409).
      await this.load.run();
      this.message = t(typeof done === 'function' ? done(saved) : done);
    } catch (err) {
      if (err instanceof ApiError) {
        this.errors = Object.keys(err.fieldErrors).length ? { ...err.fieldErrors } : { _: err.message };
        if (err.status === 409) await this.load.run();
      } else this.errors = { _: t('error.generic') };
    }
  }

  /** The picker's new choice against the item's links: link what was added, unlink what was removed. */
  private relink(item: FeedbackItem, chosen: number[]) {
    const added = chosen.filter((p) => !item.promiseIds.includes(p));
    const removed = item.promiseIds.filter((p) => !chosen.includes(p));
    const path = (p: number) => `/feedback/${item.id}/promises/${p}`;
    void this.act(
      async () => {
        let last = item;
        for (const p of added) last = await request<FeedbackItem>('PUT', path(p));
        for (const p of removed) last = await api.del<FeedbackItem>(path(p));
        return last;
      },
      added.length ? 'item.promiseLinked' : 'item.promiseUnlinked',
    );
  }

  /** The linker's choice: link what was chosen, unlink what was asked. */
  private relinkCommitments(item: FeedbackItem, { link, unlink }: CommitmentLinkChange) {
    const path = (c: number) => `/feedback/${item.id}/commitments/${c}`;
    void this.act(
      async () => {
        let last = item;
        for (const c of link) last = await request<FeedbackItem>('PUT', path(c));
        for (const c of unlink) last = await api.del<FeedbackItem>(path(c));
        return last;
      },
      unlink.length ? 'item.commitmentUnlinked' : 'linker.linked',
    );
  }

  private links(item: FeedbackItem, commitments: Map<number, string>) {
    return html`<h2 class="govuk-heading-m">${t('item.linksTitle')}</h2>
      ${
        item.promiseIds.length
          ? nothing
          : html`<p class="govuk-body" data-testid="not-linked">${t('item.notLinked')}</p>`
      }
      ${this.choices.render({
        pending: () => html`<pt-loading></pt-loading>`,
        error: () => html`<pt-error-state @pt-retry=${() => void this.choices.run()}></pt-error-state>`,
        complete: ({ promises, themes }) =>
          html`<pt-promise-picker
            inputId="f-promises"
            label=${t('item.promises')}
            .promises=${promises}
            .themes=${themes}
            .value=${item.promiseIds}
            @pt-promise-change=${(e: CustomEvent<number[]>) => this.relink(item, e.detail)}
          ></pt-promise-picker>`,
      })}
      <pt-commitment-linker
        .promiseIds=${item.promiseIds}
        .commitmentIds=${item.commitmentIds}
        .titles=${commitments}
        @pt-commitment-link=${(e: CustomEvent<CommitmentLinkChange>) => this.relinkCommitments(item, e.detail)}
      ></pt-commitment-linker>`;
  }

  private form(e: SubmitEvent) {
    e.preventDefault();
    return new FormData(e.target as HTMLFormElement);
  }

  /** GOV.UK error summary: each problem, linked to its field; the general one unlinked. */
  private summary(): SummaryError[] {
    return Object.entries(this.errors).map(([path, message]) => ({
      fieldId: document.getElementById(FIELD_FOR[path] ?? '') ? FIELD_FOR[path]! : '',
      message,
    }));
  }

  private err(key: string) {
    return this.errors[key]
      ? html`<p class="govuk-error-message" id="e-${key}">
          <span class="govuk-visually-hidden">Error:</span> ${this.errors[key]}
        </p>`
      : nothing;
  }

  /** Approved once with a reason: the second person confirms here; the first is told they wait. */
  private awaiting(findings: FeedbackFindings) {
    const review = findings.review;
    if (review?.state !== 'awaiting_second') return nothing;
    if (review.firstById === session()?.user.id)
      return html`<p class="govuk-inset-text" data-testid="awaiting-second">${t('item.awaitingYou')}</p>`;
    return html`<p class="govuk-inset-text" data-testid="awaiting-second">
        ${t('item.awaiting', { reason: review.reason })}
      </p>
      <button
        class="govuk-button"
        type="button"
        @click=${() => void this.act(() => api.post(`/feedback/${this.feedbackId}/confirm`, {}), 'item.confirmed')}
      >
        ${t('item.confirm')}
      </button>`;
  }

  /**
   * GOV.UK conditional reveal under "We can't": why, for a child, in English and Welsh. The radio
   * names the revealed part with aria-controls only, as GOV.UK Frontend now does: aria-expanded is
   * not allowed on a radio (axe: aria-allowed-attr), and GOV.UK took it off for that reason.
   */
  private cantReveal(item: FeedbackItem) {
    const field = (name: 'cantReason' | 'cantReasonCy', value: string) => {
      const cy = name === 'cantReasonCy';
      return html`<div class="govuk-form-group ${this.errors[name] ? 'govuk-form-group--error' : ''}">
          <label class="govuk-label" for="f-${name}"
            >${t(ANSWER_LABEL[name])} ${cy ? t('form.optional') : nothing}</label
          >
          ${this.err(name)}
          <textarea
            class="govuk-textarea"
            id="f-${name}"
            name=${name}
            rows="2"
            lang=${cy ? 'cy' : nothing}
            aria-describedby=${cy ? 'f-welsh-hint' : nothing}
            .value=${value}
          ></textarea>
        </div>
        <pt-reading-age for="f-${name}" language=${cy ? 'cy' : 'en'}></pt-reading-age>`;
    };
    return html`<div
      class="govuk-radios__conditional ${this.response === 'cant' ? '' : 'govuk-radios__conditional--hidden'}"
      id="f-response-cant-reveal"
    >
      ${field('cantReason', item.cantReason)} ${field('cantReasonCy', item.cantReasonCy)}
    </div>`;
  }

  private view({ item, findings, commitments }: Loaded) {
    const id = item.id;
    return html` ${
        this.message
          ? html`<div class="govuk-notification-banner govuk-notification-banner--success" role="status">
              <div class="govuk-notification-banner__content"><p class="govuk-body">${this.message}</p></div>
            </div>`
          : nothing
      }
      <pt-error-summary .errors=${this.summary()}></pt-error-summary>
      <h2 class="govuk-heading-m">${t('item.original')}</h2>
      <p class="govuk-inset-text">${item.text}</p>
      ${
        findings.original.findings.length
          ? html`<div class="govuk-warning-text" data-testid="original-findings">
                <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
                <strong class="govuk-warning-text__text">${t('item.originalFindings')}</strong>
              </div>
              <ul class="govuk-list govuk-list--bullet">
                ${findings.original.findings.map((f) => html`<li>“${f.text}”: ${f.why}</li>`)}
              </ul>`
          : nothing
      }
      <p class="govuk-body"><strong>${t('fb.state')}:</strong> ${t(`fb.publish.${item.publishState}` as MessageKey)}</p>
      ${
        item.withdrawnAt
          ? html`<div class="govuk-inset-text" data-testid="withdrawal">
              <p class="govuk-body">${t('item.withdrawnOn', { when: day(item.withdrawnAt) })}</p>
              <p class="govuk-body">
                <strong>${t('item.withdrawReason')}:</strong> ${item.withdrawnReason || t('item.noWithdrawReason')}
              </p>
            </div>`
          : nothing
      }
      ${
        item.safeguarding
          ? html`<div class="govuk-warning-text">
                <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
                <strong class="govuk-warning-text__text"
                  >${t('item.safeguardingFlagged', {
                    whom: item.safeguardingToldWhom,
                    when: item.safeguardingToldAt ? dayTime(item.safeguardingToldAt) : '',
                  })}</strong
                >
              </div>
              <pt-safeguarding-lead></pt-safeguarding-lead>
              <pt-safeguarding-notes .feedbackId=${id}></pt-safeguarding-notes>`
          : html` <h2 class="govuk-heading-m">${t('item.publicText')}</h2>
              <pt-item-findings .findings=${findings}></pt-item-findings>
              <form
                novalidate
                @submit=${(e: SubmitEvent) => {
                  const d = this.form(e);
                  void this.act(
                    () =>
                      api.patch(`/feedback/${id}`, { version: item.version, publicText: String(d.get('publicText')) }),
                    'item.saved',
                  );
                }}
              >
                ${
                  item.livePublicText && item.livePublicText !== item.publicText
                    ? html`<p class="govuk-body" data-testid="live-words">
                        <strong>${t('item.liveNow')}:</strong> ${item.livePublicText}
                      </p>`
                    : nothing
                }
                <div class="govuk-form-group ${this.errors.publicText ? 'govuk-form-group--error' : ''}">
                  <label class="govuk-label" for="f-publicText">${t('item.publicText')}</label>
                  <div class="govuk-hint" id="f-publicText-hint">
                    ${t('item.publicHint')} ${item.publicText ? nothing : t('item.maskedStart')}
                  </div>
                  ${this.err('publicText')}
                  <textarea
                    class="govuk-textarea"
                    id="f-publicText"
                    name="publicText"
                    rows="3"
                    aria-describedby="f-publicText-hint"
                    .value=${item.publicText || findings.original.masked}
                  ></textarea>
                </div>
                <pt-reading-age for="f-publicText" language="en"></pt-reading-age>
                <button class="govuk-button govuk-button--secondary" type="submit">${t('item.savePublic')}</button>
              </form>
              <form
                novalidate
                @submit=${(e: SubmitEvent) => {
                  const d = this.form(e);
                  const reason = String(d.get('safeReason') ?? '').trim();
                  void this.act(
                    () =>
                      api.post(`/feedback/${id}/approve`, {
                        version: item.version,
                        ...(reason ? { safeReason: reason } : {}),
                      }),
                    (saved) => (saved.livePublicText === saved.publicText ? 'item.approved' : 'item.approvedFirst'),
                  );
                }}
              >
                ${this.awaiting(findings)}
                ${
                  findingCount(findings)
                    ? html`<div class="govuk-form-group ${this.errors.safeReason ? 'govuk-form-group--error' : ''}">
                        <label class="govuk-label" for="f-safeReason">${t('item.safeReason')}</label>
                        ${this.err('safeReason')}
                        <textarea
                          class="govuk-textarea"
                          id="f-safeReason"
                          name="safeReason"
                          rows="2"
                          .value=${item.safeReason}
                        ></textarea>
                      </div>`
                    : this.err('safeReason')
                }
                <button class="govuk-button" type="submit">${t('item.approve')}</button>
              </form>
              ${
                item.publishState === 'approved'
                  ? html`<form
                      novalidate
                      @submit=${(e: SubmitEvent) => {
                        const reason = String(this.form(e).get('withdrawReason') ?? '').trim();
                        void this.act(
                          () => api.post(`/feedback/${id}/withdraw`, reason ? { reason } : {}),
                          'item.withdrawn',
                        );
                      }}
                    >
                      <div class="govuk-form-group ${this.errors.reason ? 'govuk-form-group--error' : ''}">
                        <label class="govuk-label" for="f-withdrawReason">${t('item.withdrawReason')}</label>
                        <div class="govuk-hint" id="f-withdrawReason-hint">${t('item.withdrawReasonHint')}</div>
                        ${this.err('reason')}
                        <textarea
                          class="govuk-textarea"
                          id="f-withdrawReason"
                          name="withdrawReason"
                          rows="2"
                          aria-describedby="f-withdrawReason-hint"
                        ></textarea>
                      </div>
                      <button class="govuk-button govuk-button--warning" type="submit">${t('item.withdraw')}</button>
                    </form>`
                  : nothing
              }
              ${
                this.flagOpen
                  ? html`<form
                      novalidate
                      @submit=${(e: SubmitEvent) => {
                        const d = this.form(e);
                        void this.act(
                          () =>
                            api.post(`/feedback/${id}/safeguarding`, {
                              toldWhom: String(d.get('toldWhom')),
                              // A date and a 24-hour time in the council's zone; the server makes the instant.
                              // Left empty, not sent: the server then asks for each by name.
                              toldOn: String(d.get('toldOn') ?? '') || undefined,
                              toldTime: String(d.get('toldTime') ?? '').trim() || undefined,
                            }),
                          'item.saved',
                        );
                      }}
                    >
                      <pt-safeguarding-lead></pt-safeguarding-lead>
                      <div class="govuk-form-group ${this.errors.toldWhom ? 'govuk-form-group--error' : ''}">
                        <label class="govuk-label" for="f-toldWhom">${t('item.toldWhom')}</label>
                        ${this.err('toldWhom')}
                        <input
                          class="govuk-input ${this.errors.toldWhom ? 'govuk-input--error' : ''}"
                          id="f-toldWhom"
                          name="toldWhom"
                          aria-describedby=${this.errors.toldWhom ? 'e-toldWhom' : nothing}
                        />
                      </div>
                      <pt-date-input
                        name="toldOn"
                        legend=${t('item.toldAt')}
                        hint=${t('item.toldOnHint')}
                        .value=${this.flagOpenedAt.on}
                        error=${this.errors.toldOn ?? this.errors.toldAt ?? ''}
                      ></pt-date-input>
                      <pt-text-field
                        name="toldTime"
                        label=${t('item.toldTime')}
                        hint=${t('item.toldTimeHint')}
                        width="5"
                        .value=${this.flagOpenedAt.time}
                        error=${this.errors.toldTime ?? ''}
                      ></pt-text-field>
                      <button class="govuk-button govuk-button--warning" type="submit">${t('item.flag')}</button>
                    </form>`
                  : html`<button
                      class="govuk-button govuk-button--secondary"
                      type="button"
                      @click=${() => {
                        this.flagOpenedAt = { on: today(), time: timeNow() };
                        this.flagOpen = true;
                      }}
                    >
                      ${t('item.flag')}
                    </button>`
              }`
      }

      <h2 class="govuk-heading-m">${t('item.responseTitle')}</h2>
      <form
        novalidate
        @submit=${(e: SubmitEvent) => {
          const d = this.form(e);
          const body: Record<string, unknown> = {
            version: item.version,
            responseText: String(d.get('responseText') ?? ''),
            cantReason: String(d.get('cantReason') ?? ''),
            responseTextCy: String(d.get('responseTextCy') ?? ''),
            cantReasonCy: String(d.get('cantReasonCy') ?? ''),
            respondedOn: String(d.get('respondedOn') ?? '') || null,
            fedBackOn: String(d.get('fedBackOn') ?? '') || null,
          };
          if (d.get('response')) body.response = String(d.get('response'));
          void this.act(
            () => api.patch(`/feedback/${id}`, body),
            // New answer words on an approved item wait for approval; the kiosk keeps the approved ones.
            (saved) => (saved.publishState === 'approved' ? 'item.savedForApproval' : 'item.saved'),
          );
        }}
      >
        <div class="govuk-form-group">
          <fieldset class="govuk-fieldset">
            <legend class="govuk-fieldset__legend">${t('item.response')}</legend>
            ${this.err('response')}
            <div class="govuk-radios govuk-radios--small">
              ${(['did', 'doing', 'cant'] as const).map(
                (r) =>
                  html`<div class="govuk-radios__item">
                      <input
                        class="govuk-radios__input"
                        id="f-response-${r}"
                        name="response"
                        type="radio"
                        value=${r}
                        ?checked=${item.response === r}
                        aria-controls=${r === 'cant' ? 'f-response-cant-reveal' : nothing}
                        @change=${() => (this.response = r)}
                      />
                      <label class="govuk-label govuk-radios__label" for="f-response-${r}"
                        >${t(`item.response.${r}`)}</label
                      >
                    </div>
                    ${r === 'cant' ? this.cantReveal(item) : nothing}`,
              )}
            </div>
          </fieldset>
        </div>
        ${([['responseText', 'item.responseText', item.responseText]] as const).map(
          ([name, label, value]) =>
            html`<div class="govuk-form-group ${this.errors[name] ? 'govuk-form-group--error' : ''}">
                <label class="govuk-label" for="f-${name}">${t(label)}</label>
                ${this.err(name)}
                <textarea class="govuk-textarea" id="f-${name}" name=${name} rows="2" .value=${value}></textarea>
              </div>
              <pt-reading-age for="f-${name}" language="en"></pt-reading-age>`,
        )}
        <p class="govuk-hint" id="f-welsh-hint" ?hidden=${!this.welsh}>${t('item.welshHint')}</p>
        ${([['responseTextCy', item.responseTextCy]] as const).map(
          ([name, value]) =>
            html`<div
                class="govuk-form-group ${this.errors[name] ? 'govuk-form-group--error' : ''}"
                ?hidden=${!this.welsh}
              >
                <label class="govuk-label" for="f-${name}">${t(ANSWER_LABEL[name])} ${t('form.optional')}</label>
                ${this.err(name)}
                <textarea
                  class="govuk-textarea"
                  id="f-${name}"
                  name=${name}
                  rows="2"
                  lang="cy"
                  aria-describedby="f-welsh-hint"
                  .value=${value}
                ></textarea>
              </div>
              <pt-reading-age for="f-${name}" language="cy" ?hidden=${!this.welsh}></pt-reading-age>`,
        )}
        ${(
          [
            ['respondedOn', 'item.respondedOn', item.respondedOn],
            ['fedBackOn', 'item.fedBackOn', item.fedBackOn],
          ] as const
        ).map(
          ([name, label, value]) =>
            html`<pt-date-input
              name=${name}
              legend=${t(label)}
              hint=${t('session.dateHint')}
              .value=${value ?? ''}
              error=${this.errors[name] ?? ''}
            ></pt-date-input>`,
        )}
        <button class="govuk-button" type="submit">${t('item.saveResponse')}</button>
      </form>
      ${this.links(item, commitments)}
      <pt-erase-words .item=${item} @pt-words-erased=${() => void this.load.run()}></pt-erase-words>`;
  }

  override render() {
    return html`<h1 class="govuk-heading-l">${t('item.title')}</h1>
      <pt-session-pager
        .feedbackId=${this.feedbackId}
        .sessionId=${this.loaded?.item.forumSessionId ?? 0}
      ></pt-session-pager>
      ${
        // Loading again after a save keeps the item on screen rather than a "loading" flash.
        this.loaded && this.load.status === TaskStatus.PENDING
          ? this.view(this.loaded)
          : taskView(this.load, (l) => this.view(l))
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-feedback-item-page': PtFeedbackItemPage;
  }
}
