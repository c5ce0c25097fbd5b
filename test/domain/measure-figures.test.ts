import { describe, expect, it } from 'vitest';
import { mayEnterFigures, seesRealFigures } from '../../server/domain/measure-figures.js';

const owner = { id: 7, role: 'owner' };
describe('who enters a measure’s figures', () => {
  it('is admins, the measure’s owner, and the lead of its promise', () => {
    expect(mayEnterFigures({ id: 1, role: 'admin' }, { ownerId: null, promiseLeadId: null })).toBe(true);
    expect(mayEnterFigures(owner, { ownerId: 7, promiseLeadId: null })).toBe(true);
    expect(mayEnterFigures(owner, { ownerId: 3, promiseLeadId: 7 })).toBe(true);
    expect(mayEnterFigures(owner, { ownerId: 3, promiseLeadId: 4 })).toBe(false);
    expect(mayEnterFigures(owner, { ownerId: null, promiseLeadId: null })).toBe(false);
  });

  it('needs the action owner role: a board member leading a promise reads, and does not enter', () => {
    expect(mayEnterFigures({ id: 7, role: 'board' }, { ownerId: 7, promiseLeadId: 7 })).toBe(false);
    expect(mayEnterFigures({ id: 7, role: 'viewer' }, { ownerId: null, promiseLeadId: 7 })).toBe(false);
  });

  it('shows real figures to those people in the edit view only', () => {
    expect(seesRealFigures(owner, { ownerId: 3, promiseLeadId: 7 })).toBe(true);
    expect(seesRealFigures(owner, { ownerId: 3, promiseLeadId: 7 }, 'display')).toBe(false);
    expect(seesRealFigures({ id: 7, role: 'board' }, { ownerId: 7, promiseLeadId: null })).toBe(true);
    expect(seesRealFigures({ id: 7, role: 'board' }, { ownerId: 3, promiseLeadId: 7 })).toBe(false);
  });
});
