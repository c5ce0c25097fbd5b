// The Read aloud button every card carries. While its card is being read it becomes a Stop
// button with moving sound bars (still under reduced motion: the words change too); on a device
// with no voice it says so beside the button.
import { html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { PtKioskElement } from './light.js';
import { lang, t } from './i18n.js';
import { reader } from './speech.js';

// Drawn, not an emoji: many kiosk tablets have no emoji font and would show an empty box.
const speakerIcon = svg`<svg class="pt-kiosk-read__icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24"><path fill="currentColor" d="M3 9v6h4l5 5V4L7 9H3z"/><path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12"/></svg>`;
const stopIcon = svg`<svg class="pt-kiosk-read__icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24"><rect x="5" y="5" width="14" height="14" rx="2" fill="currentColor"/></svg>`;

@customElement('pt-kiosk-read-aloud')
export class PtKioskReadAloud extends PtKioskElement {
  /** The card's title: names the button ("Read aloud: You said") and tells the cards apart. */
  @property() heading = '';
  @property({ attribute: false }) text: () => string = () => '';

  private readonly onChange = () => this.requestUpdate();

  override connectedCallback() {
    super.connectedCallback();
    reader.addEventListener('change', this.onChange);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    reader.removeEventListener('change', this.onChange);
  }

  override render() {
    const state = reader.state;
    const mine = state.status !== 'idle' && state.key === this.heading;
    const playing = mine && state.status === 'playing';
    return html`<button
        type="button"
        class="pt-kiosk-button pt-kiosk-read${playing ? ' pt-kiosk-read--playing' : ''}"
        aria-label=${t(playing ? 'readAloud.stopLabel' : 'readAloud.label', { title: this.heading })}
        @click=${() => void reader.toggle(this.heading, this.text(), lang())}
      >
        ${playing ? stopIcon : speakerIcon} ${t(playing ? 'readAloud.stop' : 'readAloud')}
        ${
          playing
            ? html`<span class="pt-kiosk-read__bars" aria-hidden="true"><span></span><span></span><span></span></span>`
            : nothing
        }
      </button>
      <span class="pt-kiosk-read__note" role="status"
        >${mine && state.status === 'noVoice' ? t('readAloud.noVoice') : nothing}</span
      >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-kiosk-read-aloud': PtKioskReadAloud;
  }
}

/** The Read aloud button for one card. */
export function readAloudButton(title: string, text: () => string) {
  return html`<pt-kiosk-read-aloud .heading=${title} .text=${text}></pt-kiosk-read-aloud>`;
}
