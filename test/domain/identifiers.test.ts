import { describe, expect, it } from 'vitest';
import { measure } from '../../server/domain/identifiers-measure.js';
import { findIdentifiers, type FindingKind, type IdentifierContext } from '../../server/domain/identifiers.js';
import { CLEAN_QUOTES, IDENTIFIER_QUOTES, LABELLED_CONTEXT, LABELLED_QUOTES } from '../fixtures/identifier-quotes.js';

const none: IdentifierContext = { localNames: [], watchWords: [], staffNames: [] };

/** The [kind, text] pairs found, in order. */
function found(text: string, context: IdentifierContext = none): [FindingKind, string][] {
  return findIdentifiers(text, context).map((f) => [f.kind, f.text]);
}

describe('findIdentifiers: each kind on its own', () => {
  it('finds given names and surnames from the name lists, in any case, with the full name as one finding', () => {
    expect(found('My friend Jayden got moved.')).toEqual([['name', 'Jayden']]);
    expect(found('Me and Tyler Harrison got excluded.')).toEqual([['name', 'Tyler Harrison']]);
    expect(found('i miss my brother callum')).toEqual([['name', 'callum']]);
    expect(found('Chloe said the house smells of paint.')).toEqual([['name', 'Chloe']]);
  });

  it('counts a name that is also a word only with context', () => {
    expect(found('I told Grace about it.')).toEqual([['name', 'Grace']]);
    expect(found('a girl called Summer')).toEqual([['name', 'Summer']]);
    expect(found('Summer Clarke started it.')).toEqual([['name', 'Summer Clarke']]);
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
    expect(found('I live at 12 Acacia Road now.')).toEqual([['home-or-street', '12 Acacia Road']]);
    expect(found('Maple Lodge has the worst wifi.')).toEqual([['home-or-street', 'Maple Lodge']]);
    expect(found('Since I moved to Elm Street I get two buses.')).toEqual([['home-or-street', 'Elm Street']]);
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
    expect(findings.map((f) => f.kind)).toEqual(['name', 'school', 'home-or-street', 'postcode', 'phone', 'email']);
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
    const kinds = new Set(IDENTIFIER_QUOTES.flatMap((q) => q.kinds));
    expect(kinds.size).toBe(10);
  });

  it('is caught at least 95% of the time with at most 5% false alarms, fast', () => {
    const m = measure(LABELLED_QUOTES, LABELLED_CONTEXT);
    expect(m.hitRate).toBeGreaterThanOrEqual(0.95);
    expect(m.falseAlarmRate).toBeLessThanOrEqual(0.05);
    for (const k of m.perKind) expect(k.quotes).toBeGreaterThanOrEqual(5);
    expect(m.msPerQuote).toBeLessThan(5);
  });
});
