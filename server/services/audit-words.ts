// Audit entries as a person reads them: when in words in the council's time zone, the record by
// name, and each change with names for ids and words for codes (server/domain/audit-words.ts).
// Given entries already shown as their reader may see them (history-seen.ts masks the words).
import type { Db } from '../../db/client.js';
import { recordNames, type NamedKind } from '../../db/repositories/audit-names.js';
import { getSettings } from '../../db/repositories/settings.js';
import { ID_FIELDS, changeWords, recordWords, type AuditLookups, type ChangeInWords } from '../domain/audit-words.js';
import { dateTimeWords } from '../domain/date-words.js';

type Entry = { at: string; entity?: string; entityId: string; before: unknown; after: unknown };

const LIST_FIELDS: Record<string, NamedKind> = { promiseIds: 'promise', commitmentIds: 'commitment' };
const NAMED_ENTITIES = new Set<string>(['user', 'promise', 'theme', 'commitment', 'measure', 'board_meeting']);

/** The ids each entry refers to, by kind, so every name is read in one query per kind. */
function wantedIds(entries: readonly Entry[], entity: string | undefined) {
  const wanted = new Map<NamedKind, Set<number>>();
  const want = (kind: NamedKind, id: unknown) => {
    const n = Number(id);
    if (!Number.isInteger(n) || n <= 0) return;
    const set = wanted.get(kind) ?? new Set<number>();
    set.add(n);
    wanted.set(kind, set);
  };
  for (const e of entries) {
    const kind = entity ?? e.entity ?? '';
    if (NAMED_ENTITIES.has(kind)) want(kind as NamedKind, e.entityId);
    for (const image of [e.before, e.after]) {
      if (typeof image !== 'object' || image === null || Array.isArray(image)) continue;
      for (const [k, v] of Object.entries(image as Record<string, unknown>)) {
        const one = ID_FIELDS[k];
        if (one) want(one, v);
        const many = LIST_FIELDS[k];
        if (many && Array.isArray(v)) for (const id of v) want(many, id);
      }
    }
  }
  return wanted;
}

export async function withWords<E extends Entry>(
  db: Db,
  entries: readonly E[],
  entity?: string,
): Promise<(E & { atWords: string; record: string; changes: ChangeInWords[] })[]> {
  const settings = getSettings(db);
  const names = await recordNames(db, wantedIds(entries, entity));
  const forums = new Map(settings.forums.map((f) => [f.id, f.name]));
  const bands = new Map(settings.ageBands.map((b) => [b.id, b.label]));
  const rag = settings.ragWording as Record<string, { label: string } | undefined>;
  const lookups: AuditLookups = {
    name: (kind, id) => names.get(kind)?.get(id),
    ragLabel: (code) => (rag[code] ? `${rag[code].label} (${code})` : code),
    forumName: (id) => forums.get(id),
    ageBandLabel: (id) => bands.get(id),
    timeZone: settings.timeZone,
  };
  return entries.map((e) => ({
    ...e,
    atWords: dateTimeWords(e.at, 'en', settings.timeZone),
    record: recordWords(entity ?? e.entity ?? '', e.entityId, lookups),
    changes: changeWords(e.before, e.after, lookups),
  }));
}
