import { describe, expect, it } from 'vitest';
import { measure } from '../../server/domain/identifiers-measure.js';
import {
  FINDING_KINDS,
  findIdentifiers,
  type FindingKind,
  isHardStop,
  maskIdentifiers,
  type IdentifierContext,
} from '../../server/domain/identifiers.js';
import { QUOTES as HELD_OUT } from '../fixtures/identifier-quotes-2026/held-out.js';
import { QUOTES as EXTRA_TUNING } from '../fixtures/identifier-quotes-2026/extra-tuning.js';
import { QUOTES as EXTRA_TUNING_2 } from '../fixtures/identifier-quotes-2026/extra-tuning-2.js';
import { QUOTES as EXTRA_TUNING_3 } from '../fixtures/identifier-quotes-2026/extra-tuning-3.js';
import { QUOTES as EXTRA_TUNING_4 } from '../fixtures/identifier-quotes-2026/extra-tuning-4.js';
import { QUOTES as TUNING } from '../fixtures/identifier-quotes-2026/tuning.js';
import { CLEAN_QUOTES, IDENTIFIER_QUOTES, LABELLED_CONTEXT, LABELLED_QUOTES } from '../fixtures/identifier-quotes.js';

const none: IdentifierContext = { localNames: [], watchWords: [], staffNames: [] };

/** The [kind, text] pairs found, in order. */
function found(text: string, context: IdentifierContext = none): [FindingKind, string][] {
  return findIdentifiers(text, context).map((f) => [f.kind, f.text]);
}

