// The fourth round of the identifier check (issue 15): each rule it added, with a look-alike that
// must stay clean. These examples are new, not the tuning quotes themselves. The round's two sets
// are held to the goal here, with the masking of their labelled spans; the others are in
// identifiers.test.ts.
import { describe, expect, it } from 'vitest';
import { findIdentifiers, type FindingKind, type IdentifierContext } from '../../server/domain/identifiers.js';
import { measure } from '../../server/domain/identifiers-measure.js';
import { QUOTES as EXTRA_TUNING_5 } from '../fixtures/identifier-quotes-2026/extra-tuning-5.js';
import { QUOTES as EXTRA_TUNING_6 } from '../fixtures/identifier-quotes-2026/extra-tuning-6.js';

const none: IdentifierContext = { localNames: [], watchWords: [], staffNames: [] };
const found = (text: string): [FindingKind, string][] => findIdentifiers(text, none).map((f) => [f.kind, f.text]);

describe('descriptions only one child fits, said in new ways', () => {
  it.each([
    'my dad was the man on the local news who found the lost dog',
    'I am the first girl ever to captain the boys team',
    'there is no other Sikh family in our village',
    'my cousin has brittle bone disease',
    'we were voted Foster Family of the Year last spring',
    "my nan's the lady who runs the cafe in the village",
    'me and my twin are the only girls in the whole estate who box',
    'she is the only child in the authority with that placement',
    'the first young person from our council to go to university',
    'we got split up and it was all over the papers',
    'rare enough that only around 12 children have it',
  ])('flags "%s"', (text) => {
    expect(found(text).map(([k]) => k)).toContain('unique-description');
  });

  it.each([
    "I'm the only one who ever takes the bins out",
    'the only one who supports Swansea in my house',
    'the man on the news said it would snow',
    'the first time I went to university open day',
    'lots of kids are the only ones in their class in care',
    'it was on the news that bus fares are going up',
  ])('leaves "%s" alone', (text) => {
    expect(found(text).filter(([k]) => k === 'unique-description')).toEqual([]);
  });
});

describe('homes named by the sentence around them', () => {
  it.each([
    ['our unit (Kittiwake) has a new pool table', 'Kittiwake'],
    ['my respite place, Curlew, was fun', 'Curlew'],
    ['I just want to go back to Penmaenau', 'Penmaenau'],
    ['at Teasel the staff let us cook', 'Teasel'],
    ['Beechfield is strict about bedtimes', 'Beechfield'],
    ['my placement at Hafan Deg is going well', 'Hafan Deg'],
  ] as const)('finds "%s"', (text, words) => {
    expect(found(text)).toContainEqual(['home', words]);
  });

  it.each(['we went to Alton Towers', 'Hollywood films are the best', 'going back to Cardiff on the train'])(
    'leaves "%s" alone',
    (text) => {
      expect(found(text).filter(([k]) => k === 'home')).toEqual([]);
    },
  );
});

describe('names and staff', () => {
  it.each([
    ['Ask Bogumila, she knows', 'name', 'Bogumila'],
    ['I do video calls with Trinh on sundays', 'name', 'Trinh'],
    ['could Eluned come with me to court', 'name', 'Eluned'],
    ['Grandpa Wojciech is poorly', 'name', 'Wojciech'],
    ['everyone calls Noodle the funniest kid here', 'name', 'Noodle'],
    ['the day staff, Halina, are nice', 'staff-or-carer', 'Halina'],
    ['Marged the deputy said no', 'staff-or-carer', 'Marged'],
    ['my advocate (Tegid) was great', 'staff-or-carer', 'Tegid'],
    ['Gwil on the late shift helps with homework', 'staff-or-carer', 'Gwil'],
    ['we moved house and Zofia cried', 'name', 'Zofia'],
    ['honestly the best thing about school is Oisin', 'name', 'Oisin'],
  ] as const)('finds "%s"', (text, kind, words) => {
    expect(found(text)).toContainEqual([kind, words]);
  });

  it.each([
    'I got a Bill from the dentist',
    'there was an Amber alert on the news',
    'Islam teaches kindness',
    'I speak Romanian and English',
    'Summer is my favourite time of year',
    'Promise Tracker emails you a list',
    'we climbed Snowdon last year',
    'Michael Sheen was in Good Omens',
    'Colin the caterpillar is the best cake',
  ])('leaves "%s" alone', (text) => {
    expect(found(text).filter(([k]) => k === 'name' || k === 'full-name')).toEqual([]);
  });
});

