// A theme nobody gave a picture still gets a fitting, different one on the kiosk.
import { describe, expect, it } from 'vitest';
import { withDefaultIcons } from '../../../web/kiosk/default-icons.js';
import type { ThemeIcon } from '../../../server/contracts/index.js';

const theme = (name: string, icon: ThemeIcon = 'star', nameCy = '') => ({ name, nameCy, icon });
const icons = (list: ReturnType<typeof theme>[]) => withDefaultIcons(list).map((th) => th.icon);

describe('withDefaultIcons', () => {
  it('gives the four usual themes, none picked, a fitting picture each', () => {
    expect(icons([theme('Relationships'), theme('Rights'), theme('Resilience'), theme('Future')])).toEqual([
      'people',
      'speech',
      'heart',
      'rocket',
    ]);
  });

  it('reads Welsh names, and gives names with no fitting word the next picture not yet used', () => {
    expect(icons([theme('', 'star', 'Cartref'), theme('Fun things'), theme('Other things')])).toEqual([
      'home',
      'heart',
      'people',
    ]);
  });

  it('keeps every picture a council picked, and never repeats one of them', () => {
    // "well" fits the heart, which the first theme has: the next free picture instead.
    expect(icons([theme('Relationships', 'heart'), theme('Staying well'), theme('Rights')])).toEqual([
      'heart',
      'people',
      'speech',
    ]);
    // A fitting picture first ("Feeling" the heart); "Friends" would be people, taken, so the sun.
    expect(icons([theme('Family', 'people'), theme('Friends'), theme('Feeling good')])).toEqual([
      'people',
      'sun',
      'heart',
    ]);
  });

  it('keeps a star on one theme alone: it may have been chosen', () => {
    expect(icons([theme('Relationships'), theme('Rights', 'speech')])).toEqual(['star', 'speech']);
  });

  it('changes nothing else about a theme', () => {
    const [out] = withDefaultIcons([
      { ...theme('Rights'), id: 7 },
      { ...theme('Future'), id: 8 },
    ]);
    expect(out).toEqual({ name: 'Rights', nameCy: '', icon: 'speech', id: 7 });
  });
});
