// The Read aloud state machine, over a small speech engine that behaves as Chromium's does
// (voices that arrive after the page, cancel ending the old utterance with an error), because
// headless Chromium here has no voices at all: the browser test covers the "no voice" path.
import { describe, expect, it } from 'vitest';
import { Reader, type Synth, type Utterance } from '../../../web/kiosk/speech.js';

class Engine extends EventTarget {
  voices: { lang: string }[] = [];
  spoken: Utterance[] = [];
  private current: Utterance | null = null;
  speak(u: Utterance) {
    this.spoken.push(u);
    this.current = u;
  }
  cancel() {
    const was = this.current;
    this.current = null;
    // Chromium ends a cancelled utterance with an "interrupted" error, a moment later.
    if (was) queueMicrotask(() => was.onerror?.(undefined as never));
  }
  getVoices() {
    return this.voices;
  }
  /** The utterance being read reaches its end. */
  finish() {
    const was = this.current;
    this.current = null;
    was?.onend?.(undefined as never);
  }
  addVoices(voices: { lang: string }[]) {
    this.voices = voices;
    this.dispatchEvent(new Event('voiceschanged'));
  }
}

const utter = (text: string): Utterance => ({ text, lang: '', rate: 1, voice: null, onend: null, onerror: null });
const make = (engine: Engine | null, wait = 20) => new Reader(engine as unknown as Synth | null, utter, wait);
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('Read aloud', () => {
  it('plays the card tapped, in the chosen language, and goes back to idle when it ends', async () => {
    const engine = new Engine();
    engine.voices = [{ lang: 'en-GB' }, { lang: 'cy_GB' }];
    const reader = make(engine);
    const changes: string[] = [];
    reader.addEventListener('change', () => changes.push(reader.state.status));
    await reader.toggle('You said', 'You said. More trips', 'cy');
    expect(reader.state).toEqual({ status: 'playing', key: 'You said' });
    expect(engine.spoken.map((u) => [u.text, u.lang])).toEqual([['You said. More trips', 'cy-GB']]);
    expect(engine.spoken[0]!.voice).toEqual({ lang: 'cy_GB' });
    engine.finish();
    expect(reader.state).toEqual({ status: 'idle' });
    expect(changes).toEqual(['playing', 'idle']);
  });

  it('stops when the playing card is tapped again, and the cancelled utterance does not disturb the next', async () => {
    const engine = new Engine();
    engine.voices = [{ lang: 'en-GB' }];
    const reader = make(engine);
    await reader.toggle('You said', 'a', 'en');
    await reader.toggle('You said', 'a', 'en');
    expect(reader.state).toEqual({ status: 'idle' });
    // Another card while one plays: the first stops, the second plays, and the first's late
    // "interrupted" does not put the reader back to idle.
    await reader.toggle('We will', 'b', 'en');
    await reader.toggle('What happened', 'c', 'en');
    await tick();
    expect(reader.state).toEqual({ status: 'playing', key: 'What happened' });
    reader.stop();
    expect(reader.state).toEqual({ status: 'idle' });
  });

  it('says there is no voice when the device has none for the language, never silently doing nothing', async () => {
    const engine = new Engine();
    engine.voices = [{ lang: 'en-US' }];
    const reader = make(engine);
    // English voices only: Welsh is not read in an English voice.
    await reader.toggle('Ein haddewid', 'Testun', 'cy');
    expect(reader.state).toEqual({ status: 'noVoice', key: 'Ein haddewid' });
    expect(engine.spoken).toEqual([]);
    // No speech at all in the browser.
    const none = make(null);
    await none.toggle('Our promise', 'Words', 'en');
    expect(none.state).toEqual({ status: 'noVoice', key: 'Our promise' });
    none.stop();
    expect(none.state).toEqual({ status: 'idle' });
  });

  it('waits for voices that load after the page, and gives up after a moment', async () => {
    const engine = new Engine();
    const reader = make(engine, 200);
    const asked = reader.toggle('You said', 'a', 'en');
    engine.addVoices([{ lang: 'en-GB' }]);
    await asked;
    expect(reader.state).toEqual({ status: 'playing', key: 'You said' });

    const silent = make(new Engine(), 20);
    await silent.toggle('You said', 'a', 'en');
    expect(silent.state).toEqual({ status: 'noVoice', key: 'You said' });
  });

  it('drops a request overtaken while it waited for voices', async () => {
    const engine = new Engine();
    const reader = make(engine, 200);
    const first = reader.toggle('You said', 'a', 'en');
    reader.stop();
    engine.addVoices([{ lang: 'en-GB' }]);
    await first;
    expect(reader.state).toEqual({ status: 'idle' });
    expect(engine.spoken).toEqual([]);
  });
});
