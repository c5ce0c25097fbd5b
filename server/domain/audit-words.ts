// An audit entry's change in words a person reads: "Owner: Sam Patel → Jo Lee", not "Owner id: 14
// → 3"; "Off track", not "off_track"; "1 December 2026 at 9:51pm", not an ISO instant. Pure: the
// names come in through `AuditLookups`, already limited to what the reader may see (the images
// are masked before they get here, and a feedback item is only ever named by its number).
import { dateTimeWords, dateWords } from './date-words.js';
import {
  COMMITMENT_STATUS_WORDS,
  DIRECTION_WORDS,
  PUBLISH_STATE_WORDS,
  RESPONSE_WORDS,
  SOURCE_WORDS,
  TREND_WORDS,
  UNIT_WORDS,
  codeWords,
} from './status-words.js';

export type AuditNamedKind = 'user' | 'promise' | 'theme' | 'commitment' | 'measure' | 'board_meeting';

export type AuditLookups = {
  /** The name of a record, if it still exists. */
  name: (kind: AuditNamedKind, id: number) => string | undefined;
  /** A RAG code in the council's words: "Off track (red)". */
  ragLabel: (code: string) => string;
  forumName: (id: string) => string | undefined;
  ageBandLabel: (id: string) => string | undefined;
  timeZone: string;
};

export type ChangeInWords = {
  field: string;
  /** The value before, in words; null when there was no record before (a new one). */
  was: string | null;
  /** The value after, in words; null when there is no record after (removed). */
  now: string | null;
};

/** Fields holding the id of another record, and which kind. */
export const ID_FIELDS: Record<string, AuditNamedKind> = {
  ownerId: 'user',
  userId: 'user',
  createdById: 'user',
  approvedById: 'user',
  confirmedById: 'user',
  updatedById: 'user',
  promiseId: 'promise',
  themeId: 'theme',
  focusThemeId: 'theme',
  commitmentId: 'commitment',
  measureId: 'measure',
  meetingId: 'board_meeting',
};

/** Fields holding a list of ids. */
const ID_LIST_FIELDS: Record<string, AuditNamedKind> = {
  promiseIds: 'promise',
  commitmentIds: 'commitment',
  linkedPromiseIds: 'promise',
};

const LABELS: Record<string, string> = {
  ownerId: 'Owner',
  userId: 'Person',
  createdById: 'Created by',
  approvedById: 'Approved by',
  confirmedById: 'Confirmed by',
  updatedById: 'Updated by',
  promiseId: 'Promise',
  promiseIds: 'Promises',
  linkedPromiseIds: 'Also shown on promises',
  themeId: 'Theme',
  focusThemeId: 'Focus theme',
  commitmentId: 'Action',
  commitmentIds: 'Actions',
  measureId: 'Measure',
  meetingId: 'Meeting',
  forumId: 'Forum',
  staffText: 'Promise (staff words)',
  childText: 'Children’s words',
  childTitle: 'Children’s title',
  publicText: 'Public words',
  text: 'Words',
  dueDate: 'Due',
  heardOn: 'Heard on',
  ragWording: 'RAG wording',
};

/** Kept in the record but not worth a line: every change moves them. */
const QUIET = new Set(['id', 'version', 'createdAt', 'updatedAt']);

/** A field's label: `ownerId` → "Owner", `answerTargetDays` → "Answer target days". */
export function fieldLabel(key: string): string {
  const known = LABELS[key];
  if (known) return known;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .replace(/ (id|ids)$/i, '')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const MAX_CHARS = 160;
const MAX_ITEMS = 6;
const clip = (s: string) => (s.length > MAX_CHARS ? `${s.slice(0, MAX_CHARS - 1)}…` : s);
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[a-z]+(?:_[a-z]+)+$/;

const KIND_WORDS: Record<AuditNamedKind, string> = {
  user: 'Person',
  promise: 'Promise',
  theme: 'Theme',
  commitment: 'Action',
  measure: 'Measure',
  board_meeting: 'Meeting',
};

function named(kind: AuditNamedKind, id: unknown, lookups: AuditLookups): string {
  const n = Number(id);
  if (!Number.isInteger(n)) return String(id);
  return lookups.name(kind, n) ?? `${KIND_WORDS[kind]} ${n} (no longer here)`;
}

/** One value in words, read in the light of the field it is in. '' for an empty value. */
export function valueWords(field: string, v: unknown, lookups: AuditLookups): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  const idKind = ID_FIELDS[field];
  if (idKind && (typeof v === 'number' || typeof v === 'string')) return named(idKind, v, lookups);
  const listKind = ID_LIST_FIELDS[field];
  if (listKind && Array.isArray(v)) return listWords(v.map((x) => named(listKind, x, lookups)));
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return clip(stringWords(field, v, lookups));
  if (Array.isArray(v)) {
    return listWords(
      v.map((x) => {
        if (typeof x !== 'object' || x === null) return valueWords(field, x, lookups);
        const o = x as Record<string, unknown>;
        const name = o.label ?? o.name ?? o.title ?? o.id;
        return name === undefined ? objectWords(o, lookups) : String(name);
      }),
    );
  }
  if (typeof v === 'object') return clip(objectWords(v as Record<string, unknown>, lookups));
  return clip(String(v));
}

