// The signed-in shell: council header, navigation for the user's role, sign-out, and the page
// for the current URL. It owns the session and the routing; pages own their own data.
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { NeedsDoingList, SessionInfo, SessionState } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { api, onUnauthorised } from '../api/client.js';
import { currentPath, match, navigate, onRouteChange, startRouter } from '../router.js';
import {
  canSee,
  homePath,
  SECTIONS_BY_ROLE,
  session,
  sessionEnded,
  setSession,
  signOutOnDevice,
  type Section,
} from '../session.js';
import { t } from '../i18n/messages.js';
import { NAV, ROUTES } from '../routes.js';
import '../views/pt-not-found-page.js';
import './pt-loading.js';

@customElement('pt-app')
export class PtApp extends PtLightElement {
  @state() private ready = false;
  @state() private info: SessionInfo | null = null;
  @state() private page: TemplateResult | null = null;
  @state() private path = '';

  private routeRun = 0;

  override connectedCallback() {
    super.connectedCallback();
    startRouter();
    onRouteChange(() => void this.route());
    onUnauthorised(() => {
      if (!session()) return;
      sessionEnded();
      this.signedOut();
      navigate('/session-ended', { replace: true });
    });
    this.addEventListener('pt-signed-in', (e) => {
      this.info = (e as CustomEvent<SessionInfo>).detail;
      setSession(this.info);
    });
    void this.start();
  }

  private async start() {
    try {
      // Signed out is a normal answer ({ signedIn: false }), so a signed-out load logs no error.
      const state = await api.get<SessionState>('/session');
      const info = state.signedIn ? state : null;
      setSession(info);
      this.info = info;
    } catch {
      // Unreachable: the sign-in page says so.
      setSession(null);
    }
    this.ready = true;
    await this.route();
  }

  private signedOut() {
    this.countedAt = 0;
    this.needs = 0;
    setSession(null);
    this.info = null;
  }

  private async route() {
    const run = ++this.routeRun;
    const path = currentPath().replace(/\/+$/, '') || '/';
    if (path === '/') return navigate(session() ? homePath() : '/sign-in', { replace: true });
    if (path === '/sign-in' && session()) return navigate(homePath(), { replace: true });

    let params: Record<string, string> | null = null;
    const route = ROUTES.find((r) => (params = match(r.pattern, path)));
    let page: TemplateResult;
    if (!route || !params) page = html`<pt-not-found-page></pt-not-found-page>`;
    else if (route.section !== 'public' && !session()) return navigate('/sign-in', { replace: true });
    else if (route.section !== 'public' && (!canSee(route.section) || (route.adminOnly && !canSee('admin'))))
      page = html`<pt-not-found-page forbidden></pt-not-found-page>`;
    else {
      if (route.load) {
        if (!this.page) this.page = html`<pt-loading></pt-loading>`;
        await route.load();
      }
      page = route.view(params);
    }
    if (run !== this.routeRun) return;
    this.path = path;
    if (session() && Date.now() - this.countedAt > 60_000) {
      this.countedAt = Date.now();
      void this.countNeeds();
    }
    this.page = page;
    await this.updateComplete;
    // Move focus to the new page's heading, as a full page load would put the reader at the top.
    const h1 = this.querySelector<HTMLElement>('main h1');
    if (h1 && this.routeRun > 1) {
      h1.tabIndex = -1;
      h1.focus({ preventScroll: true });
    }
  }

  private async signOut() {
    try {
      await api.del('/session');
    } finally {
      signOutOnDevice();
      this.signedOut();
      navigate('/sign-in?signed-out=1');
    }
  }

  /** How many things need the person, beside "Actions" (or "Feedback" for a participation worker). */
  @state() private needs = 0;
  private countedAt = 0;

  private async countNeeds() {
    try {
      this.needs = (await api.get<NeedsDoingList>('/me/needs-doing')).total;
    } catch {
      this.needs = 0;
    }
  }

  private needsCount(section: Section) {
    const home = this.info?.user.role === 'participation' ? 'feedback' : 'actions';
    if (section !== home || this.needs === 0) return nothing;
    // Beside the link, not in it: the link keeps its name, and the count is read after it.
    return html` <strong class="govuk-tag govuk-tag--yellow pt-nav__count"
      >${t('needsDoing.navCount', { count: this.needs })}</strong
    >`;
  }

  private nav() {
    if (!this.info) return nothing;
    const sections = SECTIONS_BY_ROLE[this.info.user.role];
    return html`<nav class="pt-nav" aria-label=${t('nav.label')}>
      <div class="govuk-width-container">
        <ul class="pt-nav__list">
          ${NAV.filter((n) => sections.includes(n.section)).map(
            (n) =>
              html`<li>
                <a
                  class="pt-nav__link govuk-link"
                  href=${n.href}
                  aria-current=${this.path === n.href || this.path.startsWith(`${n.href}/`) ? 'page' : nothing}
                  >${n.label()}</a
                >${this.needsCount(n.section)}
              </li>`,
          )}
        </ul>
      </div>
    </nav>`;
  }

  override render() {
    const info = this.info;
    return html`<a href="#main-content" class="govuk-skip-link">${t('app.skip')}</a>
      <header class="pt-header">
        <div class="govuk-width-container pt-header__bar">
          <a class="pt-header__council" href=${info ? '/promises' : '/sign-in'}
            >${info ? info.councilName : t('app.name')}</a
          >
          ${
            info
              ? html`<div class="pt-header__user">
                  <span>${t('header.signedInAs', { name: info.user.name })}</span>
                  <button type="button" class="pt-header__signout" @click=${() => void this.signOut()}>
                    ${t('header.signOut')}
                  </button>
                </div>`
              : nothing
          }
        </div>
      </header>
      ${this.nav()}
      <div class="govuk-width-container">
        <main class="govuk-main-wrapper" id="main-content">
          ${this.ready && this.page ? this.page : html`<pt-loading></pt-loading>`}
        </main>
      </div>
      <footer class="pt-footer">
        <div class="govuk-width-container">${t('app.footer')}</div>
      </footer>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-app': PtApp;
  }
}