describe('findIdentifiers: each kind on its own', () => {
  it('finds given names and surnames from the name lists, in any case, with the full name as one finding', () => {
    expect(found('My friend Jayden got moved.')).toEqual([['name', 'Jayden']]);
    expect(found('Me and Tyler Harrison got excluded.')).toEqual([['full-name', 'Tyler Harrison']]);
    expect(found('me and tyler harrison got excluded')).toEqual([['full-name', 'tyler harrison']]);
    expect(found('i miss my brother callum')).toEqual([['name', 'callum']]);
    expect(found('Chloe said the house smells of paint.')).toEqual([['name', 'Chloe']]);
  });

  it('counts a name that is also a word only with context', () => {
    expect(found('I told Grace about it.')).toEqual([['name', 'Grace']]);
    expect(found('a girl called Summer')).toEqual([['name', 'Summer']]);
    expect(found('Summer Clarke started it.')).toEqual([['full-name', 'Summer Clarke']]);
    expect(found('Jack said he would help.')).toEqual([['name', 'Jack']]);
    expect(found('Summer is boring. Jack of all trades. I hope so. Will we?')).toEqual([]);
  });

  it("adds the council's local names, and takes nicknames from the words around them", () => {
    expect(found('Ffion stopped coming.', { ...none, localNames: ['Ffion'] })).toEqual([['name', 'Ffion']]);
    expect(found('They still call me Smudge at contact.')).toEqual([['name', 'Smudge']]);
    expect(found('My nickname is Bubbles.')).toEqual([['name', 'Bubbles']]);
    expect(found('They call me names.')).toEqual([]);
  });

  it('finds social media handles', () => {
    expect(found('My insta is @kayla.b.xo if you want.')).toEqual([['handle', '@kayla.b.xo']]);
    expect(found('Add me on snap, its jdog_07.')).toEqual([['handle', 'jdog_07']]);
    expect(found('my tiktok is dancequeen_14')).toEqual([['handle', 'dancequeen_14']]);
    expect(found('Snapchat is rubbish and my insta is private.')).toEqual([]);
  });

  it('finds staff and carers from the council list and from how they are introduced', () => {
    const staff = { ...none, staffNames: ['Sharon Pike', 'Hope Adeyemi'] };
    expect(found('Sharon Pike never answers.', staff)).toEqual([['staff-or-carer', 'Sharon Pike']]);
    expect(found('I want Hope to stay.', staff)).toEqual([['staff-or-carer', 'Hope']]);
    expect(found('Hope is important. I hope so.', staff)).toEqual([]);
    expect(found('my social worker Dave never rings')).toEqual([['staff-or-carer', 'Dave']]);
    expect(found('Our foster carer Mrs Patel cooks.')).toEqual([['staff-or-carer', 'Mrs Patel']]);
    expect(found('My key worker, Lorraine, listens.')).toEqual([['staff-or-carer', 'Lorraine']]);
  });

  it('finds schools by name but not the generic words', () => {
    expect(found("I got moved from St Mary's in Year 10.")).toEqual([['school', "St Mary's"]]);
    expect(found('Nobody at Oakfield Primary knew.')).toEqual([['school', 'Oakfield Primary']]);
    expect(found('I start at Northgate High School soon.')).toEqual([['school', 'Northgate High School']]);
    expect(found('i was the only one in care at thornhill high')).toEqual([['school', 'thornhill high']]);
    expect(found('Secondary School was better than Primary. The Virtual School helped.')).toEqual([]);
  });

  it('finds homes and streets', () => {
    expect(found('I live at 12 Acacia Road now.')).toEqual([['street-address', '12 Acacia Road']]);
    expect(found('Maple Lodge has the worst wifi.')).toEqual([['home', 'Maple Lodge']]);
    expect(found('Since I moved to Elm Street I get two buses.')).toEqual([['street-address', 'Elm Street']]);
    expect(found('The Family Court took ages. It is a 2 hour drive. The High Street is dead.')).toEqual([]);
  });

  it('finds full postcodes in any case, and outward codes alone', () => {
    expect(found('My flat is in LS6 2AB now.')).toEqual([['postcode', 'LS6 2AB']]);
    expect(found('postcode is cf10 3nq')).toEqual([['postcode', 'cf10 3nq']]);
    expect(found('They put me in a hostel in M14.')).toEqual([['postcode', 'M14']]);
    expect(found('I moved to WM3 last year.')).toEqual([['postcode', 'WM3']]);
    expect(found('I got the M6 bus, in Y6 I had a PS5 and watched E4.')).toEqual([]);
  });

  it('finds phone numbers in any format, but not helplines', () => {
    for (const n of [
      '07700 900123',
      '+44 7700 900123',
      '(01632) 960 001',
      '07700900123',
      '07700-900-321',
      '0113 496 0123',
    ]) {
      expect(found(`Ring ${n} please.`)).toEqual([['phone', n]]);
    }
    expect(found('Childline is 0800 1111. I was 14 in 2019 and 15 in 2020.')).toEqual([]);
  });

  it('finds email addresses, including spelt-out ones', () => {
    expect(found('Email jay.dean2008@gmail.com please.')).toEqual([['email', 'jay.dean2008@gmail.com']]);
    expect(found('my email is lilpeanut99 at gmail dot com')).toEqual([['email', 'lilpeanut99 at gmail dot com']]);
  });

  it('finds dates of birth only when the words say it is one', () => {
    expect(found('I was born on 3 March 2012.')).toEqual([['date-of-birth', '3 March 2012']]);
    expect(found('My DOB is 03/03/12.')).toEqual([['date-of-birth', '03/03/12']]);
    expect(found('My birthday is 14th of May.')).toEqual([['date-of-birth', '14th of May']]);
    expect(found('I turn 18 on 2 August.')).toEqual([['date-of-birth', '2 August']]);
    expect(found('The review is on 3 March 2026. My birthday is in May.')).toEqual([]);
  });

  it("finds the council's watch words as whole words, in any case", () => {
    const watch = { ...none, watchWords: ['Oakwood', 'the Meadows estate'] };
    expect(found('I want to go back to oakwood.', watch)).toEqual([['watch-word', 'oakwood']]);
    expect(found('They moved me off the Meadows estate.', watch)).toEqual([['watch-word', 'the Meadows estate']]);
    expect(found('Oakwoods and oakwoodland are not it.', watch)).toEqual([]);
  });
});

