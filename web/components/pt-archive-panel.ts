// Archive (and restore) one commitment or measure, for admins. Archiving asks first, in a GOV.UK
// warning that says what it does: the item leaves the board's figures and the children's kiosk,
// its history is kept. It sends the version the page shows, so a change someone else made
// meanwhile is a 409: the panel hands that (and any other failure) to the page as
// `pt-archive-error`, whose form already knows how to show their version. A success is
// `pt-archive-change`, with the saved record, for the page to take up.
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, api } from '../api/client.js';
import { t } from '../i18n/messages.js';
import { PtLightElement } from '../light-element.js';
import './pt-notification-banner.js';

export type ArchiveKind = 'commitment' | 'measure';
export type ArchiveChange = { archived: boolean };

const PATH: Record<ArchiveKind, string> = { commitment: 'commitments', measure: 'measures' };

@customElement('pt-archive-panel')
export class PtArchivePanel extends PtLightElement {
  @property() kind: ArchiveKind = 'commitment';
  @property({ type: Number }) itemId = 0;
  /** The version the page shows: archiving or restoring anything newer is refused (409). */
  @property({ type: Number }) version = 0;
  @property({ type: Boolean }) archived = false;

  @state() private confirming = false;
  @state() private busy = false;
  /** What was just done, for the success banner. */
  @state() private done: 'archived' | 'restored' | null = null;

  private get path() {
    return `/${PATH[this.kind]}/${this.itemId}`;
  }

  private async open() {
    this.done = null;
    this.confirming = true;
    await this.updateComplete;
    this.querySelector<HTMLElement>('[data-archive-confirm]')?.focus();
  }

  private async cancel() {
    this.confirming = false;
    await this.updateComplete;
    this.querySelector<HTMLElement>('[data-archive-open]')?.focus();
  }

  private async run(archive: boolean) {
    this.busy = true;
    try {
      if (archive) await api.del(`${this.path}?version=${this.version}`);
      else await api.post(`${this.path}/restore`, { version: this.version });
      this.done = archive ? 'archived' : 'restored';
      this.confirming = false;
      this.dispatchEvent(
        new CustomEvent<ArchiveChange>('pt-archive-change', { detail: { archived: archive }, bubbles: true }),
      );
    } catch (err) {
      this.confirming = false;
      const detail = err instanceof ApiError ? err : new ApiError(0, 'Network error', '', {}, undefined);
      this.dispatchEvent(new CustomEvent<ApiError>('pt-archive-error', { detail, bubbles: true }));
    } finally {
      this.busy = false;
    }
  }

  private banner() {
    if (!this.done) return nothing;
    const k = this.kind;
    return html`<pt-notification-banner
      type="success"
      heading=${t('actions.success')}
      text=${this.done === 'archived' ? t(`archive.${k}.archived`) : t(`archive.${k}.restored`)}
    ></pt-notification-banner>`;
  }

  override render() {
    const k = this.kind;
    const warningId = `archive-warning-${k}`;
    if (this.archived)
      return html`<section class="pt-archive-panel" aria-labelledby="archive-heading">
        ${this.banner()}
        <h2 class="govuk-heading-m" id="archive-heading">
          <strong class="govuk-tag govuk-tag--grey">${t('archive.tag')}</strong>
        </h2>
        <p class="govuk-body">${t(`archive.${k}.archivedText`)}</p>
        <button
          type="button"
          class="govuk-button govuk-button--secondary"
          ?disabled=${this.busy}
          @click=${() => void this.run(false)}
        >
          ${t(`archive.${k}.restore`)}
        </button>
      </section>`;
    return html`<section class="pt-archive-panel" aria-labelledby="archive-heading">
      ${this.banner()}
      <h2 class="govuk-heading-m" id="archive-heading">${t(`archive.${k}.heading`)}</h2>
      ${
        this.confirming
          ? html`<div class="govuk-warning-text" id=${warningId}>
                <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
                <strong class="govuk-warning-text__text">
                  <span class="govuk-visually-hidden">Warning</span>
                  ${t(`archive.${k}.warning`)}
                </strong>
              </div>
              <div class="govuk-button-group">
                <button
                  type="button"
                  class="govuk-button govuk-button--warning"
                  data-archive-confirm
                  aria-describedby=${warningId}
                  ?disabled=${this.busy}
                  @click=${() => void this.run(true)}
                >
                  ${t(`archive.${k}.confirm`)}
                </button>
                <button type="button" class="govuk-button govuk-button--secondary" @click=${() => void this.cancel()}>
                  ${t('archive.cancel')}
                </button>
              </div>`
          : html`<p class="govuk-body">${t(`archive.${k}.intro`)}</p>
              <button
                type="button"
                class="govuk-button govuk-button--warning"
                data-archive-open
                @click=${() => void this.open()}
              >
                ${t(`archive.${k}.button`)}
              </button>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-archive-panel': PtArchivePanel;
  }
}
