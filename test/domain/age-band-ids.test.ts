import { describe, expect, it } from 'vitest';
import { idFromLabel, withBandIds } from '../../server/domain/age-band-ids.js';

describe('idFromLabel', () => {
  it('makes a lower-case, hyphenated id from the label', () => {
    expect(idFromLabel('care leaver')).toBe('care-leaver');
    expect(idFromLabel('  Care Leaver (18+) ')).toBe('care-leaver-18');
    expect(idFromLabel('Ôl-16 â gofal')).toBe('ol-16-a-gofal');
    expect(idFromLabel('8 to 11')).toBe('8-to-11');
    expect(idFromLabel('???')).toBe('');
  });

  it('keeps within the id’s 40 characters, leaving room for a number', () => {
    const id = idFromLabel('Young people who have left care and are now living on their own');
    expect(id.length).toBeLessThanOrEqual(36);
    expect(id).toMatch(/^[a-z0-9][a-z0-9-]*[a-z0-9]$/);
  });
});

describe('withBandIds', () => {
  it('keeps an id a band has, and makes one for a band without', () => {
    const out = withBandIds([{ id: '8-11', label: 'Age 8 to 11' }, { label: 'care leaver' }], []);
    expect(out.map((b) => b.id)).toEqual(['8-11', 'care-leaver']);
  });

  it('numbers a made id that is already taken', () => {
    const out = withBandIds(
      [{ id: 'care-leaver', label: 'Care leavers' }, { label: 'Care leaver' }, { label: 'care  leaver' }],
      [],
    );
    expect(out.map((b) => b.id)).toEqual(['care-leaver', 'care-leaver-2', 'care-leaver-3']);
  });

  it('is stable: a band sent again by its label alone keeps the id it was given', () => {
    const existing = [{ id: 'u8', label: 'Under 8' }];
    expect(withBandIds([{ label: 'under 8' }], existing)[0]!.id).toBe('u8');
  });

  it('names a band with no letters or numbers “band”', () => {
    expect(withBandIds([{ label: '—' }, { label: '…' }], []).map((b) => b.id)).toEqual(['band', 'band-2']);
  });
});