describe('findIdentifiers: what the independent check found it missed', () => {
  it('finds hyphenated names, lower-case names with a title or a relation, and nicknames in quotes', () => {
    expect(found('Ellie-Mae sits with me.')).toEqual([['name', 'Ellie-Mae']]);
    expect(found('me and ruby-leigh smith-jones fell out')).toEqual([['full-name', 'ruby-leigh smith-jones']]);
    expect(found('my little sister grace misses me')).toEqual([['name', 'grace']]);
    expect(found('mrs okafor shouts at us')).toEqual([['staff-or-carer', 'mrs okafor']]);
    expect(found("Everyone calls me 'Pickle' at the home.")).toEqual([['name', 'Pickle']]);
    expect(found('My nickname at school was Beans.')).toEqual([['name', 'Beans']]);
  });

  it('finds a title with an initial', () => {
    expect(found('Mrs P said I could stay up.')).toEqual([['staff-or-carer', 'Mrs P']]);
    expect(found('I miss my mum. I said P to the teacher.')).toEqual([]);
  });

  it('finds lower-case street addresses and house names', () => {
    expect(found('i live at 12 elm road now')).toEqual([['street-address', '12 elm road']]);
    expect(found('we live on oak lane by the park')).toEqual([['street-address', 'oak lane']]);
    expect(found('The Willows has a new manager.')).toEqual([['home', 'The Willows']]);
    expect(found('i wanna go back to the willows')).toEqual([['home', 'the willows']]);
    expect(found('we live on the main road. The road is busy.')).toEqual([]);
  });

  it('finds birthdays written short, as a festival, or after a few words', () => {
    expect(found('My birthday is 29/02 so I only get one every 4 years.')).toEqual([['date-of-birth', '29/02']]);
    expect(found('I was born on christmas eve.')).toEqual([['date-of-birth', 'christmas eve']]);
    expect(found('my birthday is actually the 3rd of May')).toEqual([['date-of-birth', '3rd of May']]);
    expect(found('I was born in Leeds on 3 March 2012.')).toEqual([['date-of-birth', '3 March 2012']]);
    expect(found('The 4th of June is my birthday.')).toEqual([['date-of-birth', '4th of June']]);
    expect(found('Christmas eve is the best night. My birthday is in May and on the 3rd we have a review.')).toEqual(
      [],
    );
  });

  it('finds gaming tags without an @, but not the codes for years, games and consoles', () => {
    expect(found('add me ShadowWolf99 on there')).toEqual([['handle', 'ShadowWolf99']]);
    expect(found('play with xXSlayerXx tonight')).toEqual([['handle', 'xXSlayerXx']]);
    expect(found('my psn is dark_angel')).toEqual([['handle', 'dark_angel']]);
    expect(found('my gamertag is Bobcat')).toEqual([['handle', 'Bobcat']]);
    expect(found('In Year10 I got FIFA23 and Covid19 stopped football. Minecraft is amazing.')).toEqual([]);
  });

  it('finds descriptions only one child fits', () => {
    expect(found("I'm the only one who has a guide dog.")).toEqual([
      ['unique-description', "I'm the only one who has a guide dog"],
    ]);
    expect(found('being the only girl in my year in care is lonely')).toEqual([
      ['unique-description', 'being the only girl in my year in care is lonely'],
    ]);
    expect(found('The only thing I want is my own room. The only adult at the home who listens is nice.')).toEqual([]);
  });

  it('finds phone numbers and email addresses written out in words', () => {
    expect(found('ring me on oh seven seven double oh nine double oh one two three')).toEqual([
      ['phone', 'oh seven seven double oh nine double oh one two three'],
    ]);
    expect(found('email sam dot jones at gmail dot com')).toEqual([['email', 'sam dot jones at gmail dot com']]);
    expect(found('its kayla at myschool dot co dot uk')).toEqual([['email', 'kayla at myschool dot co dot uk']]);
    expect(found('I was at youtube dot com all night. One two three, go!')).toEqual([]);
  });

  it('reads disguised text as a reader sees it, and points at the words as typed', () => {
    const cases: [string, FindingKind, string][] = [
      ['My friend Jay\u200Bden got moved.', 'name', 'Jay\u200Bden'],
      ['Ring ０７７００ ９００１２３ please.', 'phone', '０７７００ ９００１２３'],
      ['My friend J\u0430yden got moved.', 'name', 'J\u0430yden'], // Cyrillic а
      ['My friend \u0399\u03bfan got moved.', 'name', '\u0399\u03bfan'], // Greek Ι and ο
      ['I\u2019m the only one who has a guide dog', 'unique-description', 'I\u2019m the only one who has a guide dog'],
      ['Call 07700\u2066 900123\u2069 now.', 'phone', '07700\u2066 900123'],
      // Shown backwards by a right-to-left override, so a reader sees 07700 900123.
      ['text me on \u202E321009 00770\u202C ok', 'phone', '321009 00770'],
      ['\u202Eyelrahc\u202C said the food is bad', 'name', 'yelrahc'],
      ['Email jay\uFEFF@gmail.com', 'email', 'jay\uFEFF@gmail.com'],
    ];
    for (const [text, kind, words] of cases) {
      const findings = findIdentifiers(text, none);
      expect(findings.map((f) => [f.kind, f.text])).toEqual([[kind, words]]);
      expect(text.slice(findings[0]!.start, findings[0]!.end)).toBe(words);
    }
  });
});

