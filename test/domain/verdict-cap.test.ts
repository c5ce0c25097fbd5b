import { describe, expect, it } from 'vitest';
import { membersTookPart, verdictDecision } from '../../server/domain/verdict-cap.js';

describe('verdictDecision', () => {
  it('adds a new turn while the promise has room, and refuses it once every member has a verdict', () => {
    expect(verdictDecision({ members: 3, counted: 2, alreadyCounted: false })).toBe('add');
    expect(verdictDecision({ members: 3, counted: 3, alreadyCounted: false })).toBe('full');
    expect(verdictDecision({ members: 3, counted: 9, alreadyCounted: false })).toBe('full');
  });

  it('lets a counted turn change its verdict even when the promise is full', () => {
    expect(verdictDecision({ members: 3, counted: 3, alreadyCounted: true })).toBe('replace');
  });

  it('has no cap for a session opened before members were asked', () => {
    expect(verdictDecision({ members: null, counted: 500, alreadyCounted: false })).toBe('add');
  });
});

describe('membersTookPart', () => {
  it('counts turns, never more than the members present', () => {
    expect(membersTookPart(12, 5)).toBe(5);
    expect(membersTookPart(3, 40)).toBe(3);
    expect(membersTookPart(null, 4)).toBe(4);
  });
});
