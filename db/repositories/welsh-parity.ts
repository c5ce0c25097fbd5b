// The Welsh still to write: every live (approved) piece of children's text whose Welsh live copy
// is empty, where it is, and its English. Live copies only: a draft nobody approved is not on the
// kiosk, so it is not a gap yet. Answers of safeguarding-flagged or unapproved feedback are left
// out, as the kiosk never shows them; the children's own words are never selected.
import { and, asc, eq, isNotNull, ne } from 'drizzle-orm';
import type { Db } from '../client.js';
import { commitments, feedback, measures, promises, settings, themes } from '../schema.js';
import { readTogether } from './write.js';

export type WelshGapKind = 'theme' | 'promise' | 'commitment' | 'measure' | 'ageBand' | 'answer';
export type WelshGap = { kind: WelshGapKind; id: string; field: string; english: string };

export function welshGaps(db: Db): WelshGap[] {
  return readTogether(db, () => {
    const gaps: WelshGap[] = [];
    const add = (kind: WelshGapKind, id: number | string, field: string, english: string, welsh: string) => {
      if (english.trim() && !welsh.trim()) gaps.push({ kind, id: String(id), field, english });
    };
    for (const r of db
      .select({ id: themes.id, en: themes.liveChildName, cy: themes.liveChildNameCy })
      .from(themes)
      .where(eq(themes.archived, false))
      .orderBy(asc(themes.sortOrder), asc(themes.id))
      .all())
      add('theme', r.id, 'childNameCy', r.en, r.cy);
    for (const r of db
      .select({ id: promises.id, en: promises.liveChildText, cy: promises.liveChildTextCy })
      .from(promises)
      .where(eq(promises.archived, false))
      .orderBy(asc(promises.id))
      .all())
      add('promise', r.id, 'childTextCy', r.en, r.cy);
    for (const r of db
      .select({
        id: commitments.id,
        title: commitments.liveChildTitle,
        titleCy: commitments.liveChildTitleCy,
        update: commitments.liveChildUpdate,
        updateCy: commitments.liveChildUpdateCy,
      })
      .from(commitments)
      .where(and(eq(commitments.archived, false), ne(commitments.liveChildTitle, '')))
      .orderBy(asc(commitments.id))
      .all()) {
      add('commitment', r.id, 'childTitleCy', r.title, r.titleCy);
      add('commitment', r.id, 'childUpdateCy', r.update, r.updateCy);
    }
    for (const r of db
      .select({ id: measures.id, en: measures.liveChildSentence, cy: measures.liveChildSentenceCy })
      .from(measures)
      .where(eq(measures.archived, false))
      .orderBy(asc(measures.id))
      .all())
      add('measure', r.id, 'childSentenceCy', r.en, r.cy);
    const bands = db.select({ ageBands: settings.ageBands }).from(settings).where(eq(settings.id, 1)).get();
    for (const b of bands?.ageBands ?? []) add('ageBand', b.id, 'childLabelCy', b.childLabel, b.childLabelCy ?? '');
    for (const r of db
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
      .orderBy(asc(feedback.id))
      .all()) {
      add('answer', r.id, 'responseTextCy', r.text, r.textCy);
      if (r.response === 'cant') add('answer', r.id, 'cantReasonCy', r.reason, r.reasonCy);
    }
    return gaps;
  });
}
