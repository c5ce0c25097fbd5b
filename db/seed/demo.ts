// The demo council: a realistic, entirely fictional council for trying the product. The words
// live in demo-content.ts; this file turns them into rows. Dates are relative to today, so the
// demo always has something overdue, something due soon and feedback still waiting. Variety
// (which forum heard what, when, in which age band, what has been answered) comes from a seeded
// PRNG, so every load on the same day gives the same council.
import { publishDemoWords } from './publish-demo-words.js';
import { count, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import {
  boardMeetings,
  challenges,
  commitmentUpdates,
  commitments,
  evidence,
  feedback,
  feedbackCommitments,
  feedbackPromises,
  forumSessions,
  measurePromises,
  measureValues,
  measures,
  promises,
  ragReviews,
  settings,
  themes,
} from '../schema.js';
import { DEFAULT_THEME_ICONS, DEFAULT_THEMES } from '../defaults.js';
import { ensureSettings, writeSettings } from '../repositories/settings.js';
import {
  createUser,
  DEMO_PASSWORD,
  findUserByEmail,
  STRONG_PASSWORD_COST,
  type PasswordCost,
} from '../repositories/users.js';
import { systemActor } from '../repositories/audit.js';
import type { Tx } from '../repositories/write.js';
import {
  BOARD_MEETINGS,
  CHALLENGES,
  DEMO_COMMITMENTS,
  DEMO_EVIDENCE,
  DEMO_MEASURES,
  DEMO_PROMISES,
  DEMO_USERS,
  FEEDBACK_TOPICS,
  LOCAL_NAMES,
  RAG_STORY,
  SAFEGUARDING_FEEDBACK,
  SPECIAL_FEEDBACK,
  STRATEGY_PERIOD,
  SURVEY_ANSWERS,
  WATCH_WORDS,
  type PromiseKey,
  type Response,
  type UserKey,
} from './demo-content.js';

export const DEMO_COUNCIL_NAME = 'Westmere Borough Council';
const TIME_ZONE = 'Europe/London';
const SEED = 20_250_401;

export function isEmptyCouncil(db: Db): boolean {
  return (db.select({ n: count() }).from(themes).get()?.n ?? 0) === 0;
}

/**
 * Loads the demo council. Users are created first (hashing is async); everything else goes in
 * one transaction, so a failure leaves no half-built council. `now` and a cheaper password
 * `cost` are for tests.
 */
export async function seedDemo(
  db: Db,
  now: Date = new Date(),
  cost: PasswordCost = STRONG_PASSWORD_COST,
): Promise<void> {
  await ensureSettings(db, DEMO_COUNCIL_NAME, 'england');
  const people = await ensureUsers(db, cost);
  const today = dateIn(now, TIME_ZONE);
  await writeSettings(db, (tx) => {
    const current = tx.select().from(settings).where(eq(settings.id, 1)).get();
    tx.update(settings)
      .set({
        // A row made by an earlier start-up carries the placeholder name; the demo is Westmere.
        ...(current?.councilName === 'Our council' ? { councilName: DEMO_COUNCIL_NAME } : {}),
        watchWords: WATCH_WORDS,
        localNames: LOCAL_NAMES,
        // The demo shows both languages, though Westmere is in England.
        useWelsh: true,
        ...(current?.councilNameCy ? {} : { councilNameCy: 'Cyngor Bwrdeistref Westmere' }),
      })
      .where(eq(settings.id, 1))
      .run();
    new DemoBuilder(tx, people, today, mulberry32(SEED)).build();
    publishDemoWords(tx);
  });
}

/** Creates the demo people, reusing any that already exist (so a failed load can be retried). */
async function ensureUsers(db: Db, cost: PasswordCost): Promise<Record<UserKey, number>> {
  const ids = {} as Record<UserKey, number>;
  for (const person of DEMO_USERS) {
    const existing = findUserByEmail(db, person.email);
    const row =
      existing ??
      (await createUser(
        db,
        systemActor,
        {
          email: person.email,
          name: person.name,
          role: person.role,
          jobTitle: person.jobTitle,
          agency: person.agency ?? 'Council',
          password: person.canSignIn ? DEMO_PASSWORD : null,
        },
        cost,
      ));
    ids[person.key] = row.id;
  }
  return ids;
}

type Rng = () => number;

/** mulberry32: a tiny, well-known 32-bit PRNG; good enough to vary demo data reproducibly. */
function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// db/ may not import server/domain, so the two date helpers it needs are repeated here.
function dateIn(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(instant)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** An instant on a date, in UTC: what a worker's "saved at" would look like. */
const at = (date: string, hour = 10, minute = 0) =>
  `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`;

type ForumId = 'cicc' | 'care-leavers';
type Session = { id: number; forumId: ForumId; heldOn: string };

/** One piece of feedback before it becomes a row. */
type Heard = {
  text: string;
  source: 'forum' | 'survey' | 'complaint' | 'takeover_day' | 'other';
  forumId: ForumId | null;
  /** The forum meeting or survey it came from. */
  session: { id: number } | null;
  heardOn: string;
  ageBand: string;
  promises: PromiseKey[];
  commitment?: string;
  answers: Response[];
};

class DemoBuilder {
  private themeIds: number[] = [];
  private promiseIds = {} as Record<PromiseKey, number>;
  private commitmentIds = new Map<string, number>();
  private sessions: Session[] = [];
  private surveys: { id: number; heldOn: string }[] = [];

  constructor(
    private tx: Tx,
    private people: Record<UserKey, number>,
    private today: string,
    private rng: Rng,
  ) {}

  build(): void {
    this.themes();
    this.promises();
    this.commitments();
    this.measures();
    this.evidence();
    this.forumSessions();
    this.feedback();
    this.board();
    this.contextMeasure();
  }

  /**
   * A figure for the whole council, shown for context (neither way is better) and linked to two
   * promises: how many children it looks after, at the end of each of the last three financial years. Made last and without
   * the random source, so the rest of the demo is the same council it always was.
   */
  private contextMeasure(): void {
    const y = Number(this.today.slice(0, 4));
    const lastEnd = this.today.slice(5) > '03-31' ? y : y - 1;
    const row = this.tx
      .insert(measures)
      .values({
        promiseId: this.promiseIds.homes,
        name: 'Children looked after by the council',
        childSentence: 'How many children and young people the council looks after.',
        unit: 'count',
        direction: 'context',
        baseline: null,
        target: null,
        source: 'Children looked after return, at 31 March',
        ownerId: this.people.leader,
        councilWide: true,
      })
      .returning({ id: measures.id })
      .get();
    // The whole council's figure informs more than one promise: shown on the social workers' one too.
    this.tx.insert(measurePromises).values({ measureId: row.id, promiseId: this.promiseIds.workers }).run();
    [212, 226, 219].forEach((value, i) => {
      const end = lastEnd - 2 + i;
      this.tx
        .insert(measureValues)
        .values({
          measureId: row.id,
          period: `${end - 1}/${String(end % 100).padStart(2, '0')}`,
          periodEnd: `${end}-03-31`,
          value,
        })
        .run();
    });
  }

  private day = (offset: number) => addDays(this.today, offset);
  private int = (lo: number, hi: number) => lo + Math.floor(this.rng() * (hi - lo + 1));
  private chance = (p: number) => this.rng() < p;
  private pick<T>(list: readonly T[]): T {
    const item = list[Math.floor(this.rng() * list.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  private themes(): void {
    DEFAULT_THEMES.forEach((theme, i) => {
      const row = this.tx
        .insert(themes)
        .values({
          name: theme.name,
          childName: theme.childName,
          colour: theme.colour,
          icon: DEFAULT_THEME_ICONS[i],
          sortOrder: i,
        })
        .returning({ id: themes.id })
        .get();
      this.themeIds.push(row.id);
    });
  }

  private promises(): void {
    DEMO_PROMISES.forEach((p, i) => {
      const row = this.tx
        .insert(promises)
        .values({
          themeId: this.themeIds[p.theme]!,
          staffText: p.staffText,
          childText: p.childText,
          staffTextCy: p.staffTextCy ?? '',
          childTextCy: p.childTextCy ?? '',
          audience: p.audience,
          principles: p.principles,
          ownerId: this.people[p.owner],
          linkChampion: p.champion,
          strategyPeriod: STRATEGY_PERIOD,
          sortOrder: i,
          createdAt: at(this.day(-600)),
          updatedAt: at(this.day(-600)),
        })
        .returning({ id: promises.id })
        .get();
      this.promiseIds[p.key] = row.id;
    });
  }

  private commitments(): void {
    for (const c of DEMO_COMMITMENTS) {
      const last = c.updates[c.updates.length - 1];
      const first = c.updates[0];
      const created = at(this.day(-(first ? first.ago + 14 : 60)));
      const row = this.tx
        .insert(commitments)
        .values({
          promiseId: this.promiseIds[c.promise],
          title: c.title,
          childTitle: c.childTitle,
          ownerId: this.people[c.owner],
          dueDate: this.day(c.due),
          status: c.status,
          progress: c.progress,
          childReason: c.childReason ?? '',
          lastUpdateAt: last ? at(this.day(-last.ago), 15, 30) : null,
          version: c.updates.length + 1,
          createdAt: created,
          updatedAt: last ? at(this.day(-last.ago), 15, 30) : created,
        })
        .returning({ id: commitments.id })
        .get();
      this.commitmentIds.set(c.key, row.id);
      for (const update of c.updates) {
        const isLast = update === last;
        this.tx
          .insert(commitmentUpdates)
          .values({
            commitmentId: row.id,
            note: update.note,
            status: update.status ?? (isLast ? c.status : update.progress > 0 ? 'on_track' : 'not_started'),
            progress: update.progress,
            oldDueDate: update.moved ? this.day(update.moved.from) : null,
            newDueDate: update.moved ? this.day(c.due) : null,
            dueDateReason: update.moved?.reason ?? '',
            authorId: this.people[c.owner],
            updatedOn: this.day(-update.ago),
            createdAt: at(this.day(-update.ago), 15, 30),
          })
          .run();
      }
    }
  }

  /** Twelve calendar quarters ending with the last one that has finished. */
  private quarters(): { period: string; periodEnd: string; fy: number }[] {
    const [y, m] = this.today.split('-').map(Number) as [number, number];
    let year = y;
    let q = Math.ceil(m / 3) - 1;
    if (q === 0) {
      q = 4;
      year -= 1;
    }
    const out: { period: string; periodEnd: string; fy: number }[] = [];
    for (let i = 0; i < 12; i++) {
      const endMonth = q * 3;
      const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
      out.unshift({
        period: `${year}-Q${q}`,
        periodEnd: `${year}-${String(endMonth).padStart(2, '0')}-${lastDay}`,
        // Which of the three comparator years the quarter falls in, oldest = 0.
        fy: 0,
      });
      q -= 1;
      if (q === 0) {
        q = 4;
        year -= 1;
      }
    }
    return out.map((x, i) => ({ ...x, fy: Math.min(2, Math.floor(i / 4)) }));
  }

  private measures(): void {
    const quarters = this.quarters();
    for (const m of DEMO_MEASURES) {
      const row = this.tx
        .insert(measures)
        .values({
          promiseId: this.promiseIds[m.promise],
          name: m.name,
          childSentence: m.childSentence,
          unit: m.unit,
          direction: m.direction,
          baseline: m.baseline,
          target: m.target,
          source: m.source,
          ownerId: this.people[m.owner],
        })
        .returning({ id: measures.id })
        .get();
      quarters.forEach((q, i) => {
        const trend = i === 0 ? m.from : m.from + ((m.to - m.from) * i) / 11 + (this.rng() - 0.5) * 2 * m.wobble;
        const base = m.base ? this.int(m.base[0], m.base[1]) : null;
        let value: number;
        if (m.unit === 'percent' && base) {
          // A real percentage of a real number of children, so the figures add up.
          const children = Math.max(0, Math.min(base, Math.round((base * trend) / 100)));
          value = Math.round((children / base) * 1000) / 10;
        } else if (m.unit === 'count') {
          value = Math.max(0, Math.round(trend));
        } else {
          value = Math.round(trend * 10) / 10;
        }
        this.tx
          .insert(measureValues)
          .values({
            measureId: row.id,
            period: q.period,
            periodEnd: q.periodEnd,
            value,
            base,
            englandAverage: m.england?.[q.fy] ?? null,
            statNeighbours: m.neighbours?.[q.fy] ?? null,
            createdAt: at(addDays(q.periodEnd, 30)),
            updatedAt: at(addDays(q.periodEnd, 30)),
          })
          .run();
      });
    }
  }

  private evidence(): void {
    for (const e of DEMO_EVIDENCE) {
      this.tx
        .insert(evidence)
        .values({
          promiseId: this.promiseIds[e.promise],
          kind: e.kind,
          title: e.title,
          body: e.body,
          url: e.url ?? '',
          dated: this.day(-e.ago),
          addedById: this.people.participation,
        })
        .run();
    }
  }

  /** The children in care council meets monthly; the care leavers forum each school holiday. */
  private forumSessions(): void {
    const held: { forumId: ForumId; heldOn: string; attendance: number; notes: string }[] = [];
    for (let month = 17; month >= 0; month--) {
      held.push({
        forumId: 'cicc',
        heldOn: this.day(-(month * 30 + 12) + this.int(-3, 3)),
        attendance: this.int(6, 14),
        notes: this.pick(CICC_NOTES),
      });
    }
    for (const ago of [520, 455, 400, 335, 265, 200, 140, 75, 20]) {
      held.push({
        forumId: 'care-leavers',
        heldOn: this.day(-ago),
        attendance: this.int(4, 10),
        notes: this.pick(CARE_LEAVER_NOTES),
      });
    }
    held.sort((a, b) => a.heldOn.localeCompare(b.heldOn));
    for (const s of held) {
      const row = this.tx
        .insert(forumSessions)
        .values({
          ...s,
          createdById: this.people.participation,
          createdAt: at(s.heldOn, 19),
          updatedAt: at(s.heldOn, 19),
        })
        .returning({ id: forumSessions.id })
        .get();
      this.sessions.push({ id: row.id, forumId: s.forumId, heldOn: s.heldOn });
    }
    // The yearly well-being survey, set up as a survey: who answered, not who came.
    for (const [ago, year, respondents] of [
      [400, this.surveyYear(-400), 164],
      [50, this.surveyYear(-50), 181],
    ] as const) {
      const heldOn = this.day(-ago);
      const row = this.tx
        .insert(forumSessions)
        .values({
          kind: 'survey',
          forumId: '',
          heldOn,
          respondents,
          surveyYear: year,
          title: 'Your life, your say well-being survey',
          ageBands: ['4-7', '8-11', '11-18', 'care-leaver'],
          createdById: this.people.participation,
          createdAt: at(heldOn, 17),
          updatedAt: at(heldOn, 17),
        })
        .returning({ id: forumSessions.id })
        .get();
      this.surveys.push({ id: row.id, heldOn });
    }
  }

  /** A survey comment's day and the survey it came from. */
  private fromSurvey(offset: number): { heardOn: string; session: { id: number } | null } {
    const heardOn = this.day(offset);
    return { heardOn, session: this.surveys.find((s) => s.heldOn === heardOn) ?? null };
  }

  /** The financial year a day falls in, as councils write it: "2025/26". */
  private surveyYear(offset: number): string {
    const day = this.day(offset);
    const y = Number(day.slice(0, 4));
    const start = day.slice(5) >= '04-01' ? y : y - 1;
    return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
  }

  private sessionOf(forumId: ForumId): Session {
    return this.pick(this.sessions.filter((s) => s.forumId === forumId));
  }

  /** The first meeting of a forum on or after a date: when an answer can be carried back. */
  private nextSession(forumId: ForumId, onOrAfter: string): Session | undefined {
    return this.sessions.find((s) => s.forumId === forumId && s.heldOn >= onOrAfter);
  }

  private heard(): Heard[] {
    const items: Heard[] = [];
    for (const topic of FEEDBACK_TOPICS) {
      for (const text of topic.quotes) {
        let ageBand = this.pick(topic.bands);
        const forumId: ForumId =
          topic.who === 'care-leavers' || (topic.who === 'either' && ageBand === 'care-leaver')
            ? 'care-leavers'
            : 'cicc';
        if (forumId === 'cicc' && ageBand === 'care-leaver') ageBand = '11-18';
        if (forumId === 'care-leavers') ageBand = 'care-leaver';
        // Most is heard at a forum; some is told to a worker or reviewing officer in between.
        const atForum = this.chance(0.88);
        const session = atForum ? this.sessionOf(forumId) : null;
        items.push({
          text,
          source: atForum ? 'forum' : 'other',
          forumId: atForum ? forumId : null,
          session,
          heardOn: session ? session.heldOn : this.day(-this.int(5, 500)),
          ageBand,
          promises: topic.promises,
          commitment: topic.commitment,
          answers: topic.answers,
        });
      }
    }
    // Two yearly well-being surveys: last year's, and this summer's (which left a backlog).
    for (const answer of SURVEY_ANSWERS) {
      items.push({
        text: answer.text,
        source: 'survey',
        forumId: null,
        ...this.fromSurvey(this.chance(0.5) ? -400 : -50),
        ageBand: answer.band,
        promises: answer.promises,
        answers: answer.reply ? [answer.reply] : surveyAnswers(answer.promises),
      });
    }
    for (const said of SPECIAL_FEEDBACK.takeover) {
      items.push({
        text: said.text,
        source: 'takeover_day',
        forumId: null,
        session: null,
        heardOn: this.day(-210),
        ageBand: this.pick(['11-18', 'mixed']),
        promises: said.promises,
        answers: surveyAnswers(said.promises),
      });
    }
    return items;
  }

  private feedback(): void {
    const items = this.heard();
    for (const item of items) this.logFeedback(item);

    const complaint = SPECIAL_FEEDBACK.complaint;
    const heardOn = this.day(-150);
    this.logFeedback(
      {
        text: complaint.text,
        source: 'complaint',
        forumId: null,
        session: null,
        heardOn,
        ageBand: complaint.band,
        promises: complaint.promises,
        answers: [complaint.answer],
      },
      { respondedOn: addDays(heardOn, 12), fedBackOn: addDays(heardOn, 14), approved: false },
    );

    SAFEGUARDING_FEEDBACK.forEach((worry, i) => {
      const forumId: ForumId = worry.band === 'care-leaver' ? 'care-leavers' : 'cicc';
      const session = this.sessions.filter((s) => s.forumId === forumId).at(i === 0 ? -4 : -1)!;
      const id = this.logFeedback(
        {
          text: worry.text,
          source: 'forum',
          forumId,
          session,
          heardOn: session.heldOn,
          ageBand: worry.band,
          promises: [],
          answers: [
            {
              response: 'did',
              text: 'A worker talked with you privately the same day and made sure the right people knew.',
            },
          ],
        },
        { respondedOn: session.heldOn, fedBackOn: session.heldOn, approved: false },
      );
      this.tx
        .update(feedback)
        .set({
          safeguarding: true,
          publishState: 'withheld',
          publicText: '',
          safeguardingToldWhom: worry.toldWhom,
          safeguardingToldAt: at(session.heldOn, 20, 15),
        })
        .where(eq(feedback.id, id))
        .run();
    });
  }

  /**
   * One feedback row and its links. The older an item, the likelier it has been answered and
   * carried back; recent items are still waiting, some past the 28-day target.
   */
  private logFeedback(
    item: Heard,
    fixed?: { respondedOn: string; fedBackOn: string | null; approved: boolean },
  ): number {
    const age = daysBetween(item.heardOn, this.today);
    const answerChance = age > 120 ? 0.93 : age > 60 ? 0.75 : age > 28 ? 0.5 : 0.3;
    let respondedOn: string | null = null;
    let fedBackOn: string | null = null;
    let answer: Response | null = null;
    if (fixed) {
      respondedOn = fixed.respondedOn;
      fedBackOn = fixed.fedBackOn;
      answer = item.answers[0] ?? null;
    } else if (item.answers.length > 0 && age >= 3 && this.chance(answerChance)) {
      answer = this.pick(item.answers);
      // Mostly inside the target, some late.
      respondedOn = addDays(item.heardOn, Math.min(age - 1, this.chance(0.75) ? this.int(4, 27) : this.int(29, 60)));
      if (item.forumId) {
        fedBackOn = this.nextSession(item.forumId, addDays(respondedOn, 1))?.heldOn ?? null;
      } else {
        const on = addDays(respondedOn, this.int(7, 35));
        fedBackOn = on < this.today && this.chance(0.85) ? on : null;
      }
    }
    const approved = fixed ? fixed.approved : this.chance(0.5);
    const approvedOn = addDays(item.heardOn, Math.min(Math.max(age, 0), this.int(1, 10)));
    const row = this.tx
      .insert(feedback)
      .values({
        text: item.text,
        source: item.source,
        forumId: item.forumId,
        forumSessionId: item.session?.id ?? null,
        heardOn: item.heardOn,
        ageBand: item.ageBand,
        loggedById: this.people.participation,
        // Drafts sometimes already have the words the worker means to publish.
        publicText: approved || this.chance(0.4) ? item.text : '',
        publishState: approved ? 'approved' : 'draft',
        approvedById: approved ? this.people.participation : null,
        approvedAt: approved ? at(approvedOn, 11, 20) : null,
        // A watch word in approved words means the worker looked twice and said why it is fine.
        safeReason: approved && hasWatchWord(item.text) ? SAFE_REASON : '',
        response: answer?.response ?? null,
        responseText: answer?.text ?? '',
        cantReason: answer?.cantReason ?? '',
        respondedOn,
        fedBackOn,
        createdAt: at(item.heardOn, 20),
        updatedAt: at(fedBackOn ?? respondedOn ?? item.heardOn, 20),
      })
      .returning({ id: feedback.id })
      .get();
    for (const key of item.promises) {
      this.tx.insert(feedbackPromises).values({ feedbackId: row.id, promiseId: this.promiseIds[key] }).run();
    }
    const commitmentId = item.commitment ? this.commitmentIds.get(item.commitment) : undefined;
    if (commitmentId && this.chance(0.6)) {
      this.tx.insert(feedbackCommitments).values({ feedbackId: row.id, commitmentId }).run();
    }
    return row.id;
  }

  private board(): void {
    BOARD_MEETINGS.forEach((m, index) => {
      const meetingDate = this.day(-m.ago);
      const row = this.tx
        .insert(boardMeetings)
        .values({
          meetingDate,
          title: m.title,
          focusThemeId: this.themeIds[m.focusTheme] ?? null,
          attendance: m.attendance,
          notes: m.notes,
          createdAt: at(meetingDate, 18),
          updatedAt: at(meetingDate, 18),
        })
        .returning({ id: boardMeetings.id })
        .get();
      for (const p of DEMO_PROMISES) {
        const story = RAG_STORY[p.key];
        const rating = story.ratings[index]!;
        // The suggestion mostly agrees; once in a while the board knows better than the figures.
        const suggested = this.chance(0.8) ? rating : this.pick(['red', 'amber', 'green'] as const);
        this.tx
          .insert(ragReviews)
          .values({
            meetingId: row.id,
            promiseId: this.promiseIds[p.key],
            rating,
            suggestedRating: suggested,
            // The board writes its reasons at the latest meeting, and where a rating changed.
            rationale: story.rationale && (index === 2 || story.ratings[index - 1] !== rating) ? story.rationale : '',
            decidedOn: meetingDate,
            createdAt: at(meetingDate, 18),
            updatedAt: at(meetingDate, 18),
          })
          .run();
      }
      for (const c of CHALLENGES.filter((x) => x.meeting === index)) {
        const closedOn = c.closedAfter !== undefined ? addDays(meetingDate, c.closedAfter) : null;
        this.tx
          .insert(challenges)
          .values({
            meetingId: row.id,
            promiseId: this.promiseIds[c.promise],
            ownerId: this.people[c.owner],
            text: c.text,
            dueDate: addDays(meetingDate, c.dueIn),
            answer: closedOn ? (c.answer ?? '') : '',
            closedOn: closedOn && closedOn <= this.today ? closedOn : null,
            createdAt: at(meetingDate, 18),
            updatedAt: at(closedOn && closedOn <= this.today ? closedOn : meetingDate, 18),
          })
          .run();
      }
    });
  }
}

/** Survey and takeover-day answers are general: the answer to the promise the words concern. */
function surveyAnswers(keys: readonly PromiseKey[]): Response[] {
  const first = keys[0];
  const topic = first ? FEEDBACK_TOPICS.find((t) => t.promises.includes(first)) : undefined;
  return topic ? topic.answers : [THANK_YOU];
}

const THANK_YOU: Response = {
  response: 'did',
  text: 'Thank you for telling us. We passed on what you said to your social worker or personal adviser, so they can talk it through with you.',
};

const SAFE_REASON = 'Checked with the young person: an everyday worry, not a safeguarding concern.';
const hasWatchWord = (text: string) => WATCH_WORDS.some((w) => text.toLowerCase().includes(w));

const CICC_NOTES = [
  'Pizza and planning for the summer trip.',
  'Games, then a talk about family time.',
  'Looked at the you said, we did poster from last month.',
  'Guest: the virtual school head came to answer questions.',
  'Worked on the welcome book for children moving home.',
  'Quiet session; half term.',
  'Practised for takeover day.',
];

const CARE_LEAVER_NOTES = [
  'Drop-in at the hub with food.',
  'Housing officers came to answer questions.',
  'Talked about money, bills and the cost of living.',
  'Planning the care leavers celebration event.',
  'Careers partner ran a CV session.',
];
