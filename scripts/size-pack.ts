// Prints a large council's board pack (100 promises, each with actions, measures and words) to
// PDF and says how big it is, so a change to the pack's layout can be weighed before it ships.
// Usage: npx tsx scripts/size-pack.ts [promises] [out.pdf] [measures per promise] [figures per measure]
import { writeFileSync } from 'node:fs';
import type { BoardPackSnapshot, PackPromise } from '../server/contracts/board-pack.js';
import { packPdf } from '../server/pdf/board-pack-pdf.js';

const count = Number(process.argv[2] ?? 100);
const out = process.argv[3];
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

const started = Date.now();
const pdf = await packPdf(snapshot);
if (out) writeFileSync(out, pdf);
console.log(`${count} promises: ${(pdf.length / 1024 / 1024).toFixed(2)} MB in ${Date.now() - started} ms`);
