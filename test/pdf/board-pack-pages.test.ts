// How a long pack falls onto pages: no page ends with a heading whose content is on the next
// (keep-with-next), the charts say what their axes are, and the file stays a reasonable size.
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { BoardPackSnapshot, PackPromise } from '../../server/contracts/board-pack.js';
import { packHtml } from '../../server/pdf/board-pack-html.js';
import { packPdf } from '../../server/pdf/board-pack-pdf.js';
import { scaled } from '../helpers/slowness.js';

const promise = (i: number): PackPromise => ({
  id: i,
  staffText: `Promise ${i}: every young person has a say in the plans made about them`,
  ownerName: 'Fictional Owner',
  decided: 'amber',
  decidedOn: '2026-06-10',
  suggested: {
    rating: 'amber',
    reasons: [{ rule: 'delivery', rating: 'amber', text: '1 of 4 actions is at risk', about: [] }],
  },
  trend: 'same',
  verdicts: null,
  childrenDisagree: false,
  youSaid: Array.from({ length: 5 }, (_, j) => ({
    text: `I want to read my plan before the review meeting, not on the day, and say what is wrong (${i}.${j})`,
    ageBand: 'Age 12 to 15',
    heardOn: '2026-04-01',
  })),
  weWill: Array.from({ length: 4 }, (_, j) => ({
    title: `Send plans a week ahead (${j})`,
    status: 'on_track',
    progress: 50,
    dueDate: '2026-09-30',
    overdue: false,
    ownerName: 'Fictional Owner',
    note: 'The template is agreed; the first plans go out in July.',
  })),
  howWeWillKnow: Array.from({ length: 3 }, (_, j) => ({
    name: `Plans shared a week ahead (${j})`,
    unit: 'percent' as const,
    direction: 'higher' as const,
    target: 90,
    values: Array.from({ length: 6 }, (_, k) => ({
      period: `Q${(k % 4) + 1} ${2025 + (k >> 2)}`,
      value: 50 + k * 6,
      suppressed: false,
    })),
  })),
  weDid: [{ text: 'We changed the form so you can add your own words', on: '2026-05-01' }],
  loop: { awaitingResponse: 1, awaitingOverTarget: 0, medianDaysToRespond: 12, shareWithinTarget: null },
});

const snapshot = (promises: number): BoardPackSnapshot => ({
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
  ragCounts: { red: 0, amber: promises, green: 0, blue: 0, notRated: 0 },
  exceptions: [],
  themes: [
    { name: 'Having a say', promises: Array.from({ length: promises }, (_, i) => promise(i)) },
    { name: 'Homes', promises: [promise(promises)] },
  ],
  loopTotals: {
    answered: 3,
    awaitingResponse: 1,
    awaitingOverTarget: 0,
    medianDaysToRespond: 12,
    shareWithinTarget: 1,
  },
  mattersArising: [],
  childrenToldUs: [],
});

type Node = { role?: string; children?: Node[]; type?: string };

/** The roles of a page's tagged content, in reading order, as leaves' nearest named element. */
function rolesInOrder(node: Node | null, into: string[] = [], parent = ''): string[] {
  if (!node) return into;
  if (node.type === 'content') into.push(parent);
  for (const child of node.children ?? [])
    rolesInOrder(child, into, node.role && node.role !== 'NonStruct' ? node.role : parent);
  return into;
}

describe('a long board pack on paper', () => {
  it('labels both axes of every chart', () => {
    const html = packHtml(snapshot(1));
    const charts = [...html.matchAll(/src="data:image\/svg\+xml;base64,([^"]+)"/g)].map((m) =>
      Buffer.from(m[1]!, 'base64').toString(),
    );
    expect(charts.length).toBe(6);
    for (const svg of charts) {
      expect(svg).toContain('>Period</text>');
      expect(svg).toContain('>Per cent</text>');
      expect(svg).toContain('>0%</text>');
    }
  });

  it('draws each figure as one square in one path, not a circle of sixteen curves', () => {
    const svg = Buffer.from(
      /src="data:image\/svg\+xml;base64,([^"]+)"/.exec(packHtml(snapshot(1)))![1]!,
      'base64',
    ).toString();
    expect(svg).not.toContain('<circle');
    expect(svg.match(/<path class="mark" d="[^"]*"/g)).toHaveLength(1);
    expect(svg.match(/h5v5h-5z/g)).toHaveLength(6);
  });

  it('says each exception’s action updates once, under its promise, and points there from the exception', () => {
    const s = snapshot(2);
    const updates = s.themes[0]!.promises[1]!.weWill.map((c) => `${c.title}: ${c.note}`);
    const html = packHtml({
      ...s,
      exceptions: [
        {
          promiseId: 1,
          staffText: s.themes[0]!.promises[1]!.staffText,
          rating: 'red',
          trend: 'worse',
          ownerName: 'Fictional Owner',
          commentary: updates,
        },
        {
          promiseId: 0,
          staffText: s.themes[0]!.promises[0]!.staffText,
          rating: 'red',
          trend: null,
          ownerName: null,
          commentary: [],
        },
      ],
    });
    const exceptions = /<h2>Exceptions[^<]*<\/h2>(.*?)<\/section>/s.exec(html)![1]!;
    expect(exceptions).not.toContain('The template is agreed');
    expect(exceptions).toContain(
      'The latest updates on 4 of its actions are in <a href="#promise-1">this promise’s “We will” table</a>, in the Having a say section.',
    );
    expect(exceptions).toContain('No update on its actions from their owners yet.');
    expect(html).toContain('<article class="promise" id="promise-1">');
    // The notes themselves: once per action, in the promise's own table.
    expect(html.split('The template is agreed').length - 1).toBe(s.themes.flatMap((t) => t.promises).length * 4);
  });

  it(
    'never ends a page with a heading, and stays small',
    async () => {
      const pdf = await packPdf(snapshot(8));
      // Eight long promises: about 100 KB a page would mean tables or images came back.
      const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: true }).promise;
      expect(doc.numPages).toBeGreaterThanOrEqual(6);
      expect(pdf.length / doc.numPages).toBeLessThan(40_000);
      const stranded: number[] = [];
      for (let i = 1; i <= doc.numPages; i++) {
        const roles = rolesInOrder((await (await doc.getPage(i)).getStructTree()) as Node | null).filter(Boolean);
        expect(roles.length, `page ${i} has tagged content`).toBeGreaterThan(0);
        if (/^H\d$/.test(roles.at(-1)!)) stranded.push(i);
        if (roles.every((r) => /^H\d$/.test(r))) stranded.push(i);
      }
      expect(stranded, 'pages ending with (or holding only) a heading').toEqual([]);
      await doc.destroy();
    },
    scaled(60_000),
  );
});
