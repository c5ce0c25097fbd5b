// Which commitments answer a feedback item: the linked ones, each with an Unlink button, and a
// picker to link more. The picker is GOV.UK checkboxes grouped by promise, with a filter box:
// the commitments under the item's own promises are listed first; any other is found by typing
// words from its wording, its promise or its owner (read from the existing list route, once, on
// the first search). It does not call the API itself: it says what the user chose in
// `pt-commitment-link` ({ link, unlink }) and the page saves it and passes the new ids back.
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import type { Commitment } from '../../server/contracts/index.js';
import { api } from '../api/client.js';
import { t } from '../i18n/messages.js';
import { day } from '../dates.js';
import { PtLightElement } from '../light-element.js';

export type CommitmentLinkChange = { link: number[]; unlink: number[] };

/** The most "other" matches drawn at once: more words narrow the list. */
const MAX_OTHERS = 50;
const PAGE = 200;

async function allPages(path: string, signal: AbortSignal): Promise<Commitment[]> {
  const sep = path.includes('?') ? '&' : '?';
  const first = await api.get<{ items: Commitment[]; total: number }>(`${path}${sep}pageSize=${PAGE}`, signal);
  const pages = Math.ceil(first.total / PAGE);
  const rest = await Promise.all(
    Array.from({ length: Math.max(0, pages - 1) }, (_, i) =>
      api.get<{ items: Commitment[] }>(`${path}${sep}pageSize=${PAGE}&page=${i + 2}`, signal),
    ),
  );
  return [first.items, ...rest.map((r) => r.items)].flat();
}

/** Commitments by promise, in the order first met. */
function byPromise(list: readonly Commitment[]): { promise: string; items: Commitment[] }[] {
  const groups = new Map<number, { promise: string; items: Commitment[] }>();
  for (const c of list) {
    const g = groups.get(c.promiseId) ?? { promise: c.promiseStaffText, items: [] };
    g.items.push(c);
    groups.set(c.promiseId, g);
  }
  return [...groups.values()];
}

@customElement('pt-commitment-linker')
export class PtCommitmentLinker extends PtLightElement {
  @property({ attribute: false }) promiseIds: number[] = [];
  @property({ attribute: false }) commitmentIds: number[] = [];
  /** Titles of the linked commitments the page already read, used until the lists arrive. */
  @property({ attribute: false }) titles = new Map<number, string>();

  @state() private query = '';
  @state() private chosen = new Set<number>();
  @state() private error = '';
  /** Every commitment is read on the first search, and kept. */
  @state() private wantAll = false;
  /** Set by a link or unlink: focus goes to the linked list when the page passes the new ids. */
  private focusLinkedNext = false;

  /** The commitments under the item's promises, read whenever its promises change. */
  private ours = new Task(this, {
    task: async ([key], { signal }) => {
      const ids = key ? key.split(',') : [];
      return (await Promise.all(ids.map((p) => allPages(`/commitments?promiseId=${p}`, signal)))).flat();
    },
    // By value: the page passes a fresh array after every save.
    args: () => [this.promiseIds.join(',')] as const,
  });

  /** Every current commitment, read once on the first search. */
  private everyone = new Task(this, {
    task: async ([wanted], { signal }) => (wanted ? allPages('/commitments?sort=dueDate', signal) : null),
    args: () => [this.wantAll] as const,
  });

  override updated(changed: PropertyValues<this>) {
    if (changed.has('commitmentIds') && this.focusLinkedNext) {
      this.focusLinkedNext = false;
      this.querySelector<HTMLElement>('#linked-commitments')?.focus();
    }
  }

  private known(): Map<number, Commitment> {
    const map = new Map<number, Commitment>();
    for (const c of this.everyone.value ?? []) map.set(c.id, c);
    for (const c of this.ours.value ?? []) map.set(c.id, c);
    return map;
  }

  private fits(c: Commitment, words: string[]) {
    const text = `${c.title} ${c.childTitle} ${c.promiseStaffText} ${c.ownerName ?? ''}`.toLowerCase();
    return words.every((w) => text.includes(w));
  }

  private describe(c: Commitment) {
    const owner = c.ownerName ? t('linker.owner', { name: c.ownerName }) : t('linker.noOwner');
    return `${owner}, ${t('linker.due', { date: day(c.dueDate) })}`;
  }

  private emit(change: CommitmentLinkChange) {
    this.focusLinkedNext = true;
    this.dispatchEvent(new CustomEvent<CommitmentLinkChange>('pt-commitment-link', { detail: change, bubbles: true }));
  }

  private submit(e: SubmitEvent) {
    e.preventDefault();
    const link = [...this.chosen].filter((id) => !this.commitmentIds.includes(id));
    if (!link.length) {
      this.error = t('linker.chooseOne');
      void this.updateComplete.then(() => this.querySelector<HTMLElement>('#f-commitments input')?.focus());
      return;
    }
    this.error = '';
    this.chosen = new Set();
    this.emit({ link, unlink: [] });
  }

  private toggle(id: number, on: boolean) {
    const next = new Set(this.chosen);
    if (on) next.add(id);
    else next.delete(id);
    this.chosen = next;
  }

