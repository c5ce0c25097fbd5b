// Read aloud with the browser's own speech synthesis, in the chosen language. Nothing leaves the
// device: no speech service is called.
import { html, svg } from 'lit';
import { lang, t } from './i18n.js';

export function speak(text: string) {
  if (!('speechSynthesis' in window)) return;
  window.speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = lang() === 'cy' ? 'cy-GB' : 'en-GB';
  const voice = window.speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith(lang()));
  if (voice) utterance.voice = voice;
  utterance.rate = 0.9;
  window.speechSynthesis.speak(utterance);
}

export function stopSpeaking() {
  if ('speechSynthesis' in window) window.speechSynthesis.cancel();
}

// Drawn, not an emoji: many kiosk tablets have no emoji font and would show an empty box.
const speakerIcon = svg`<svg class="pt-kiosk-read__icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24"><path fill="currentColor" d="M3 9v6h4l5 5V4L7 9H3z"/><path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12"/></svg>`;

/** The Read aloud button every card carries. */
export function readAloudButton(title: string, text: () => string) {
  return html`<button
    type="button"
    class="pt-kiosk-button pt-kiosk-read"
    aria-label=${t('readAloud.label', { title })}
    @click=${() => speak(text())}
  >
    ${speakerIcon} ${t('readAloud')}
  </button>`;
}
