// Read aloud with the browser's own speech synthesis, in the chosen language. Nothing leaves the
// device: no speech service is called. One reader for the whole kiosk, so only one card speaks at
// a time and every Read aloud button can show whether it is the one playing. With no voice for
// the language (headless browsers, many kiosk tablets) it says so, rather than doing nothing.
import type { Lang } from './i18n.js';

export type ReadState =
  | { status: 'idle' }
  | { status: 'playing'; key: string }
  /** Asked to read, but this device has no voice for the language. */
  | { status: 'noVoice'; key: string };

/** The parts of SpeechSynthesisUtterance the reader uses. */
export type Utterance = {
  text: string;
  lang: string;
  rate: number;
  voice: SpeechSynthesisVoice | null;
  onend: ((event: never) => unknown) | null;
  onerror: ((event: never) => unknown) | null;
};

/** The parts of window.speechSynthesis the reader uses. */
export type Synth = {
  speak(utterance: never): void;
  cancel(): void;
  getVoices(): readonly Pick<SpeechSynthesisVoice, 'lang'>[];
  addEventListener(type: 'voiceschanged', listener: () => void): void;
  removeEventListener(type: 'voiceschanged', listener: () => void): void;
};

const IDLE: ReadState = { status: 'idle' };

export class Reader extends EventTarget {
  state: ReadState = IDLE;
  private current: Utterance | null = null;
  /** Goes up on every request and stop, so an answer to an older request is dropped. */
  private ticket = 0;

  constructor(
    private readonly synth: Synth | null,
    private readonly utter: (text: string) => Utterance,
    /** Voices load after the page in Chromium: how long to wait for them on the first tap. */
    private readonly voiceWaitMs = 500,
  ) {
    super();
  }

  /** A tap on a Read aloud button: start reading it, or stop if it is the one playing. */
  async toggle(key: string, text: string, lang: Lang): Promise<void> {
    if (this.state.status === 'playing' && this.state.key === key) {
      this.stop();
      return;
    }
    this.stop();
    const ticket = this.ticket;
    const voice = await this.voiceFor(lang);
    if (ticket !== this.ticket) return;
    if (!this.synth || !voice) {
      this.set({ status: 'noVoice', key });
      return;
    }
    const utterance = this.utter(text);
    utterance.lang = lang === 'cy' ? 'cy-GB' : 'en-GB';
    utterance.voice = voice as SpeechSynthesisVoice;
    utterance.rate = 0.9;
    // Cancelling ends the old utterance too (Chromium says "interrupted"): only the one reading
    // now may put the reader back to idle.
    utterance.onend = utterance.onerror = () => {
      if (this.current !== utterance) return;
      this.current = null;
      this.set(IDLE);
    };
    this.current = utterance;
    this.set({ status: 'playing', key });
    this.synth.speak(utterance as never);
  }

  stop(): void {
    this.ticket++;
    if (this.current) {
      this.current = null;
      this.synth?.cancel();
    }
    if (this.state.status !== 'idle') this.set(IDLE);
  }

  private set(next: ReadState) {
    this.state = next;
    this.dispatchEvent(new Event('change'));
  }

  private async voiceFor(lang: Lang): Promise<Pick<SpeechSynthesisVoice, 'lang'> | null> {
    const synth = this.synth;
    if (!synth) return null;
    const match = () => synth.getVoices().find((v) => v.lang.toLowerCase().replace('_', '-').startsWith(lang)) ?? null;
    if (synth.getVoices().length === 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          synth.removeEventListener('voiceschanged', done);
          resolve();
        };
        const timer = setTimeout(done, this.voiceWaitMs);
        synth.addEventListener('voiceschanged', done);
      });
    }
    return match();
  }
}

const hasSpeech = typeof window !== 'undefined' && 'speechSynthesis' in window;

/** The kiosk's one reader, over the browser's own speech synthesis. */
export const reader = new Reader(
  hasSpeech ? (window.speechSynthesis as unknown as Synth) : null,
  (text) => new SpeechSynthesisUtterance(text) as unknown as Utterance,
);

export function stopSpeaking() {
  reader.stop();
}
