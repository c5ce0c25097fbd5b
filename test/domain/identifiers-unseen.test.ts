// The identifier check's rules for the kinds it found least often on quotes it had not seen
// (descriptions only one child fits, homes, streets, schools, names), each with a look-alike
// that must stay clean. Figures on the labelled sets are in identifiers.test.ts.
import { describe, expect, it } from 'vitest';
import { findIdentifiers, type FindingKind, type IdentifierContext } from '../../server/domain/identifiers.js';

const none: IdentifierContext = { localNames: [], watchWords: [], staffNames: [] };
const kinds = (text: string): FindingKind[] => findIdentifiers(text, none).map((f) => f.kind);
const texts = (text: string): string[] => findIdentifiers(text, none).map((f) => f.text);

describe('descriptions only one child fits', () => {
  it.each([
    'i used to be the youngest in the home by like 5 years',
    "i'm the tallest girl in year 7 by miles",
    'the girl in the year 10 who had a baby last year is me',
    'the kid whose mum was on the news lives with us',
    'my foster dad is the local butcher so people know',
    'i came second in the welsh gymnastics championships',
    'i have 11 brothers and sisters and we are all in care',
    'the only boy with a turban in my school',
    'the only muslim in my class',
    'if you write that everyone will know its me',
    'everyone calls me the care kid',
    'i have a rare blood disorder',
    'i play rugby for the wales under 16s',
    'my picture went in the county paper',
  ])('flags "%s"', (text) => {
    expect(kinds(text)).toContain('unique-description');
  });

  it.each([
    "i'm the only one who knows how i feel, not the social workers",
    "i'm the only person who should decide where i live",
    "i'm the youngest in my family",
    'I was the first one at the forum so I got to pick the pizza',
    'lots of us are the only ones in our class in care',
    'i was on the news website reading about youth clubs closing',
    "i'm the only one awake at 6am lol",
    'im not the only one in care who feels like this',
  ])('leaves "%s" alone', (text) => {
    expect(kinds(text)).toEqual([]);
  });
});

describe('homes', () => {
  it.each([
    ['its way better at Fernlea than my last place', 'Fernlea'],
    ['moving from The Sidings to a foster family was scary', 'The Sidings'],
    ['we have house meetings at the coppice every monday', 'the coppice'],
    ['ty gwyn is the best home ive lived in', 'ty gwyn'],
    ['the kids at cartref y dderwen all want a trampoline', 'cartref y dderwen'],
    ['i got moved to larkhill cottage with no warning', 'larkhill cottage'],
    ['we got a new kitchen at brookside', 'brookside'],
    ['The Hollies has a new manager', 'The Hollies'],
  ])('flags "%s"', (text, home) => {
    expect(texts(text)).toContain(home);
    expect(kinds(text)).toContain('home');
  });

  it.each([
    'the Christmas party at Cineworld was really fun',
    'i got a job at Greggs and i love it',
    'we stayed in a lodge on the residential trip',
    'ty for helping me with the form',
    'Dylan-James is the funniest in our home',
  ])('does not call "%s" a home', (text) => {
    expect(kinds(text)).not.toContain('home');
  });
});

describe('streets, Welsh and in small letters', () => {
  it.each([
    ['we live on heol y felin now', 'heol y felin'],
    ['send my letters to 15 heol newydd not the office', '15 heol newydd'],
    ["my house on rhodfa'r parc is too far", "rhodfa'r parc"],
    ["my dad's flat is on heol-y-bont", 'heol-y-bont'],
    ["i'm on sandringham drive now", 'sandringham drive'],
    ["i'm staying on the gladstone estate in a flat", 'gladstone estate'],
  ])('flags "%s"', (text, street) => {
    expect(texts(text)).toContain(street);
    expect(kinds(text)).toContain('street-address');
  });

  it.each([
    'heol means road in welsh which i learned at forum',
    'the ffordd is closed so the bus is late',
    'we live on a busy road so i cant play out',
    'the industrial estate is near my school',
  ])('leaves "%s" alone', (text) => {
    expect(kinds(text)).toEqual([]);
  });
});

describe('schools', () => {
  it.each([
    'i go to ysgol bro teifi and the teachers dont know',
    'i got kicked out of ysgol rhydywaun',
    'at riverside primary nobody knew i was in care',
    'my brother is at ashton park primary',
    'the senco at hillcrest was the only one who helped me',
    'i go to bishop hedley and the staff are nice',
    "my school is Tregib and they know i'm in care",
    'everyone at greenvale high knows',
  ])('flags "%s"', (text) => {
    expect(kinds(text)).toContain('school');
  });

  it.each([
    'Mae’r bws i’r ysgol yn hwyr bob dydd',
    'ysgol is hard in welsh when you move from england',
    'i did my gcse at night school',
    'primary school was easier than high school',
  ])('leaves "%s" alone', (text) => {
    expect(kinds(text)).toEqual([]);
  });
});

describe('names and carers', () => {
  it.each([
    ['Macca and Jonesy should get a go on the youth panel', 'Jonesy'],
    ['India and me share a room', 'India'],
    ['i share a room with Tayo', 'Tayo'],
    ["Tayo's nan picks us up", 'Tayo'],
    ['Kez is my best mate', 'Kez'],
    ['my bezzie mo came with me to the review', 'mo'],
    ['my lil sister poppy is in a different placement', 'poppy'],
    ['sorry this is Rhodri Pugh writing for my brother', 'Rhodri Pugh'],
    ['Summer from my class said hi', 'Summer'],
  ])('flags a name in "%s"', (text, name) => {
    expect(texts(text)).toContain(name);
  });

  it('reads a kinship carer, a team and "miss" before a surname as staff or carers', () => {
    expect(kinds('Uncle Dev is my kinship carer and he needs more help')).toEqual(['staff-or-carer']);
    expect(kinds('i love it when bethan from the leaving care team rings me')).toEqual(['staff-or-carer']);
    expect(texts('i hate it when miss okafor reads my file out loud')).toEqual(['miss okafor']);
  });

  it.each([
    'sign in with Microsoft 365 at work',
    'the dog at the home is called Pepper',
    'i love my cat, she is called biscuit',
    'tom holland is the best spiderman',
    'we went to Wales with Spotify on',
  ])('leaves "%s" alone', (text) => {
    expect(kinds(text)).toEqual([]);
  });

  it('reads a famous name continued by a hyphen as someone else', () => {
    expect(kinds('Marcus Rashford is my favourite player')).toEqual([]);
    expect(kinds('marcus rashford-bell in my class is in foster care')).not.toEqual([]);
  });
});