describe('isHardStop and maskIdentifiers', () => {
  it('makes exactly the kinds that pin down one child hard stops', () => {
    const hard = FINDING_KINDS.filter((kind) => isHardStop({ kind, text: 'x', start: 0, end: 1, why: '' }));
    expect(hard).toEqual(['full-name', 'handle', 'street-address', 'postcode', 'phone', 'email', 'date-of-birth']);
  });

  it('masks each finding with a label a worker can read', () => {
    const text = "Jayden Smith, The Willows, @jdog_07, born on christmas eve, I'm the only one with red hair";
    expect(maskIdentifiers(text, findIdentifiers(text, none))).toBe(
      '[name], [home], [username], born on [date], [description]',
    );
  });
});

describe('findIdentifiers: does not cry wolf', () => {
  it.each([
    'At Christmas I played Xbox and PlayStation with Mum, Dad and Nan.',
    'CAMHS helped me in the end. YouTube taught me budgeting.',
    "We went to McDonald's on Monday and Greggs on Friday.",
    'I got moved from Leeds to Cardiff, then Reading, then Bath.',
    'In January, March, May and December it is hard.',
    'My social worker is nice. My foster carer is strict. The Social Worker came.',
    'Nobody asked me. Honestly the food is fine.',
    'Will we get more money? I hope so. Grace period. Hope keeps me going. Faith groups are welcome.',
    'Rose gardens are calm. May half term is busy. Summer holidays are boring.',
    'Mark my words. The phone bill is high. We sue nobody. Jack of all trades.',
    'PLEASE STOP MOVING US IN THE MIDDLE OF EXAMS',
    'Being In Care Should Not Mean Being Treated Different',
    'I watch Big Brother. Young Carers is good. We sang Baby Shark and had a Big Mac.',
    'I was placed in Aberystwyth, miles from home. I live in Pontypridd now.',
    'our dog Buster and Luna the guinea pig. My hamster is called Mr K.',
    'Lewis Hamilton and Simone Biles were on telly. Mae angen wifi gwell.',
    "I'm not the only one in my class who is in care. The bus is £4.50 each way. I take B12 tablets.",
  ])('%s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('treats the council’s place names as ordinary words', () => {
    expect(found('Stanley has nothing for us.', { ...none, placeNames: ['Stanley'] })).toEqual([]);
  });
});

describe('findIdentifiers: the shape of the answer', () => {
  it('gives positions that slice back to the text, a reason, in order and never overlapping', () => {
    const text = "Jayden Smith from St Mary's lives at 12 Acacia Road, LS6 2AB, call 07700 900123 or jay@x.com.";
    const findings = findIdentifiers(text, none);
    expect(findings.map((f) => f.kind)).toEqual([
      'full-name',
      'school',
      'street-address',
      'postcode',
      'phone',
      'email',
    ]);
    for (const [i, f] of findings.entries()) {
      expect(text.slice(f.start, f.end)).toBe(f.text);
      expect(f.why).toContain(f.text);
      if (i > 0) expect(f.start).toBeGreaterThanOrEqual(findings[i - 1]!.end);
    }
  });

  it('explains a finding in plain words', () => {
    expect(findIdentifiers('My friend Jayden got moved.', none)[0]!.why).toBe('Looks like a first name (Jayden)');
  });

  it('returns nothing for empty text', () => {
    expect(findIdentifiers('', none)).toEqual([]);
  });
});

describe('the labelled set', () => {
  it('has at least 120 quotes, half with identifiers of every kind and half clean', () => {
    expect(LABELLED_QUOTES.length).toBeGreaterThanOrEqual(120);
    expect(IDENTIFIER_QUOTES.length).toBeGreaterThanOrEqual(60);
    expect(CLEAN_QUOTES.length).toBeGreaterThanOrEqual(60);
    // Every kind but the description only one child fits, which this set was written before.
    const kinds = new Set(IDENTIFIER_QUOTES.flatMap((q) => q.kinds));
    expect([...FINDING_KINDS].filter((k) => !kinds.has(k))).toEqual(['unique-description']);
  });

  it('is caught at least 95% of the time with at most 5% false alarms, fast', () => {
    const m = measure(LABELLED_QUOTES, LABELLED_CONTEXT);
    expect(m.flaggedRate).toBeGreaterThanOrEqual(0.95);
    expect(m.rightKindRate).toBeGreaterThanOrEqual(0.95);
    expect(m.falseAlarmRate).toBeLessThanOrEqual(0.05);
    for (const k of m.perKind.filter((p) => !['full-name', 'home'].includes(p.kind))) {
      expect(k.quotes).toBeGreaterThanOrEqual(5);
    }
    expect(m.msPerQuote).toBeLessThan(5);
  });
});

