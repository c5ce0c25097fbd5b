// The Welsh still to write: every live (approved) piece of children's text whose Welsh live copy
// is empty (missing), or whose English live copy changed after its Welsh one (stale: the Welsh
// says what the English used to say), where it is, and its English. Live copies only: a draft
// nobody approved is not on the kiosk, so it is not a gap yet. Answers of safeguarding-flagged or
// unapproved feedback are left out, as the kiosk never shows them; the children's own words are
// never selected. When each live copy last changed is read from the audit trail, which records
// every approval with the live copies before and after (db/repositories/word-reviews.ts) and
// every settings change with its age bands; a copy no audit entry changed (seeded or imported
// with the database) has no time, and is never called stale.
import { and, asc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { auditLog, commitments, feedback, measures, promises, settings, themes, type AgeBand } from '../schema.js';
import { readTogether, type Tx } from './write.js';

export type WelshGapKind = 'theme' | 'promise' | 'commitment' | 'measure' | 'ageBand' | 'answer';
export type WelshGapState = 'missing' | 'stale';
export type WelshGap = {
  kind: WelshGapKind;
  id: string;
  field: string;
  english: string;
  state: WelshGapState;
  /** The live Welsh it has ('' when missing). */
  welsh: string;
  /** When the live English and the live Welsh last changed (UTC instants), null when unknown. */
  englishChangedAt: string | null;
  welshChangedAt: string | null;
};

/** The audit's entity for each kind, and the live-copy key pairs (English, Welsh) its images hold. */
const AUDITED: Record<Exclude<WelshGapKind, 'ageBand'>, { entity: string; pairs: [string, string][] }> = {
  theme: { entity: 'theme', pairs: [['childName', 'childNameCy']] },
  promise: { entity: 'promise', pairs: [['childText', 'childTextCy']] },
  commitment: {
    entity: 'commitment',
    pairs: [
      ['childTitle', 'childTitleCy'],
      ['childUpdate', 'childUpdateCy'],
    ],
  },
  measure: { entity: 'measure', pairs: [['childSentence', 'childSentenceCy']] },
  answer: {
    entity: 'feedback',
    pairs: [
      ['responseText', 'responseTextCy'],
      ['cantReason', 'cantReasonCy'],
    ],
  },
};

/**
 * When a copy last changed, as the audit entry's time and id ("<at> <id, 12 digits>"): two
 * approvals in the same millisecond still sort in the order they were made.
 */
type Changed = Map<string, string>;
const stamp = (at: string, id: number) => `${at} ${String(id).padStart(12, '0')}`;
const instantOf = (stamped: string | null) => (stamped === null ? null : stamped.slice(0, stamped.indexOf(' ')));
const changedKey = (id: string, field: string) => `${id}\u0000${field}`;

/**
 * When each live copy of one kind last changed: the latest approval whose image of the live copy
 * differs before and after, per record and field. One grouped query per kind.
 */
async function liveChanges(tx: Tx, kind: Exclude<WelshGapKind, 'ageBand'>): Promise<Changed> {
  const { entity, pairs } = AUDITED[kind];
  const fields = pairs.flat();
  const out: Changed = new Map();
  const columns = Object.fromEntries(
    fields.map((f) => [
      f,
      sql<
        string | null
      >`max(case when json_extract(${auditLog.before}, ${`$.live.${f}`}) is not json_extract(${auditLog.after}, ${`$.live.${f}`}) then ${auditLog.at} || ' ' || printf('%012d', ${auditLog.id}) end)`,
    ]),
  );
  const rows = (await tx
    .select({ id: auditLog.entityId, ...columns })
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), inArray(auditLog.action, ['approve', 'confirm'])))
    .groupBy(auditLog.entityId)) as ({ id: string } & Record<string, string | null>)[];
  for (const r of rows) for (const f of fields) if (r[f]) out.set(changedKey(r.id, f), r[f]);
  return out;
}

