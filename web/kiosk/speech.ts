// Read aloud with the browser's own speech synthesis, in the chosen language. Nothing leaves the
// device: no speech service is called.
import { html } from 'lit';
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

/** The Read aloud button every card carries. */
export function readAloudButton(title: string, text: () => string) {
  return html`<button
    type="button"
    class="pt-kiosk-button pt-kiosk-read"
    aria-label=${t('readAloud.label', { title })}
    @click=${() => speak(text())}
  >
    <span class="pt-kiosk-read__icon" aria-hidden="true">🔊</span> ${t('readAloud')}
  </button>`;
}
