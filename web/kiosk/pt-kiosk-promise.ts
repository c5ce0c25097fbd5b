// One promise as cards: Our promise, You said, We will, How we'll know, What happened, and, while
// a rating session is on and a child has started their turn, "Did we keep this promise?".
// Every card has a Read aloud button. A turn counts once per promise: tapping again, or while the
// first tap is still sending, gets a friendly "already told us"; a promise every member present has
// rated gets a friendly "everyone has had their say" (the server refuses more with a 409).
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { PublicPromise, VerdictChoice } from '../../server/contracts/index.js';
import { PtKioskElement } from './light.js';
import { KioskApiError, loadPromise, sendVerdict } from './api.js';
import { barChart, chartText } from './chart.js';
import { content, contentText, label, newBadge, sentence, statusTag } from './content.js';
import { lang, monthName, t, type Lang, type MessageKey } from './i18n.js';
import { readAloudButton } from './speech.js';

export type Voting = { pin: string; voterToken: string | null };
/** Whether an answer has words to show in the chosen language (the English, or Welsh in Welsh mode). */
const written = (english: string, welsh: string) => english.trim() !== '' || (lang() === 'cy' && welsh.trim() !== '');
const CHOICES: VerdictChoice[] = ['kept', 'getting_there', 'not_yet'];
const ANSWER_KEY: Record<'did' | 'doing' | 'cant', MessageKey> = {
  did: 'whatHappened.answerDid',
  doing: 'whatHappened.answerDoing',
  cant: 'whatHappened.answerCant',
};

@customElement('pt-kiosk-promise')
export class PtKioskPromise extends PtKioskElement {
  @property({ type: Number }) promiseId = 0;
  @property() language: Lang = 'en';
  @property({ attribute: false }) voting: Voting | null = null;
  /** Goes up when the kiosk is back in touch with the server: the promise is fetched again. */
  @property({ type: Number }) reconnections = 0;
  @state() private promise: PublicPromise | null = null;
  @state() private failed = false;
  @state() private stale = false;
  @state() private chosen: VerdictChoice | null = null;
  /** What the last tap earned, beside the thanks: a friendly word, or that it did not send. */
  @state() private voteNote: MessageKey | null = null;