  private linked(known: Map<number, Commitment>) {
    return html`<h3 class="govuk-heading-s" id="linked-commitments" tabindex="-1">${t('linker.linkedTitle')}</h3>
      ${
        this.commitmentIds.length
          ? html`<ul class="govuk-list pt-fb-links">
              ${this.commitmentIds.map((id) => {
                const c = known.get(id);
                const name = c?.title ?? this.titles.get(id) ?? `#${id}`;
                return html`<li>
                  ${name}
                  ${c ? html`<span class="govuk-hint govuk-!-display-inline">(${this.describe(c)})</span>` : nothing}
                  <button
                    type="button"
                    class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-left-2"
                    @click=${() => this.emit({ link: [], unlink: [id] })}
                  >
                    ${t('linker.unlink')}<span class="govuk-visually-hidden"> ${name}</span>
                  </button>
                </li>`;
              })}
            </ul>`
          : html`<p class="govuk-body">${t('linker.none')}</p>`
      }`;
  }

  private group(heading: string, list: readonly Commitment[]) {
    if (!list.length) return nothing;
    return html`<h4 class="govuk-heading-s govuk-!-margin-bottom-2">${heading}</h4>
      ${byPromise(list).map(
        (g) =>
          html`<fieldset class="govuk-fieldset govuk-!-margin-bottom-4">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${g.promise}</legend>
            <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
              ${g.items.map(
                (c) =>
                  html`<div class="govuk-checkboxes__item">
                    <input
                      class="govuk-checkboxes__input"
                      id="f-commitment-${c.id}"
                      name="commitmentId"
                      type="checkbox"
                      value=${c.id}
                      aria-describedby="f-commitment-${c.id}-hint${this.error ? ' f-commitments-error' : ''}"
                      .checked=${this.chosen.has(c.id)}
                      @change=${(e: Event) => this.toggle(c.id, (e.target as HTMLInputElement).checked)}
                    />
                    <label class="govuk-label govuk-checkboxes__label" for="f-commitment-${c.id}">${c.title}</label>
                    <div class="govuk-hint govuk-checkboxes__hint" id="f-commitment-${c.id}-hint">
                      ${this.describe(c)}
                    </div>
                  </div>`,
              )}
            </div>
          </fieldset>`,
      )}`;
  }

  private picker() {
    const words = this.query.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const linked = new Set(this.commitmentIds);
    const ours = (this.ours.value ?? []).filter((c) => !linked.has(c.id) && this.fits(c, words));
    const ourIds = new Set((this.ours.value ?? []).map((c) => c.id));
    const allOthers = words.length
      ? (this.everyone.value ?? []).filter((c) => !linked.has(c.id) && !ourIds.has(c.id) && this.fits(c, words))
      : [];
    const others = allOthers.slice(0, MAX_OTHERS);
    const failed = words.length > 0 && this.everyone.status === TaskStatus.ERROR;
    const searching = words.length > 0 && !failed && !this.everyone.value;
    const shown = ours.length + others.length;
    return html`<h3 class="govuk-heading-s">${t('linker.pickTitle')}</h3>
      <form novalidate @submit=${(e: SubmitEvent) => this.submit(e)}>
        <div class="govuk-form-group">
          <label class="govuk-label" for="f-commitment-search">${t('linker.search')}</label>
          <div class="govuk-hint" id="f-commitment-search-hint">${t('linker.searchHint')}</div>
          <input
            class="govuk-input govuk-!-width-two-thirds"
            id="f-commitment-search"
            type="text"
            autocomplete="off"
            spellcheck="false"
            aria-describedby="f-commitment-search-hint"
            aria-controls="f-commitments"
            .value=${this.query}
            @input=${(e: Event) => {
              this.query = (e.target as HTMLInputElement).value;
              if (this.query.trim()) this.wantAll = true;
            }}
            @keydown=${(e: KeyboardEvent) => {
              // Enter in the filter would link whatever is ticked; it only filters.
              if (e.key === 'Enter') e.preventDefault();
            }}
          />
        </div>
        <p class="govuk-body" aria-live="polite" data-testid="linker-count">
          ${
            failed
              ? t('error.network')
              : searching
                ? t('app.loading')
                : words.length
                  ? shown
                    ? shown === 1
                      ? t('linker.countOne')
                      : t('linker.count', { count: shown })
                    : t('linker.noMatches')
                  : nothing
          }
        </p>
        <div class="govuk-form-group ${this.error ? 'govuk-form-group--error' : ''}" id="f-commitments">
          ${
            this.error
              ? html`<p class="govuk-error-message" id="f-commitments-error">
                  <span class="govuk-visually-hidden">Error:</span> ${this.error}
                </p>`
              : nothing
          }
          ${this.promiseIds.length ? nothing : html`<p class="govuk-body">${t('linker.noPromise')}</p>`}
          ${this.group(t('linker.ourPromises'), ours)} ${this.group(t('linker.otherPromises'), others)}
          ${
            allOthers.length > MAX_OTHERS
              ? html`<p class="govuk-body">${t('linker.more', { shown: MAX_OTHERS })}</p>`
              : nothing
          }
          ${
            !words.length && this.promiseIds.length
              ? html`<p class="govuk-hint">${t('linker.typeToSearch')}</p>`
              : nothing
          }
        </div>
        ${
          shown
            ? html`<button class="govuk-button govuk-button--secondary" type="submit">
                ${t('linker.linkChosen')}
              </button>`
            : nothing
        }
      </form>`;
  }

  override render() {
    return html`${this.linked(this.known())} ${this.picker()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-commitment-linker': PtCommitmentLinker;
  }
}
