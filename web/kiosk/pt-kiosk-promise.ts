// One promise: its words, how far it has got (the journey from "We heard you" to "Done"), a row
// of big buttons that jump to each part, then the parts as cards: You said, We will, How we'll
// know, What happened, and, while a rating session is on and a child has started their turn,
// "Did we keep this promise?". Long lists show their first few with "Show N more". On a phone
// the parts fold: each is one big button under the journey (with how many it holds), opening
// one at a time, so every part is a tap away without a long scroll; the jump row, which would
// only repeat those buttons, is left out there. Every card has a Read aloud button. A turn counts once per promise: tapping again, or while the
// first tap is still sending, gets a friendly "already told us"; a promise every member present has
// rated gets a friendly "everyone has had their say" (the server refuses more with a 409).
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { JourneyStep, PublicPromise, ThemeIcon, VerdictChoice } from '../../server/contracts/index.js';
import { PtKioskElement } from './light.js';
import { KioskApiError, loadPromise, sendVerdict } from './api.js';
import { barChart, chartText } from './chart.js';
import { content, contentText, label, newBadge, sentence, statusTag } from './content.js';
import { lang, monthName, t, type Lang, type MessageKey } from './i18n.js';
import { readAloudButton } from './pt-kiosk-read-aloud.js';
import { themeIcon } from './icons.js';

export type Voting = { pin: string; voterToken: string | null };
/** Whether an answer has words to show in the chosen language (the English, or Welsh in Welsh mode). */
const written = (english: string, welsh: string) => english.trim() !== '' || (lang() === 'cy' && welsh.trim() !== '');
const CHOICES: VerdictChoice[] = ['kept', 'getting_there', 'not_yet'];
// The contract's journeySteps, written out: importing values from the contracts brings zod along.
const STEPS: readonly JourneyStep[] = ['heard', 'planned', 'doing', 'done'];
/**
 * How many items a list shows before "Show N more", and from how many it folds: quotes are short
 * speech bubbles, so six fit; answers and commitments are long, so a list of more than four
 * shows three. Folding away only one or two would save nothing.
 */