function stringWords(field: string, v: string, lookups: AuditLookups): string {
  if (field === 'rating' || field === 'suggestedRating') return lookups.ragLabel(v);
  if (field === 'status') return codeWords(COMMITMENT_STATUS_WORDS, v);
  if (field === 'publishState') return codeWords(PUBLISH_STATE_WORDS, v);
  if (field === 'response' || field === 'liveResponse') return codeWords(RESPONSE_WORDS, v);
  if (field === 'source') return codeWords(SOURCE_WORDS, v);
  if (field === 'trend') return codeWords(TREND_WORDS, v);
  if (field === 'unit') return codeWords(UNIT_WORDS, v);
  if (field === 'direction') return codeWords(DIRECTION_WORDS, v);
  if (field === 'forumId') return lookups.forumName(v) ?? v;
  if (field === 'ageBand') return lookups.ageBandLabel(v) ?? v;
  if (INSTANT.test(v) && !Number.isNaN(Date.parse(v))) return dateTimeWords(v, 'en', lookups.timeZone);
  if (DATE.test(v)) return dateWords(v);
  if (CODE.test(v)) return codeWords({}, v);
  return v;
}

function objectWords(o: Record<string, unknown>, lookups: AuditLookups): string {
  return Object.entries(o)
    .filter(([k]) => !QUIET.has(k))
    .map(([k, x]) => `${fieldLabel(k)}: ${valueWords(k, x, lookups) || 'none'}`)
    .join('; ');
}

function listWords(items: string[]): string {
  if (!items.length) return '';
  const more = items.length > MAX_ITEMS ? ` (and ${items.length - MAX_ITEMS} more)` : '';
  return clip(items.slice(0, MAX_ITEMS).join(', ')) + more;
}

const asRecord = (v: unknown): Record<string, unknown> | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

/**
 * Each field of the change in words, in the order recorded. A new record lists what it was made
 * with (`was` null); a removed one what it held (`now` null); an update only the fields that moved.
 */
export function changeWords(before: unknown, after: unknown, lookups: AuditLookups): ChangeInWords[] {
  const was = asRecord(before);
  const now = asRecord(after);
  if (!was && !now) {
    if (before == null && after == null) return [];
    return [{ field: '', was: valueWords('', before, lookups), now: valueWords('', after, lookups) }];
  }
  const keys = [...new Set([...Object.keys(was ?? {}), ...Object.keys(now ?? {})])].filter((k) => !QUIET.has(k));
  return keys.map((k) => ({
    field: fieldLabel(k),
    was: was ? valueWords(k, was[k], lookups) : null,
    now: now ? valueWords(k, now[k], lookups) : null,
  }));
}

const ENTITY_WORDS: Record<string, string> = {
  rag_review: 'RAG rating',
  board_pack: 'Board pack',
  commitment_update: 'Action update',
  measure_value: 'Measure figure',
  forum_session: 'Forum session',
  rating_session: 'Rating session',
  feedback: 'Feedback',
  challenge: 'Challenge',
  evidence: 'Evidence',
  verdict: 'Verdict',
  session: 'Sign-in session',
  settings: 'Settings',
};

/** The record an entry is about: "Promise 3: Stable homes", "Feedback 12" (never a feedback item's words). */
export function recordWords(entity: string, entityId: string, lookups: AuditLookups): string {
  const kind = (Object.keys(KIND_WORDS) as AuditNamedKind[]).find((k) => k === entity);
  const label = kind ? KIND_WORDS[kind] : codeWords(ENTITY_WORDS, entity);
  if (!entityId) return label;
  const name = kind && /^\d+$/.test(entityId) ? lookups.name(kind, Number(entityId)) : undefined;
  return name ? `${label} ${entityId}: ${clip(name)}` : `${label} ${entityId}`;
}
