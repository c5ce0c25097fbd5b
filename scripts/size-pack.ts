// Prints a large council's board pack (100 promises, each with actions, measures and words) to
// PDF and says how big it is, so a change to the pack's layout can be weighed before it ships.
// Usage: npx tsx scripts/size-pack.ts [promises] [out.pdf] [measures per promise] [figures per measure]
//        npx tsx scripts/size-pack.ts --council <bench council .db> [out.pdf]
// The second makes the pack the bench makes, through the API, from a copy of a council the bench
// generated (bench/results/cache/large-*.db, `npm run bench -- --generate-only`), and also writes
// its HTML beside out.pdf.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BoardPackSnapshot, PackPromise, PackSnapshot } from '../server/contracts/board-pack.js';
import { packPdf } from '../server/pdf/board-pack-pdf.js';
import { packHtml } from '../server/pdf/board-pack-html.js';

const fromCouncil = process.argv[2] === '--council' ? process.argv[3] : undefined;
const count = fromCouncil ? 0 : Number(process.argv[2] ?? 100);
const out = process.argv[fromCouncil ? 4 : 3];
const measuresEach = Number(process.argv[4] ?? 2);
const figuresEach = Number(process.argv[5] ?? 8);
const statuses = ['on_track', 'at_risk', 'off_track', 'done', 'not_started'] as const;
const ratings = ['red', 'amber', 'green', 'blue'] as const;

const promise = (i: number): PackPromise => ({
  id: i,
  staffText: `Promise ${i}: we will make sure every young person has a say in decision number ${i}`,
  ownerName: `Owner ${i % 7}`,
  decided: ratings[i % 4]!,
  decidedOn: '2026-06-10',
  suggested: {
    rating: ratings[(i + 1) % 4]!,
    reasons: [
      { rule: 'delivery', rating: 'amber', text: '2 of 5 actions are at risk', about: ['Action A', 'Action B'] },
    ],
  },
  trend: 'same',
  verdicts: { kept: 3, gettingThere: 4, notYet: 2, total: 9, leading: 'getting_there' },
  childrenDisagree: i % 5 === 0,
  youSaid: Array.from({ length: 5 }, (_, j) => ({
    text: `I would like more say in how my plan is written, and to see it before the meeting (${j})`,
    ageBand: 'Age 12 to 15',
    heardOn: '2026-04-01',
  })),
  weWill: Array.from({ length: 4 }, (_, j) => ({
    title: `Action ${j} for promise ${i}`,
    status: statuses[(i + j) % 5]!,
    progress: (j * 25) % 100,
    dueDate: '2026-09-30',
    overdue: j === 0,
    ownerName: `Owner ${j}`,
    note: j % 2 ? 'On plan; the training sessions are booked for September.' : '',
  })),
  howWeWillKnow: Array.from({ length: measuresEach }, (_, j) => ({
    name: `Measure ${j} for promise ${i}`,
    unit: j ? ('percent' as const) : ('count' as const),
    direction: 'higher' as const,
    target: 80,
    values: Array.from({ length: figuresEach }, (_, k) => ({
      period: `202${4 + (k >> 2)} Q${(k % 4) + 1}`,
      value: 40 + k * 5,
      suppressed: false,
    })),
  })),
  weDid: [{ text: 'We changed the review form so you can add your own words', on: '2026-05-01' }],
  loop: { awaitingResponse: 2, awaitingOverTarget: 1, medianDaysToRespond: 12, shareWithinTarget: 0.6 },
});

const snapshot: BoardPackSnapshot = {
  kind: 'board',
  councilName: 'Fictional Borough Council',
  asAt: '2026-06-15',
  periodFrom: '2025-12-10',
  periodTo: '2026-06-15',
  meeting: { id: 1, title: 'June board', meetingDate: '2026-06-10', focusTheme: null },
  quorum: null,
  definitions: {
    red: { label: 'Off track', meaning: 'Not happening' },
    amber: { label: 'At risk', meaning: 'Some problems' },
    green: { label: 'On track', meaning: 'Happening' },
    blue: { label: 'Complete', meaning: 'Done and lasting' },
  },
  answerTargetDays: 20,
  ragCounts: { red: 25, amber: 25, green: 25, blue: 25, notRated: 0 },
  exceptions: [],
  themes: Array.from({ length: 5 }, (_, t) => ({
    name: `Theme ${t}`,
    promises: Array.from({ length: count / 5 }, (_, i) => promise(t * (count / 5) + i)),
  })),
  loopTotals: {
    answered: 40,
    awaitingResponse: 10,
    awaitingOverTarget: 3,
    medianDaysToRespond: 12,
    shareWithinTarget: 0.7,
  },
  mattersArising: [],
  childrenToldUs: [],
};

/** The bench's pack: made through the API from a copy of the council, for its latest meeting. */
async function councilPack(councilDb: string): Promise<PackSnapshot> {
  const { buildApp } = await import('../server/app.js');
  const { openAndMigrate } = await import('../db/client.js');
  const meta = JSON.parse(readFileSync(councilDb.replace(/\.db$/, '.json'), 'utf8')) as {
    admin: { email: string; password: string };
  };
  const dir = mkdtempSync(join(tmpdir(), 'pt-size-pack-'));
  try {
    copyFileSync(councilDb, join(dir, 'council.db'));
    const db = openAndMigrate(join(dir, 'council.db'));
    const app = await buildApp({ db, config: { LOG_LEVEL: 'silent', SEED_DEMO: false } });
    const session = await app.inject({ method: 'POST', url: '/api/v1/session', payload: meta.admin });
    const headers = {
      cookie: session.cookies.map((c) => `${c.name}=${c.value}`).join('; '),
      'x-csrf-token': (session.json() as { csrfToken: string }).csrfToken,
    };
    const meeting = db.$client.prepare('select id from board_meetings order by meeting_date desc limit 1').get() as {
      id: number;
    };
    const made = await app.inject({
      method: 'POST',
      url: `/api/v1/board/meetings/${meeting.id}/packs`,
      headers,
      payload: { kind: 'board' },
    });
    if (made.statusCode !== 201) throw new Error(`making the pack answered ${made.statusCode}: ${made.body}`);
    const row = db.$client.prepare('select snapshot from board_packs where id = ?').get(made.json().id) as {
      snapshot: string;
    };
    await app.close();
    db.$client.close();
    return JSON.parse(row.snapshot) as PackSnapshot;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pack = fromCouncil ? await councilPack(fromCouncil) : snapshot;
const started = Date.now();
const pdf = await packPdf(pack);
if (out) writeFileSync(out, pdf);
if (out && fromCouncil) writeFileSync(out.replace(/(\.pdf)?$/, '.html'), packHtml(pack));
const what = fromCouncil ? 'The bench council’s pack' : `${count} promises`;
console.log(`${what}: ${(pdf.length / 1024 / 1024).toFixed(2)} MB in ${Date.now() - started} ms`);
