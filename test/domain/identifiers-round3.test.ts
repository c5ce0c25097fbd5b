// The third round of the identifier check (issue 15): each rule it added for phrasing the earlier
// sets lacked, with a look-alike that must stay clean. These examples are new, not the tuning
// quotes themselves. Figures on the labelled sets are in identifiers.test.ts.
import { describe, expect, it } from 'vitest';
import { findIdentifiers, type FindingKind, type IdentifierContext } from '../../server/domain/identifiers.js';

const none: IdentifierContext = { localNames: [], watchWords: [], staffNames: [] };
const kinds = (text: string): FindingKind[] => findIdentifiers(text, none).map((f) => f.kind);
const found = (text: string): [FindingKind, string][] => findIdentifiers(text, none).map((f) => [f.kind, f.text]);

describe('names and staff, said in new ways', () => {
  it.each([
    ['Elgan my cousin lives next door', 'name', 'Elgan'],
    ['ruby (my sister) has a new school', 'name', 'ruby'],
    ['the one who helped was steffan', 'name', 'steffan'],
    ['me and ceri went to town', 'name', 'ceri'],
    ['Delun on nights makes us toast', 'staff-or-carer', 'Delun'],
    ['Menna the support worker is kind', 'staff-or-carer', 'Menna'],
    ['the manager of the unit Trefor is fair', 'staff-or-carer', 'Trefor'],
    ['my kinship carer is my nan Eirlys', 'staff-or-carer', 'Eirlys'],
    ['my foster carers are Sandra and Keith Lloyd', 'staff-or-carer', 'Keith Lloyd'],
    ['mrs d from the fostering team rang', 'staff-or-carer', 'mrs d'],
    ['my friend kayla ashworthy moved away', 'full-name', 'kayla ashworthy'],
    ['dylan ap gruffydd is my mate', 'full-name', 'dylan ap gruffydd'],
  ] as const)('finds "%s"', (text, kind, words) => {
    expect(found(text)).toContainEqual([kind, words]);
  });

  it.each([
    'we love watching ant and dec on saturdays',
    'i like Emma Watson films',
    'we went on holiday in Florence',
    'i did a course with the Prince’s Trust',
    'i want to go to Georgia one day',
    'Huw Edwards was on the telly',
    "i've got a cold and i'm tired",
    'brb gotta eat',
    'i miss u all',
  ])('leaves "%s" alone', (text) => {
    expect(kinds(text)).toEqual([]);
  });
});

describe('contact details, dates and handles, disguised', () => {
  it('reads a letter O typed for a zero in a phone number, but not in words', () => {
    expect(kinds('ring me on 077OO 9OO 812')).toEqual(['phone']);
    expect(kinds('the oo in book sounds long')).toEqual([]);
  });

  it('reads a postcode spelt out a character at a time after "postcode", and only then', () => {
    expect(kinds('my postcode is s a 1 2 3 x y')).toEqual(['postcode']);
    expect(kinds('the code is a b c d e f')).toEqual([]);
  });

  it('reads a handle after "as" and one run together in capitals after a platform', () => {
    expect(found('im on snap as gwen.bach.09')).toEqual([['handle', 'gwen.bach.09']]);
    expect(found('my yt channel is GwenPlaysMinecraft')).toEqual([['handle', 'GwenPlaysMinecraft']]);
    expect(kinds('#NothingAboutUsWithoutUs is a good hashtag')).toEqual([]);
  });

  it('reads Welsh and spaced dates of birth, not a festival that is someone else’s birthday', () => {
    expect(kinds('ganwyd fi ar 3 ebrill 2010')).toEqual(['date-of-birth']);
    expect(kinds('dob 04 11 2010')).toEqual(['date-of-birth']);
    expect(kinds("my nan's birthday is on christmas day")).toEqual([]);
    expect(kinds('my birthday is on christmas day')).toEqual(['date-of-birth']);
  });
});

describe('places, said in new ways', () => {
  it.each([
    ['i live at 14b Mill St', 'street-address'],
    ['write to 7 Bron y Nant', 'street-address'],
    ['im staying at the orchards for now', 'home'],
    ['they moved me to Bryn y Mor', 'home'],
  ] as const)('finds "%s"', (text, kind) => {
    expect(kinds(text)).toContain(kind);
  });

  it.each(['my carers took us to Hollow Farm for the lambs', 'we went to Alton Towers'])(
    'leaves "%s" alone',
    (text) => {
      expect(kinds(text)).toEqual([]);
    },
  );
});

describe('descriptions only one child fits, said in new ways', () => {
  it.each([
    'everyone on the estate knows im the girl from the fire',
    'i have a skin thing only 12 people in the uk have',
    'i was the boy found on the beach, it was on the news',
    'me and my 7 sisters are all in care',
  ])('flags "%s"', (text) => {
    expect(kinds(text)).toContain('unique-description');
  });

  it.each([
    'i want to play for wales one day',
    "i'm the only one in my class who likes maths lol",
    'i was the only one who turned up early',
    'i have 2 brothers in care',
  ])('leaves "%s" alone', (text) => {
    expect(kinds(text)).toEqual([]);
  });
});
