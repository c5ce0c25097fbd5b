import { describe, expect, it } from 'vitest';
import { changeWords, fieldLabel, recordWords, type AuditLookups } from '../../server/domain/audit-words.js';

const names: Record<string, Record<number, string>> = {
  user: { 14: 'Sam Patel', 3: 'Jo Lee' },
  promise: { 7: 'Stable homes', 8: 'Time with family' },
  theme: { 2: 'Home' },
};
const lookups: AuditLookups = {
  name: (kind, id) => names[kind]?.[id],
  ragLabel: (code) => ({ red: 'Off track (red)', green: 'On track (green)' })[code] ?? code,
  forumName: (id) => (id === 'yvp' ? 'Youth Voice Panel' : undefined),
  ageBandLabel: (id) => (id === '12-15' ? 'Age 12 to 15' : undefined),
  timeZone: 'Europe/London',
};

describe('an audit entry in words', () => {
  it('names people and records for their ids, and says codes as words', () => {
    expect(
      changeWords(
        { ownerId: 14, status: 'off_track', version: 3, updatedAt: '2026-12-01T21:51:07.123Z' },
        { ownerId: 3, status: 'on_track', version: 4, updatedAt: '2026-12-01T21:52:00.000Z' },
        lookups,
      ),
    ).toEqual([
      { field: 'Owner', was: 'Sam Patel', now: 'Jo Lee' },
      { field: 'Status', was: 'Off track', now: 'On track' },
    ]);
  });

  it('says instants in the council’s time zone without seconds, and dates in words', () => {
    const [closed, due] = changeWords(
      { closedAt: null, dueDate: '2026-06-01' },
      { closedAt: '2026-12-01T21:51:07.123Z', dueDate: '2026-07-15' },
      lookups,
    );
    expect(closed).toEqual({ field: 'Closed at', was: '', now: '1 December 2026 at 9:51pm' });
    expect(due).toEqual({ field: 'Due', was: '1 June 2026', now: '15 July 2026' });
    // Summer time: the council's clock, not UTC.
    expect(changeWords(null, { heardAt: '2026-06-15T09:30:00Z' }, lookups)[0]!.now).toBe('15 June 2026 at 10:30am');
  });

  it('lists what a new record was made with, in words', () => {
    expect(
      changeWords(
        null,
        {
          id: 5,
          promiseIds: [7, 8],
          rating: 'red',
          forumId: 'yvp',
          ageBand: '12-15',
          safeguarding: false,
          themeId: 99,
        },
        lookups,
      ),
    ).toEqual([
      { field: 'Promises', was: null, now: 'Stable homes, Time with family' },
      { field: 'Rating', was: null, now: 'Off track (red)' },
      { field: 'Forum', was: null, now: 'Youth Voice Panel' },
      { field: 'Age band', was: null, now: 'Age 12 to 15' },
      { field: 'Safeguarding', was: null, now: 'No' },
      { field: 'Theme', was: null, now: 'Theme 99 (no longer here)' },
    ]);
  });

  it('labels fields without "id", and names a record but never a feedback item by its words', () => {
    expect(fieldLabel('answerTargetDays')).toBe('Answer target days');
    expect(fieldLabel('forumSessionId')).toBe('Forum session');
    expect(recordWords('promise', '7', lookups)).toBe('Promise 7: Stable homes');
    expect(recordWords('feedback', '12', lookups)).toBe('Feedback 12');
    expect(recordWords('rag_review', '4', lookups)).toBe('RAG rating 4');
    expect(recordWords('settings', '', lookups)).toBe('Settings');
  });

  it('leaves no code with an underscore in what it says', () => {
    const said = JSON.stringify(
      changeWords(
        { status: 'not_started', audience: 'children_in_care' },
        { status: 'at_risk', audience: 'care_leavers' },
        lookups,
      ),
    );
    expect(said).not.toMatch(/[a-z]_[a-z]/);
  });
});