describe('the words a finding covers, so the masking hides them all', () => {
  it('takes in a flat number, a year after a festival and a given name before a full name', () => {
    expect(found('send it to flat 2b, 40 Tanyard Road')).toContainEqual(['street-address', 'flat 2b, 40 Tanyard Road']);
    expect(found('i was born on bonfire night 2012')).toContainEqual(['date-of-birth', 'bonfire night 2012']);
    expect(found('Ruby Anne Okafor is my sister')).toContainEqual(['full-name', 'Ruby Anne Okafor']);
  });
});

describe('handles and dates', () => {
  it('finds a Discord tag, not a mention of everyone', () => {
    expect(found('my discord is moonpie#0042')).toContainEqual(['handle', 'moonpie#0042']);
    expect(found('someone pinged @everyone again')).toEqual([]);
  });

  it('finds a Welsh birthday after "pen-blwydd"', () => {
    expect(found('Mae fy mhen-blwydd i ar y 3ydd o Fawrth')).toContainEqual(['date-of-birth', '3ydd o Fawrth']);
    expect(found('pen-blwydd fi ydy 21ain o Fehefin')).toContainEqual(['date-of-birth', '21ain o Fehefin']);
  });
});

describe("the fourth round's sets", () => {
  // Written in the fourth round with word-level spans, each scored once before it was tuned on:
  // 83.8% and 8.2% (the fifth, on the check as the third round left it), 81.7% and 6.7% (the
  // sixth, after the changes made for the fifth). BENCHMARKS.md.
  it.each([
    ['fifth', EXTRA_TUNING_5, 150],
    ['sixth', EXTRA_TUNING_6, 60],
  ] as const)('%s extra tuning set (with spans): at least 95% flagged, at most 5% false alarms', (_, set, size) => {
    expect(set.filter((q) => q.identifying).length).toBeGreaterThanOrEqual(size);
    expect(set.filter((q) => !q.identifying).length).toBeGreaterThanOrEqual(size);
    const m = measure(set, none);
    expect(m.flaggedRate).toBeGreaterThanOrEqual(0.95);
    expect(m.rightKindRate).toBeGreaterThanOrEqual(0.9);
    expect(m.falseAlarmRate).toBeLessThanOrEqual(0.05);
  });

  // The spans say which words identify, so the masking can be held to something: of the flagged
  // quotes with spans, at least 90% have every identifying span inside a finding ("[name]").
  it('masks every identifying span in at least 90% of the flagged quotes that label them', () => {
    const m = measure([...EXTRA_TUNING_5, ...EXTRA_TUNING_6], none);
    expect(m.spanQuotes).toBeGreaterThanOrEqual(230);
    expect(m.fullyMaskedQuotes / m.flaggedSpanQuotes).toBeGreaterThanOrEqual(0.9);
    expect(m.spansMasked / m.spans).toBeGreaterThanOrEqual(0.9);
  });
});

describe('words quoted as speech', () => {
  it('reads the first word of quoted speech as a sentence start, not a name', () => {
    expect(found('You said "Bigger bedrooms please": we asked the housing team')).toEqual([]);
    expect(found('we said “Thanks” to everyone who came')).toEqual([]);
  });

  it('still asks about one capitalised word in quotes, often a nickname', () => {
    expect(found('my mate "Jaz" said hi')).toEqual([['name', 'Jaz']]);
    expect(found('ask "Kez" she knows')).toEqual([['name', 'Kez']]);
  });
});

describe('words after "named" or "called" that are never names', () => {
  it.each(['nobody named yet', 'they can be named as an owner', 'it stays named against its work'])(
    'leaves "%s" alone',
    (text) => {
      expect(found(text)).toEqual([]);
    },
  );

  it('still flags a name after "called"', () => {
    expect(found('my mate called Tia came round').map(([k]) => k)).toContain('name');
  });
});

describe('Welsh words that look like English names', () => {
  it.each(['diolch am y pizza nos Wener', 'ddydd Lun aethon ni i nofio'])(
    'reads a mutated weekday as a day in "%s"',
    (text) => {
      expect(found(text)).toEqual([]);
    },
  );

  it.each(['Allwn ni ddim, a dyma pam', 'Pam wyt ti yn mynd adref?', 'dyna pam rydyn ni yma'])(
    'reads "pam" as "why" in "%s"',
    (text) => {
      expect(found(text)).toEqual([]);
    },
  );

  it('still flags Pam the person, in English or mid-sentence in Welsh', () => {
    expect(found('Pam said hi')).toEqual([['name', 'Pam']]);
    expect(found('me and pam went out')).toEqual([['name', 'pam']]);
    expect(found('mae Pam yn neis ac mae hi yn helpu ni')).toEqual([['name', 'Pam']]);
  });
});