/** When each age band's children's label and its Welsh last changed, from the settings' audit. */
async function bandChanges(tx: Tx): Promise<Changed> {
  const out: Changed = new Map();
  const rows = await tx
    .select({ id: auditLog.id, at: auditLog.at, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'settings'), sql`json_extract(${auditLog.after}, '$.ageBands') is not null`))
    .orderBy(asc(auditLog.id));
  for (const r of rows) {
    const before = new Map(((r.before as { ageBands?: AgeBand[] } | null)?.ageBands ?? []).map((b) => [b.id, b]));
    for (const b of (r.after as { ageBands?: AgeBand[] }).ageBands ?? []) {
      const was = before.get(b.id);
      if (!was || was.childLabel !== b.childLabel) out.set(changedKey(b.id, 'childLabel'), stamp(r.at, r.id));
      if ((was?.childLabelCy ?? '') !== (b.childLabelCy ?? ''))
        out.set(changedKey(b.id, 'childLabelCy'), stamp(r.at, r.id));
    }
  }
  return out;
}

export async function welshGaps(db: Db): Promise<WelshGap[]> {
  return await readTogether(db, async (tx) => {
    const gaps: WelshGap[] = [];
    const changes = new Map<WelshGapKind, Changed>();
    const changedAt = async (kind: WelshGapKind, id: string, field: string) => {
      let known = changes.get(kind);
      if (!known) changes.set(kind, (known = kind === 'ageBand' ? await bandChanges(tx) : await liveChanges(tx, kind)));
      return known.get(changedKey(id, field)) ?? null;
    };
    const add = async (kind: WelshGapKind, rawId: number | string, field: string, english: string, welsh: string) => {
      if (!english.trim()) return;
      const id = String(rawId);
      const en = await changedAt(kind, id, field.slice(0, -2));
      const cy = await changedAt(kind, id, field);
      const at = { englishChangedAt: instantOf(en), welshChangedAt: instantOf(cy) };
      if (!welsh.trim()) gaps.push({ kind, id, field, english, state: 'missing', welsh: '', ...at });
      else if (en !== null && (cy === null || en > cy))
        gaps.push({ kind, id, field, english, state: 'stale', welsh, ...at });
    };
    for (const r of await db
      .select({ id: themes.id, en: themes.liveChildName, cy: themes.liveChildNameCy })
      .from(themes)
      .where(eq(themes.archived, false))
      .orderBy(asc(themes.sortOrder), asc(themes.id)))
      await add('theme', r.id, 'childNameCy', r.en, r.cy);
    for (const r of await db
      .select({ id: promises.id, en: promises.liveChildText, cy: promises.liveChildTextCy })
      .from(promises)
      .where(eq(promises.archived, false))
      .orderBy(asc(promises.id)))
      await add('promise', r.id, 'childTextCy', r.en, r.cy);
    for (const r of await db
      .select({
        id: commitments.id,
        title: commitments.liveChildTitle,
        titleCy: commitments.liveChildTitleCy,
        update: commitments.liveChildUpdate,
        updateCy: commitments.liveChildUpdateCy,
      })
      .from(commitments)
      .where(and(eq(commitments.archived, false), ne(commitments.liveChildTitle, '')))
      .orderBy(asc(commitments.id))) {
      await add('commitment', r.id, 'childTitleCy', r.title, r.titleCy);
      await add('commitment', r.id, 'childUpdateCy', r.update, r.updateCy);
    }
    for (const r of await db
      .select({ id: measures.id, en: measures.liveChildSentence, cy: measures.liveChildSentenceCy })
      .from(measures)
      .where(eq(measures.archived, false))
      .orderBy(asc(measures.id)))
      await add('measure', r.id, 'childSentenceCy', r.en, r.cy);
    const bands = (
      await db.select({ ageBands: settings.ageBands }).from(settings).where(eq(settings.id, 1)).limit(1)
    )[0];
    for (const b of bands?.ageBands ?? [])
      await add('ageBand', b.id, 'childLabelCy', b.childLabel, b.childLabelCy ?? '');
    for (const r of await db
      .select({
        id: feedback.id,
        response: feedback.liveResponse,
        text: feedback.liveResponseText,
        textCy: feedback.liveResponseTextCy,
        reason: feedback.liveCantReason,
        reasonCy: feedback.liveCantReasonCy,
      })
      .from(feedback)
      .where(
        and(
          eq(feedback.publishState, 'approved'),
          eq(feedback.safeguarding, false),
          ne(feedback.livePublicText, ''),
          isNotNull(feedback.liveResponse),
        ),
      )
      .orderBy(asc(feedback.id))) {
      await add('answer', r.id, 'responseTextCy', r.text, r.textCy);
      if (r.response === 'cant') await add('answer', r.id, 'cantReasonCy', r.reason, r.reasonCy);
    }
    return gaps;
  });
}
