// Type-ahead choice of the promises an item is about: matches promise words and theme names
// (a theme shows its promises), several allowed. A combobox with a listbox, keyboard-first.
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CouncilPromise, Theme } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { t } from '../i18n/messages.js';

@customElement('pt-promise-picker')
export class PtPromisePicker extends PtLightElement {
  @property({ attribute: false }) promises: CouncilPromise[] = [];
  @property({ attribute: false }) themes: Theme[] = [];
  @property({ attribute: false }) value: number[] = [];
  @property() label = '';
  @property() inputId = '';
  /** In a long form that explains the picker once: the hint is read by screen readers, not shown. */
  @property({ type: Boolean }) compact = false;

  @state() private query = '';
  @state() private active = 0;

  private matchesFor(): CouncilPromise[] {
    const q = this.query.trim().toLowerCase();
    if (!q) return [];
    const themeIds = new Set(this.themes.filter((th) => th.name.toLowerCase().includes(q)).map((th) => th.id));
    return this.promises
      .filter((p) => !this.value.includes(p.id))
      .filter((p) => p.staffText.toLowerCase().includes(q) || themeIds.has(p.themeId))
      .slice(0, 8);
  }

  private themeName(id: number) {
    return this.themes.find((th) => th.id === id)?.name ?? '';
  }

  private choose(id: number) {
    this.value = [...this.value, id];
    this.query = '';
    this.active = 0;
    this.dispatchEvent(new CustomEvent('pt-promise-change', { detail: this.value, bubbles: true }));
  }

  private removeId(id: number) {
    this.value = this.value.filter((v) => v !== id);
    this.dispatchEvent(new CustomEvent('pt-promise-change', { detail: this.value, bubbles: true }));
  }

  private keydown(e: KeyboardEvent, matches: CouncilPromise[]) {
    if (matches.length === 0) return;
    if (e.key === 'ArrowDown') this.active = Math.min(this.active + 1, matches.length - 1);
    else if (e.key === 'ArrowUp') this.active = Math.max(this.active - 1, 0);
    else if (e.key === 'Enter') this.choose(matches[this.active]!.id);
    else if (e.key === 'Escape') this.query = '';
    else return;
    // Enter picks a promise here; it must not also start a new item.
    e.preventDefault();
    e.stopPropagation();
  }

  override render() {
    const matches = this.matchesFor();
    const listId = `${this.inputId}-list`;
    const open = this.query.trim() !== '';
    return html`<div class="govuk-form-group pt-picker">
      <label class="govuk-label" for=${this.inputId}>${this.label}</label>
      <div class="govuk-hint ${this.compact ? 'govuk-visually-hidden' : ''}" id="${this.inputId}-hint">
        ${t('picker.hint')}
      </div>
      ${
        this.value.length
          ? html`<ul class="pt-picker__chosen">
              ${this.value.map((id) => {
                const p = this.promises.find((x) => x.id === id);
                const name = p ? p.staffText : `#${id}`;
                return html`<li class="govuk-tag govuk-tag--blue">
                  ${name}
                  <button type="button" class="pt-picker__remove" @click=${() => this.removeId(id)}>
                    <span aria-hidden="true">×</span
                    ><span class="govuk-visually-hidden">${t('picker.remove', { name })}</span>
                  </button>
                </li>`;
              })}
            </ul>`
          : nothing
      }
      <input
        class="govuk-input"
        id=${this.inputId}
        type="text"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${listId}
        aria-describedby="${this.inputId}-hint"
        aria-activedescendant=${open && matches.length ? `${listId}-${this.active}` : nothing}
        .value=${this.query}
        @input=${(e: Event) => {
          this.query = (e.target as HTMLInputElement).value;
          this.active = 0;
        }}
        @keydown=${(e: KeyboardEvent) => this.keydown(e, matches)}
      />
      <ul class="pt-picker__list" id=${listId} role="listbox" ?hidden=${!open}>
        ${matches.map(
          (p, i) =>
            html`<li
              id="${listId}-${i}"
              role="option"
              aria-selected=${i === this.active ? 'true' : 'false'}
              class="pt-picker__option ${i === this.active ? 'pt-picker__option--active' : ''}"
              @mousedown=${(e: Event) => {
                e.preventDefault();
                this.choose(p.id);
              }}
            >
              ${p.staffText} <span class="govuk-hint">(${t('picker.theme', { name: this.themeName(p.themeId) })})</span>
            </li>`,
        )}
        ${open && matches.length === 0 ? html`<li class="pt-picker__option">${t('picker.none')}</li>` : nothing}
      </ul>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-promise-picker': PtPromisePicker;
  }
}
