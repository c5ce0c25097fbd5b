// The children's kiosk: a shared touch screen (or a phone) showing the council's promises in
// plain words, in English or Welsh. It keeps nothing about who used it: no cookies, no storage,
// no analytics. When idle it resets itself and cycles through the promises (attract mode).
// It asks the server again on every page change and when the internet comes back, and never shows
// saved data more than a day old: it says "Connect to see the latest" instead.
// Idle timings come from the URL (?idle=seconds&cycle=seconds) so tests need not wait long.
import { html, nothing, type LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { PublicSummary } from '../../server/contracts/index.js';
import { PtKioskElement } from './light.js';
import { joinVoting, KioskApiError, loadSummary } from './api.js';
import { content, newBadge } from './content.js';
import { dateTime, setLang, t, type Lang } from './i18n.js';
import { stopSpeaking } from './speech.js';
import { withDefaultIcons } from './default-icons.js';
import { themeIcon } from './icons.js';
import type { Voting } from './pt-kiosk-promise.js';
import './pt-kiosk-home.js';
import './pt-kiosk-theme.js';
import './pt-kiosk-promise.js';

type View =
  { name: 'home' } | { name: 'theme'; themeId: number } | { name: 'promise'; promiseId: number } | { name: 'pin' };

const params = new URLSearchParams(location.search);
const seconds = (name: string, fallback: number) => {
  const n = Number(params.get(name));
  return Number.isFinite(n) && n > 0 ? n * 1000 : fallback;
};
/** How long without a touch before the kiosk resets and starts attract mode. */
const IDLE_MS = seconds('idle', 90_000);
/** How long each promise shows in attract mode. */
const CYCLE_MS = seconds('cycle', 8_000);
const REFRESH_MS = 5 * 60_000;
/** While showing saved data, how often to try the server again (the "online" event can come early). */
const OFFLINE_RETRY_MS = 5_000;
const DEFAULT_LANG: Lang = params.get('lang') === 'cy' ? 'cy' : 'en';

/** A random token for one child's turn: never stored, forgotten when the turn ends. */
function newVoterToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}

@customElement('pt-kiosk-app')
export class PtKioskApp extends PtKioskElement {
  @state() private language: Lang = DEFAULT_LANG;
  @state() private view: View = { name: 'home' };
  @state() private summary: PublicSummary | null = null;
  @state() private offline = false;
  @state() private stale = false;
  /** Counts answers fresh from the server after saved ones, so the open promise reloads too. */
  @state() private reconnections = 0;
  @state() private loadFailed = false;
  @state() private attract = false;
  @state() private attractIndex = 0;
  @state() private voting: Voting | null = null;
  @state() private pinError = '';

  private idleTimer = 0;
  private cycleTimer = 0;
  private refreshTimer = 0;
  private retryTimer = 0;
  private readonly onOnline = () => void this.load();
  private readonly onActivity = (event: Event) => {
    if (this.attract) {
      // The touch that wakes the kiosk only wakes it: it must not also press what is under it.
      event.preventDefault();
      event.stopPropagation();
      this.stopAttract();
    }
    this.armIdle();
  };

  override connectedCallback() {
    super.connectedCallback();
    setLang(this.language);
    for (const type of ['pointerdown', 'keydown', 'wheel']) window.addEventListener(type, this.onActivity, true);
    this.addEventListener('pt-kiosk-open-theme', (e) =>
      this.go({ name: 'theme', themeId: (e as CustomEvent).detail.themeId }),
    );
    this.addEventListener('pt-kiosk-open-promise', (e) =>
      this.go({ name: 'promise', promiseId: (e as CustomEvent).detail.promiseId }),
    );
    this.refreshTimer = window.setInterval(() => void this.load(), REFRESH_MS);
    window.addEventListener('online', this.onOnline);
    void this.load();
    this.armIdle();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    for (const type of ['pointerdown', 'keydown', 'wheel']) window.removeEventListener(type, this.onActivity, true);
    clearTimeout(this.idleTimer);
    clearInterval(this.cycleTimer);
    clearInterval(this.refreshTimer);
    clearTimeout(this.retryTimer);
    window.removeEventListener('online', this.onOnline);
  }

