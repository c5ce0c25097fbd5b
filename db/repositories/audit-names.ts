// The names the audit trail shows for the ids it recorded: "Owner: Sam Patel", not "Owner id: 14".
// Only names staff already read elsewhere (people, promises, themes, actions, measures, meetings);
// never a feedback item's words, which are named by number.
import { inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import { boardMeetings, commitments, measures, promises, themes, users } from '../schema.js';

export type NamedKind = 'user' | 'promise' | 'theme' | 'commitment' | 'measure' | 'board_meeting';

export type RecordNames = Map<NamedKind, Map<number, string>>;

/** The name of each record asked for, by kind; a record that no longer exists is left out. */
export async function recordNames(db: Db, wanted: ReadonlyMap<NamedKind, ReadonlySet<number>>): Promise<RecordNames> {
  const out: RecordNames = new Map();
  const load = async (kind: NamedKind, read: (ids: number[]) => Promise<{ id: number; name: string }[]>) => {
    const ids = [...(wanted.get(kind) ?? [])];
    out.set(kind, new Map(ids.length ? (await read(ids)).map((r) => [r.id, r.name]) : []));
  };
  await load('user', (ids) => db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)));
  await load('promise', (ids) =>
    db.select({ id: promises.id, name: promises.staffText }).from(promises).where(inArray(promises.id, ids)),
  );
  await load('theme', (ids) =>
    db.select({ id: themes.id, name: themes.name }).from(themes).where(inArray(themes.id, ids)),
  );
  await load('commitment', (ids) =>
    db.select({ id: commitments.id, name: commitments.title }).from(commitments).where(inArray(commitments.id, ids)),
  );
  await load('measure', (ids) =>
    db.select({ id: measures.id, name: measures.name }).from(measures).where(inArray(measures.id, ids)),
  );
  await load('board_meeting', (ids) =>
    db
      .select({ id: boardMeetings.id, name: boardMeetings.title })
      .from(boardMeetings)
      .where(inArray(boardMeetings.id, ids)),
  );
  return out;
}
