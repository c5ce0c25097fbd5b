import { describe, expect, it } from 'vitest';
import { findIdentifiers } from '../../server/domain/identifiers.js';
import {
  approvedPublicWords,
  canSeeOriginalWords,
  canSeeStaffEmails,
  wordsShown,
} from '../../server/domain/need-to-know.js';
import type { Role } from '../../server/contracts/index.js';

const context = { localNames: ['Zindzi'], watchWords: [], staffNames: [] };
const original = 'Zindzi rang 07700 900987';
const findings = findIdentifiers(original, context);

describe('need to know', () => {
  it('shows the original words to participation workers and admins only, and emails to admins only', () => {
    const roles: Role[] = ['admin', 'participation', 'owner', 'board', 'viewer'];
    expect(roles.filter(canSeeOriginalWords)).toEqual(['admin', 'participation']);
    expect(roles.filter(canSeeStaffEmails)).toEqual(['admin']);
    expect(canSeeOriginalWords(undefined)).toBe(false);
  });

  it('reads approved public words only from the live copy of unflagged items, never the draft', () => {
    const item = { publicText: 'Ring back sooner (edited)', safeguarding: false };
    expect(approvedPublicWords({ ...item, livePublicText: 'Ring back sooner' })).toBe('Ring back sooner');
    expect(approvedPublicWords({ ...item, livePublicText: '' })).toBeNull();
    expect(approvedPublicWords({ ...item, livePublicText: 'Ring back sooner', safeguarding: true })).toBeNull();
  });

  it('gives everyone else the approved words, or the original masked and marked', () => {
    for (const role of ['participation', 'admin'] as const)
      expect(wordsShown(role, original, 'Ring back sooner', findings)).toEqual({ words: original, shown: 'original' });
    for (const role of ['owner', 'board', 'viewer', undefined] as const) {
      expect(wordsShown(role, original, 'Ring back sooner', findings)).toEqual({
        words: 'Ring back sooner',
        shown: 'public',
      });
      expect(wordsShown(role, original, null, findings)).toEqual({ words: '[name] rang [phone]', shown: 'masked' });
      // Empty approved words are no words: the masked original is shown, not a blank.
      expect(wordsShown(role, original, '  ', () => findings)).toEqual({
        words: '[name] rang [phone]',
        shown: 'masked',
      });
    }
  });

  it('finds identifiers only when it has to mask', () => {
    let asked = 0;
    const lazy = () => {
      asked += 1;
      return findings;
    };
    wordsShown('admin', original, null, lazy);
    wordsShown('viewer', original, 'Ring back sooner', lazy);
    expect(asked).toBe(0);
    wordsShown('viewer', original, null, lazy);
    expect(asked).toBe(1);
  });
});