  private async load() {
    clearTimeout(this.retryTimer);
    const wasOffline = this.offline;
    try {
      const loaded = await loadSummary();
      // Themes a council gave no picture get a friendly one each, on every kiosk page alike.
      this.summary = { ...loaded.data, themes: withDefaultIcons(loaded.data.themes) };
      // A council that does not use Welsh has no Welsh kiosk, whatever the address asks for.
      if (!this.summary.useWelsh && this.language === 'cy') this.setLanguage('en');
      this.offline = loaded.offline;
      this.stale = loaded.stale;
      this.loadFailed = false;
    } catch {
      this.loadFailed = !this.summary;
      this.offline = true;
    }
    if (this.offline) this.retryTimer = window.setTimeout(() => void this.load(), OFFLINE_RETRY_MS);
    else if (wasOffline) this.reconnections++;
  }

  private go(view: View) {
    stopSpeaking();
    this.view = view;
    // Every page change is a chance to learn what changed (and, through the service worker, to
    // forget whatever was withdrawn).
    void this.load();
    window.scrollTo(0, 0);
    // Move focus to the new page's heading, so keyboard and screen reader users start at the top.
    // The heading belongs to the page element, which renders after this one, so wait for both.
    void this.updateComplete.then(async () => {
      const page = this.querySelector('main')?.firstElementChild as Partial<LitElement> | null | undefined;
      await page?.updateComplete;
      this.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true });
    });
  }

  private armIdle() {
    clearTimeout(this.idleTimer);
    this.idleTimer = window.setTimeout(() => this.startAttract(), IDLE_MS);
  }

  /** Resets everything the last child did, then cycles through the promises. */
  private startAttract() {
    stopSpeaking();
    this.view = { name: 'home' };
    this.language = DEFAULT_LANG;
    setLang(this.language);
    if (this.voting) this.voting = { ...this.voting, voterToken: null };
    this.pinError = '';
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
    this.attractIndex = 0;
    this.attract = true;
    void this.load();
    clearInterval(this.cycleTimer);
    this.cycleTimer = window.setInterval(() => {
      const n = this.summary?.promises.length ?? 0;
      this.attractIndex = n ? (this.attractIndex + 1) % n : 0;
    }, CYCLE_MS);
  }

  private stopAttract() {
    clearInterval(this.cycleTimer);
    this.attract = false;
    this.go({ name: 'home' });
  }

  private toggleLang() {
    this.setLanguage(this.language === 'en' ? 'cy' : 'en');
    stopSpeaking();
  }

  /** The council's Welsh name on the Welsh kiosk, where written. */
  private councilName() {
    return (this.language === 'cy' && this.summary?.councilNameCy) || this.summary?.councilName || '';
  }

  private updatedLine(s: PublicSummary) {
    const when = dateTime(s.generatedAt, s.timeZone);
    return html`<p class="pt-kiosk-updated">${t('updated.at', { when })}</p>`;
  }

  private setLanguage(next: Lang) {
    this.language = next;
    setLang(next);
  }

  private back() {
    const v = this.view;
    if (v.name === 'promise') {
      const themeId = this.summary?.promises.find((p) => p.id === v.promiseId)?.themeId;
      this.go(themeId ? { name: 'theme', themeId } : { name: 'home' });
    } else this.go({ name: 'home' });
  }

  private async submitPin(event: SubmitEvent) {
    event.preventDefault();
    const input = this.querySelector<HTMLInputElement>('#pt-kiosk-pin')!;
    const pin = input.value.trim();
    try {
      await joinVoting(pin);
      this.voting = { pin, voterToken: null };
      this.pinError = '';
      this.go({ name: 'home' });
    } catch (err) {
      this.pinError = err instanceof KioskApiError && err.status === 429 ? t('vote.pinTooMany') : t('vote.pinWrong');
      void this.updateComplete.then(() => this.querySelector<HTMLInputElement>('#pt-kiosk-pin')?.focus());
    }
  }

  override render() {
    return html`
      <a class="pt-kiosk-skip" href="#pt-kiosk-main">${t('app.skip')}</a>
      <header class="pt-kiosk-header">
        <p class="pt-kiosk-council">${this.councilName()}</p>
        <nav class="pt-kiosk-nav" aria-label=${t('app.title')}>
          ${
            this.view.name !== 'home'
              ? html`<button type="button" class="pt-kiosk-button" @click=${() => this.back()}>
                    <span aria-hidden="true">←</span> ${t('nav.back')}</button
                  ><button type="button" class="pt-kiosk-button" @click=${() => this.go({ name: 'home' })}>
                    <span aria-hidden="true">⌂</span> ${t('nav.home')}
                  </button>`
              : nothing
          }
          <button
            type="button"
            class="pt-kiosk-button pt-kiosk-lang"
            ?hidden=${!this.summary?.useWelsh}
            lang=${this.language === 'en' ? 'cy' : 'en'}
            aria-label=${t('lang.switchLabel')}
            @click=${() => this.toggleLang()}
          >
            ${t('lang.switch')}
          </button>
        </nav>
      </header>
      ${this.votingBar()}
      <main id="pt-kiosk-main" class="pt-kiosk-main">${this.page()}</main>
      <footer class="pt-kiosk-footer">
        ${
          this.offline && !this.stale
            ? html`<p class="pt-kiosk-offline" role="status">${t('updated.offline')}</p>`
            : nothing
        }
        ${this.summary ? this.updatedLine(this.summary) : nothing}
        <p>${t('footer.privacy')}</p>
        ${
          // For the participation worker, not the children: small, in the corner, still a button.
          this.voting || this.view.name === 'pin'
            ? nothing
            : html`<button
                type="button"
                class="pt-kiosk-staff"
                aria-label=${t('vote.staffLabel')}
                @click=${() => this.go({ name: 'pin' })}
              >
                ${t('vote.staff')}
              </button>`
        }
      </footer>
      ${this.attract ? this.attractScreen() : nothing}
    `;
  }

  private page() {
    if (this.loadFailed)
      return html`<h1 class="pt-kiosk-title" tabindex="-1">${t('app.title')}</h1>
        <p class="pt-kiosk-error" role="alert">${t('error.load')}</p>
        <button type="button" class="pt-kiosk-button" @click=${() => void this.load()}>${t('error.retry')}</button>`;
    // Saved words more than a day old may have been withdrawn since: show none of them.
    if (this.stale) return this.stalePage();
    // The title is known before the data: show it at once, so nothing moves when the data comes.
    if (!this.summary)
      return html`<h1 class="pt-kiosk-title" tabindex="-1">${t('app.title')}</h1>
        <p class="pt-kiosk-loading">${t('loading')}</p>`;
    const v = this.view;
    switch (v.name) {
      case 'theme':
        return html`<pt-kiosk-theme
          .summary=${this.summary}
          .themeId=${v.themeId}
          .language=${this.language}
        ></pt-kiosk-theme>`;
      case 'promise':
        return html`<pt-kiosk-promise
          .promiseId=${v.promiseId}
          .themeIcon=${this.summary.themes.find((th) => th.id === this.summary?.promises.find((p) => p.id === v.promiseId)?.themeId)?.icon ?? null}
          .language=${this.language}
          .voting=${this.voting}
          .reconnections=${this.reconnections}
        ></pt-kiosk-promise>`;
      case 'pin':
        return this.pinPage();
      default:
        return html`<pt-kiosk-home .summary=${this.summary} .language=${this.language}></pt-kiosk-home>`;
    }
  }

  private stalePage() {
    return html`<h1 class="pt-kiosk-title" tabindex="-1">${t('app.title')}</h1>
      <p class="pt-kiosk-error pt-kiosk-stale" role="alert"><span aria-hidden="true">⚠</span> ${t('updated.stale')}</p>
      <button type="button" class="pt-kiosk-button" @click=${() => void this.load()}>${t('error.retry')}</button>`;
  }

  private pinPage() {
    return html`<h1 class="pt-kiosk-title" tabindex="-1">${t('vote.pinTitle')}</h1>
      <form class="pt-kiosk-pin" @submit=${(e: SubmitEvent) => void this.submitPin(e)} novalidate>
        <label for="pt-kiosk-pin">${t('vote.pinLabel')}</label>
        <p id="pt-kiosk-pin-hint" class="pt-kiosk-hint">${t('vote.pinHint')}</p>
        ${this.pinError ? html`<p id="pt-kiosk-pin-error" class="pt-kiosk-error" role="alert">${this.pinError}</p>` : nothing}
        <input
          id="pt-kiosk-pin"
          class="pt-kiosk-input"
          inputmode="numeric"
          autocomplete="off"
          maxlength="6"
          aria-describedby=${this.pinError ? 'pt-kiosk-pin-hint pt-kiosk-pin-error' : 'pt-kiosk-pin-hint'}
        />
        <button type="submit" class="pt-kiosk-button pt-kiosk-button--primary">${t('vote.pinGo')}</button>
      </form>`;
  }

  private votingBar() {
    const voting = this.voting;
    if (!voting) return nothing;
    return html`<div class="pt-kiosk-voting" role="region" aria-label=${t('vote.on')}>
      <p><strong>${t('vote.on')}</strong> ${voting.voterToken ? nothing : t('vote.turnHint')}</p>
      ${
        voting.voterToken
          ? html`<button type="button" class="pt-kiosk-button" @click=${() => this.endTurn()}>
              ${t('vote.endTurn')}
            </button>`
          : html`<button
                type="button"
                class="pt-kiosk-button pt-kiosk-button--primary"
                @click=${() => this.startTurn()}
              >
                ${t('vote.startTurn')}</button
              ><button type="button" class="pt-kiosk-link" @click=${() => (this.voting = null)}>
                ${t('vote.stop')}
              </button>`
      }
    </div>`;
  }

  private startTurn() {
    if (!this.voting) return;
    this.voting = { ...this.voting, voterToken: newVoterToken() };
    this.go({ name: 'home' });
  }

  private endTurn() {
    if (!this.voting) return;
    this.voting = { ...this.voting, voterToken: null };
    this.go({ name: 'home' });
  }

  private attractScreen() {
    const list = this.stale ? [] : (this.summary?.promises ?? []);
    const p = list[this.attractIndex % Math.max(list.length, 1)];
    const theme = p && this.summary?.themes.find((th) => th.id === p.themeId);
    return html`<div class="pt-kiosk-attract" role="dialog" aria-modal="true" aria-label=${t('attract.label')}>
      ${
        p
          ? html`<div class="pt-kiosk-attract__card" data-attract-promise=${p.id}>
              ${
                theme
                  ? html`<p class="pt-kiosk-theme-name pt-kiosk-attract__theme">
                      <span class="pt-kiosk-tile__picture">${themeIcon(theme.icon, 'pt-kiosk-icon', true)}</span>
                      ${content(theme.name, theme.nameCy)}
                    </p>`
                  : nothing
              }
              <p class="pt-kiosk-attract__text">${content(p.text, p.textCy)}</p>
              ${newBadge(p.isNew)}
            </div>`
          : nothing
      }
      <button type="button" class="pt-kiosk-button pt-kiosk-button--primary pt-kiosk-attract__start">
        ${t('attract.title')}
      </button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-kiosk-app': PtKioskApp;
  }
}