  private sending = false;

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('promiseId') || changed.has('reconnections')) void this.load();
    if (changed.has('voting') || changed.has('promiseId')) {
      this.chosen = null;
      this.voteNote = null;
    }
  }

  async load() {
    this.failed = false;
    try {
      const loaded = await loadPromise(this.promiseId);
      this.promise = loaded.data;
      this.stale = loaded.stale;
    } catch {
      this.failed = true;
    }
  }

  private card(id: string, title: string, body: TemplateResult, speech: () => string) {
    return html`<section class="pt-kiosk-card" aria-labelledby="card-${id}">
      <div class="pt-kiosk-card__head">
        <h2 id="card-${id}" class="pt-kiosk-card__title">${title}</h2>
        ${readAloudButton(title, () => `${title}. ${speech()}`)}
      </div>
      ${body}
    </section>`;
  }

  override render() {
    if (this.failed)
      return html`<p class="pt-kiosk-error" role="alert">${t('error.load')}</p>
        <button type="button" class="pt-kiosk-button" @click=${() => void this.load()}>${t('error.retry')}</button>`;
    const p = this.promise;
    if (!p || p.id !== this.promiseId) return html`<p class="pt-kiosk-loading">${t('loading')}</p>`;
    // Saved words more than a day old may have been withdrawn since: show none of them.
    if (this.stale)
      return html`<h1 class="pt-kiosk-title" tabindex="-1">${t('card.promise')}</h1>
        <p class="pt-kiosk-error pt-kiosk-stale" role="alert">
          <span aria-hidden="true">⚠</span> ${t('updated.stale')}
        </p>
        <button type="button" class="pt-kiosk-button" @click=${() => void this.load()}>${t('error.retry')}</button>`;
    const text = contentText(p.text, p.textCy);
    return html`
      <p class="pt-kiosk-theme-name">${content(p.theme.name, p.theme.nameCy)}</p>
      <h1 class="pt-kiosk-title" tabindex="-1">${content(p.text, p.textCy)}</h1>
      ${newBadge(p.isNew)}
      <div class="pt-kiosk-cards">
        ${this.card('promise', t('card.promise'), html`<p class="pt-kiosk-big">${content(p.text, p.textCy)}</p>`, () => text)}
        ${this.youSaid(p)} ${this.weWill(p)} ${this.howWellKnow(p)} ${this.whatHappened(p)} ${this.verdict(p)}
      </div>
    `;
  }

  private youSaid(p: PublicPromise) {
    const body = p.youSaid.length
      ? html`<ul class="pt-kiosk-quotes">
          ${p.youSaid.map(
            (q) =>
              html`<li>
                <blockquote lang="en">“${q.text}”</blockquote>
                <p class="pt-kiosk-who">
                  ${sentence('youSaid.who', 'group', label(q.ageGroup, q.ageGroupCy), { month: monthName(q.heardMonth) })}
                </p>
              </li>`,
          )}
        </ul>`
      : html`<p>${t('youSaid.none')}</p>`;
    return this.card('you-said', t('card.youSaid'), body, () =>
      p.youSaid.length ? p.youSaid.map((q) => q.text).join('. ') : t('youSaid.none'),
    );
  }

  private weWill(p: PublicPromise) {
    const body = p.weWill.length
      ? html`<ul class="pt-kiosk-actions">
          ${p.weWill.map(
            (a) =>
              html`<li>
                <p class="pt-kiosk-action__text">${content(a.text, a.textCy)} ${newBadge(a.isNew)}</p>
                <p>
                  ${statusTag(a.status)}
                  <span class="pt-kiosk-due">${t('weWill.by', { month: monthName(a.dueMonth) })}</span>
                </p>
                ${a.reason ? html`<p class="pt-kiosk-reason" lang="en">${a.reason}</p>` : nothing}
              </li>`,
          )}
        </ul>`
      : html`<p>${t('weWill.none')}</p>`;
    return this.card('we-will', t('card.weWill'), body, () =>
      p.weWill.length
        ? p.weWill.map((a) => `${contentText(a.text, a.textCy)}. ${t(`status.${a.status}`)}. ${a.reason}`).join('. ')
        : t('weWill.none'),
    );
  }

  private howWellKnow(p: PublicPromise) {
    const body = p.howWellKnow.length
      ? html`${p.howWellKnow.map(
          (m) =>
            html`<div class="pt-kiosk-measure">
              <p class="pt-kiosk-big">${content(m.sentence, m.sentenceCy)}</p>
              ${m.values.length ? barChart(m, contentText(m.sentence, m.sentenceCy)) : nothing}
            </div>`,
        )}`
      : html`<p>${t('howWellKnow.none')}</p>`;
    return this.card('how-well-know', t('card.howWellKnow'), body, () =>
      p.howWellKnow.length
        ? p.howWellKnow.map((m) => `${contentText(m.sentence, m.sentenceCy)}. ${chartText(m)}`).join('. ')
        : t('howWellKnow.none'),
    );
  }

  private whatHappened(p: PublicPromise) {
    const latest = p.latestUpdate;
    const nothingYet = !latest && !p.weDid.length && !p.weWill.length;
    const body = html`
      ${
        latest
          ? html`<div class="pt-kiosk-latest">
              <h3>${t('whatHappened.latest')}</h3>
              <p class="pt-kiosk-big">${content(latest.text, latest.textCy)}</p>
            </div>`
          : nothing
      }
      ${
        p.weWill.length
          ? html`<ul class="pt-kiosk-statuses">
              ${p.weWill.map((a) => html`<li>${statusTag(a.status)} ${content(a.text, a.textCy)}</li>`)}
            </ul>`
          : nothing
      }
      ${
        p.weDid.length
          ? html`<ul class="pt-kiosk-answers">
              ${p.weDid.map(
                (a) =>
                  html`<li>
                    <p>
                      ${sentence('whatHappened.youSaidWeDid', 'youSaid', html`<span lang="en">${a.youSaid}</span>`)}
                    </p>
                    <p>
                      <strong>${t(ANSWER_KEY[a.answer])}</strong
                      >${written(a.weDid, a.weDidCy) ? html`: ${content(a.weDid, a.weDidCy)}` : nothing}
                      ${newBadge(a.isNew)}
                    </p>
                    ${
                      written(a.reason, a.reasonCy)
                        ? html`<p class="pt-kiosk-reason">${content(a.reason, a.reasonCy)}</p>`
                        : nothing
                    }
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      ${nothingYet ? html`<p>${t('whatHappened.none')}</p>` : nothing}
    `;
    return this.card(
      'what-happened',
      t('card.whatHappened'),
      body,
      () =>
        [
          latest ? `${t('whatHappened.latest')}: ${contentText(latest.text, latest.textCy)}` : '',
          ...p.weWill.map((a) => `${t(`status.${a.status}`)}: ${contentText(a.text, a.textCy)}`),
          ...p.weDid.map(
            (a) =>
              `${t(ANSWER_KEY[a.answer])}. ${contentText(a.weDid, a.weDidCy)} ${contentText(a.reason, a.reasonCy)}`,
          ),
        ]
          .filter(Boolean)
          .join('. ') || t('whatHappened.none'),
    );
  }

  private verdict(p: PublicPromise) {
    const voting = this.voting;
    if (!voting?.voterToken) return nothing;
    const body = html`<div class="pt-kiosk-verdict" role="group" aria-labelledby="card-verdict">
        ${CHOICES.map(
          (c) =>
            html`<button
              type="button"
              class="pt-kiosk-button pt-kiosk-verdict__${c}"
              aria-pressed=${this.chosen === c ? 'true' : 'false'}
              @click=${() => void this.choose(p.id, c)}
            >
              ${t(`vote.${c}`)}
            </button>`,
        )}
      </div>
      <p class="pt-kiosk-vote-result" role="status">
        ${this.voteNote ? t(this.voteNote) : this.chosen ? t('vote.thanks', { choice: t(`vote.${this.chosen}`) }) : ''}
      </p>`;
    return this.card('verdict', t('card.verdict'), body, () => CHOICES.map((c) => t(`vote.${c}`)).join(', '));
  }

  private async choose(promiseId: number, choice: VerdictChoice) {
    const voting = this.voting;
    if (!voting?.voterToken) return;
    // Quick taps on the same answer, or any tap while one is sending, are the same child again.
    if (this.sending || (this.chosen === choice && this.voteNote !== 'vote.failed')) {
      this.voteNote = 'vote.already';
      return;
    }
    this.sending = true;
    try {
      // Back on a promise this turn already rated, the server replaced the answer: it never adds one.
      await sendVerdict(voting.pin, voting.voterToken, promiseId, choice);
      this.voteNote = null;
      this.chosen = choice;
    } catch (err) {
      this.voteNote = err instanceof KioskApiError && err.status === 409 ? 'vote.full' : 'vote.failed';
      if (this.voteNote === 'vote.full') this.chosen = null;
    } finally {
      this.sending = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-kiosk-promise': PtKioskPromise;
  }
}
