import { describe, expect, it } from 'vitest';
import { quorum } from '../../server/domain/quorum.js';

const rule = { minCouncillors: 3, minPartners: 1, minTotal: 5 };

describe('quorum', () => {
  it('is quorate exactly at each minimum', () => {
    const q = quorum(
      [
        { role: 'councillor', count: 3 },
        { role: 'partner', count: 1 },
        { role: 'officer', count: 1 },
      ],
      rule,
    );
    expect(q).toEqual({ quorate: true, rule, councillors: 3, partners: 1, total: 5, shortfalls: [] });
  });

  it('says what is missing, one short of each minimum', () => {
    const q = quorum(
      [
        { role: 'councillor', count: 2 },
        { role: 'officer', count: 2 },
      ],
      rule,
    );
    expect(q.quorate).toBe(false);
    expect(q.shortfalls).toEqual([
      '3 councillors needed, 2 attended',
      '1 partner member needed, 0 attended',
      '5 board members needed in all, 4 attended',
    ]);
  });

  it('does not count young people towards the total: they are guests, not members', () => {
    const q = quorum(
      [
        { role: 'councillor', count: 3 },
        { role: 'partner', count: 1 },
        { role: 'young_person', count: 6 },
      ],
      rule,
    );
    expect(q.total).toBe(4);
    expect(q.quorate).toBe(false);
  });

  it('with a rule of zeros, an empty meeting is quorate', () => {
    expect(quorum([], { minCouncillors: 0, minPartners: 0, minTotal: 0 }).quorate).toBe(true);
  });
});