// The 2026 set was written by someone who had not read the check, and split once, by them, into a
// tuning half (the check was tuned on it) and a held-out half (only ever measured as totals). The
// tuning half must meet the goal; the held-out half is held to what it honestly reached, rounded
// down, so a change that makes the check worse on quotes nobody tuned for fails here.
describe('the 2026 set', () => {
  const noLists: IdentifierContext = { localNames: [], watchWords: [], staffNames: [] };

  it('has a tuning half and a held-out half with identifiers of every kind and hard clean quotes', () => {
    for (const half of [TUNING, HELD_OUT]) {
      expect(half.filter((q) => q.identifying).length).toBeGreaterThanOrEqual(100);
      expect(half.filter((q) => !q.identifying).length).toBeGreaterThanOrEqual(100);
    }
  });

  it('tuning half: at least 95% of identifying quotes flagged, at most 5% false alarms', () => {
    const m = measure(TUNING, noLists);
    expect(m.flaggedRate).toBeGreaterThanOrEqual(0.95);
    expect(m.rightKindRate).toBeGreaterThanOrEqual(0.95);
    expect(m.falseAlarmRate).toBeLessThanOrEqual(0.05);
  });

  it('extra tuning set (descriptions, schools, homes, streets, names): at least 95% flagged, at most 5% false alarms', () => {
    const m = measure(EXTRA_TUNING, noLists);
    expect(m.flaggedRate).toBeGreaterThanOrEqual(0.95);
    expect(m.falseAlarmRate).toBeLessThanOrEqual(0.05);
  });

  it('second extra tuning set (the same kinds, Welsh, text-speak): at least 95% flagged, at most 5% false alarms', () => {
    expect(EXTRA_TUNING_2.filter((q) => q.identifying).length).toBeGreaterThanOrEqual(150);
    expect(EXTRA_TUNING_2.filter((q) => !q.identifying).length).toBeGreaterThanOrEqual(150);
    const m = measure(EXTRA_TUNING_2, noLists);
    expect(m.flaggedRate).toBeGreaterThanOrEqual(0.95);
    expect(m.rightKindRate).toBeGreaterThanOrEqual(0.95);
    expect(m.falseAlarmRate).toBeLessThanOrEqual(0.05);
  });

  // Written in the third round and scored once before it was tuned on: 90.3% and 7.5% (the third
  // set, before any change), 93.1% and 4.5% (the fourth, after the first changes). BENCHMARKS.md.
  it.each([
    ['third', EXTRA_TUNING_3, 150],
    ['fourth', EXTRA_TUNING_4, 80],
  ] as const)(
    '%s extra tuning set (phrasing far from the others): at least 95% flagged, at most 5% false alarms',
    (_, set, size) => {
      expect(set.filter((q) => q.identifying).length).toBeGreaterThanOrEqual(size);
      expect(set.filter((q) => !q.identifying).length).toBeGreaterThanOrEqual(size);
      const m = measure(set, noLists);
      expect(m.flaggedRate).toBeGreaterThanOrEqual(0.95);
      expect(m.rightKindRate).toBeGreaterThanOrEqual(0.95);
      expect(m.falseAlarmRate).toBeLessThanOrEqual(0.05);
    },
  );

  // Reached 90.8% flagged, 86.8% right kind, 6.0% false alarms after the fourth round (90.1%, 86.8%
  // and 7.1% after the third; BENCHMARKS.md); the goal is 95% and 5%, not met on this half.
  it('held-out half: at least what it reached when the tuning was done (90% flagged, 6% false alarms)', () => {
    const m = measure(HELD_OUT, noLists);
    expect(m.flaggedRate).toBeGreaterThanOrEqual(0.9);
    expect(m.rightKindRate).toBeGreaterThanOrEqual(0.86);
    expect(m.falseAlarmRate).toBeLessThanOrEqual(0.06);
  });
});