const FOLD = { quotes: { show: 4, over: 6 }, long: { show: 3, over: 4 } } as const;
type Part = { id: string; title: string; count: number | null };
const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;
/** A phone's width: the parts fold so they are all near the top. A portrait kiosk shows them all. */
const PHONE = '(max-width: 640px)';
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
  /** The theme's picture as the home screen shows it (a default where none was picked); else the promise's own. */
  @property({ attribute: false }) themeIcon: ThemeIcon | null = null;
  @state() private promise: PublicPromise | null = null;
  @state() private failed = false;
  @state() private stale = false;
  @state() private chosen: VerdictChoice | null = null;
  /** What the last tap earned, beside the thanks: a friendly word, or that it did not send. */
  @state() private voteNote: MessageKey | null = null;
  /** The long lists a child has opened with "Show N more" (reset for each promise). */
  @state() private expanded = new Set<string>();
  /** On a phone (PHONE): the parts fold, and `openPart` is the one open (null: none). */
  @state() private compact = false;
  @state() private openPart: string | null = null;

  private sending = false;
  private phone: MediaQueryList | null = null;
  private onPhoneChange = () => (this.compact = !!this.phone?.matches);

  override connectedCallback() {
    super.connectedCallback();
    this.phone = window.matchMedia(PHONE);
    this.phone.addEventListener('change', this.onPhoneChange);
    this.onPhoneChange();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.phone?.removeEventListener('change', this.onPhoneChange);
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('promiseId') || changed.has('reconnections')) void this.load();
    if (changed.has('promiseId')) this.expanded = new Set();
    // A child on their voting turn came to answer: that part starts open; otherwise all are folded.
    if (changed.has('promiseId') || changed.has('voting')) this.openPart = this.voting?.voterToken ? 'verdict' : null;
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

  private card(id: string, title: string, body: TemplateResult, speech: () => string, count: number | null = null) {
    if (this.compact) return this.foldedCard(id, title, body, speech, count);
    return html`<section class="pt-kiosk-card" aria-labelledby="card-${id}">
      <div class="pt-kiosk-card__head">
        <h2 id="card-${id}" class="pt-kiosk-card__title" tabindex="-1">${title}</h2>
        ${readAloudButton(title, () => `${title}. ${speech()}`)}
      </div>
      ${body}
    </section>`;
  }

  /**
   * A part on a phone, as a GOV.UK-style accordion section: the heading holds a button that
   * opens it (closing any other), saying how many things it holds; Read aloud is inside.
   */
  private foldedCard(id: string, title: string, body: TemplateResult, speech: () => string, count: number | null) {
    const open = this.openPart === id;
    return html`<section
      class="pt-kiosk-card pt-kiosk-card--fold${open ? ' pt-kiosk-card--open' : ''}"
      aria-labelledby="card-${id}"
    >
      <h2 id="card-${id}" class="pt-kiosk-card__title" tabindex="-1">
        <button
          type="button"
          class="pt-kiosk-fold"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls="part-${id}"
          @click=${() => this.toggle(id)}
        >
          <span class="pt-kiosk-fold__mark" aria-hidden="true">${open ? '−' : '+'}</span>
          <span class="pt-kiosk-fold__title">${title}</span>
          ${count ? html`<span class="pt-kiosk-jump__count">${count}</span>` : nothing}
        </button>
      </h2>
      <div class="pt-kiosk-card__body" id="part-${id}" ?hidden=${!open}>
        ${readAloudButton(title, () => `${title}. ${speech()}`)} ${body}
      </div>
    </section>`;
  }

  private toggle(id: string) {
    this.openPart = this.openPart === id ? null : id;
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
    const parts: Part[] = [
      { id: 'you-said', title: t('card.youSaid'), count: p.youSaid.length },
      { id: 'we-will', title: t('card.weWill'), count: p.weWill.length },
      { id: 'how-we-will-know', title: t('card.howWeWillKnow'), count: null },
      { id: 'what-happened', title: t('card.whatHappened'), count: null },
      ...(this.voting?.voterToken ? [{ id: 'verdict', title: t('card.verdict'), count: null }] : []),
    ];
    return html`
      <p class="pt-kiosk-theme-name">
        ${themeIcon(this.themeIcon ?? p.theme.icon, 'pt-kiosk-icon pt-kiosk-theme-name__icon', true)}${content(p.theme.name, p.theme.nameCy)}
      </p>
      <h1 class="pt-kiosk-title" tabindex="-1">${content(p.text, p.textCy)}</h1>
      <div class="pt-kiosk-intro">
        ${readAloudButton(t('card.promise'), () => `${text}. ${t('journey.label')}: ${t(`journey.${p.journey}`)}`)}
        ${newBadge(p.isNew)}
      </div>
      ${this.journey(p.journey)} ${this.compact ? nothing : this.jumpList(parts)}
      <div class="pt-kiosk-cards">
        ${this.youSaid(p)} ${this.weWill(p)} ${this.howWeWillKnow(p)} ${this.whatHappened(p)} ${this.verdict(p)}
      </div>
    `;
  }

  /** The steps from "We heard you" to "Done": where it is now says so in words, not only colour. */
  private journey(step: PublicPromise['journey']) {
    const at = STEPS.indexOf(step);
    return html`<section class="pt-kiosk-journey" aria-labelledby="pt-kiosk-journey-title">
      <h2 id="pt-kiosk-journey-title" class="pt-kiosk-journey__title">${t('journey.label')}</h2>
      <ol class="pt-kiosk-journey__steps">
        ${STEPS.map((s, i) => {
          const when = i < at ? 'past' : i === at ? 'now' : 'future';
          return html`<li class="pt-kiosk-step pt-kiosk-step--${when}" aria-current=${i === at ? 'step' : 'false'}>
            <span class="pt-kiosk-step__mark" aria-hidden="true">${i < at ? '✓' : i + 1}</span>
            <span class="pt-kiosk-step__name">${t(`journey.${s}`)}</span>
            ${
              when === 'now'
                ? html`<span class="pt-kiosk-step__here"><span aria-hidden="true">★</span> ${t('journey.now')}</span>`
                : html`<span class="pt-kiosk-visually-hidden">(${t(`journey.${when}`)})</span>`
            }
          </li>`;
        })}
      </ol>
    </section>`;
  }

  /** One big button per part: a tap scrolls to it and moves focus to its heading. */
  private jumpList(parts: Part[]) {
    return html`<nav class="pt-kiosk-jump" aria-label=${t('jump.label')}>
      <ul>
        ${parts.map(
          (part) =>
            html`<li>
              <button type="button" class="pt-kiosk-button pt-kiosk-jump__button" @click=${() => this.jump(part.id)}>
                ${part.title}${part.count ? html` <span class="pt-kiosk-jump__count">${part.count}</span>` : nothing}
              </button>
            </li>`,
        )}
      </ul>
    </nav>`;
  }

  private jump(id: string) {
    const heading = this.querySelector<HTMLElement>(`#card-${id}`);
    if (!heading) return;
    heading.closest('section')?.scrollIntoView({ behavior: reducedMotion() ? 'auto' : 'smooth', block: 'start' });
    heading.focus({ preventScroll: true });
  }

  /** The first few of a long list, with a button for the rest. */
  private shortList<T>(id: string, items: T[], className: string, item: (x: T) => TemplateResult) {
    const fold = id === 'you-said' ? FOLD.quotes : FOLD.long;
    const long = items.length > fold.over;
    const open = !long || this.expanded.has(id);
    const shown = open ? items : items.slice(0, fold.show);
    return html`<ul class=${className} id="list-${id}">
        ${shown.map(item)}
      </ul>
      ${
        long
          ? html`<button
              type="button"
              class="pt-kiosk-button pt-kiosk-more"
              aria-expanded=${open ? 'true' : 'false'}
              aria-controls="list-${id}"
              @click=${() => this.toggleList(id)}
            >
              ${open ? t('more.hide') : t('more.show', { n: items.length - fold.show })}
            </button>`
          : nothing
      }`;
  }

  private toggleList(id: string) {
    const next = new Set(this.expanded);
    if (!next.delete(id)) next.add(id);
    this.expanded = next;
  }

  private youSaid(p: PublicPromise) {
    const body = p.youSaid.length
      ? this.shortList(
          'you-said',
          p.youSaid,
          'pt-kiosk-quotes',
          (q) =>
            html`<li>
              <blockquote lang="en">“${q.text}”</blockquote>
              <p class="pt-kiosk-who">
                ${sentence('youSaid.who', 'group', label(q.ageGroup, q.ageGroupCy), { month: monthName(q.heardMonth) })}
              </p>
            </li>`,
        )
      : html`<p>${t('youSaid.none')}</p>`;
    return this.card(
      'you-said',
      t('card.youSaid'),
      body,
      () => (p.youSaid.length ? p.youSaid.map((q) => q.text).join('. ') : t('youSaid.none')),
      p.youSaid.length,
    );
  }

  private weWill(p: PublicPromise) {
    const body = p.weWill.length
      ? this.shortList(
          'we-will',
          p.weWill,
          'pt-kiosk-actions',
          (a) =>
            html`<li>
              <p class="pt-kiosk-action__text">${content(a.text, a.textCy)} ${newBadge(a.isNew)}</p>
              <p>
                ${statusTag(a.status)}
                <span class="pt-kiosk-due">${t('weWill.by', { month: monthName(a.dueMonth) })}</span>
              </p>
              ${a.reason ? html`<p class="pt-kiosk-reason" lang="en">${a.reason}</p>` : nothing}
            </li>`,
        )
      : html`<p>${t('weWill.none')}</p>`;
    return this.card(
      'we-will',
      t('card.weWill'),
      body,
      () =>
        p.weWill.length
          ? p.weWill.map((a) => `${contentText(a.text, a.textCy)}. ${t(`status.${a.status}`)}. ${a.reason}`).join('. ')
          : t('weWill.none'),
      p.weWill.length,
    );
  }

  private howWeWillKnow(p: PublicPromise) {
    const body = p.howWeWillKnow.length
      ? html`${p.howWeWillKnow.map(
          (m) =>
            html`<div class="pt-kiosk-measure">
              <p class="pt-kiosk-big">${content(m.sentence, m.sentenceCy)}</p>
              ${m.values.length ? barChart(m, contentText(m.sentence, m.sentenceCy)) : nothing}
            </div>`,
        )}`
      : html`<p>${t('howWeWillKnow.none')}</p>`;
    return this.card('how-we-will-know', t('card.howWeWillKnow'), body, () =>
      p.howWeWillKnow.length
        ? p.howWeWillKnow.map((m) => `${contentText(m.sentence, m.sentenceCy)}. ${chartText(m)}`).join('. ')
        : t('howWeWillKnow.none'),
    );
  }

  private whatHappened(p: PublicPromise) {
    const latest = p.latestUpdate;
    // Each commitment's status is in "We will" and the journey above: not repeated here.
    const nothingYet = !latest && !p.weDid.length;
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
        p.weDid.length
          ? this.shortList(
              'what-happened',
              p.weDid,
              'pt-kiosk-answers',
              (a) =>
                html`<li>
                  <p class="pt-kiosk-answer__said">
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
            )
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
