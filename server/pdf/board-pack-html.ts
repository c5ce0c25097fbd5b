// A board pack as one self-contained, printable HTML document: the server prints it to PDF with
// headless Chromium. Semantic HTML (headings, lists, tables with captions) so the tagged PDF
// reads in order with a screen reader. RAG is always word + icon + colour, never colour alone.
import type {
  BoardPackSnapshot,
  ChildrenPackSnapshot,
  PackPromise,
  PackSnapshot,
  ProgressReportSnapshot,
} from '../contracts/board-pack.js';
import type { RagRating } from '../contracts/common.js';
import { dateWords } from '../domain/date-words.js';
import { CHILDREN_PACK_WORDS } from '../contracts/children-pack-words.js';
import { loopSentences } from '../domain/loop-words.js';
import { betterWhen } from '../domain/measure-trend.js';

const esc = (s: string | number | null | undefined) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A date or instant in British words ("1 December 2026"), never an ISO string, in any pack. */
const day = (v: string | null | undefined) => esc(v ? dateWords(v) : '');

const ICON: Record<RagRating, string> = { red: '✖', amber: '▲', green: '✔', blue: '★' };

type Definitions = BoardPackSnapshot['definitions'];

function tag(rating: RagRating | null, defs: Definitions, prefix = '') {
  if (!rating) return '<span class="tag tag-none">Not rated yet</span>';
  return `<span class="tag tag-${rating}"><span aria-hidden="true">${ICON[rating]}</span> ${esc(prefix)}${esc(defs[rating].label)} (${rating})</span>`;
}

const TREND: Record<string, string> = {
  better: '↑ better than last time',
  same: '→ same as last time',
  worse: '↓ worse than last time',
  new: 'first rating',
};

const fmt = (v: number | null, unit: string) =>
  v === null ? 'hidden (small number)' : unit === 'percent' ? `${v}%` : String(v);

const UNIT_WORDS: Record<string, string> = { count: 'Number', percent: 'Per cent', score: 'Score' };

/**
 * A small line chart, an SVG image with labelled axes (the unit up the side, the periods along the
 * bottom), and its figures in words in its caption. One line, not a table of a row per
 * period: a table's rows, cells and their tags were two thirds of a large council's pack.
 */
const CHART_CSS =
  'polyline{fill:none;stroke:#1d70b8;stroke-width:2}.mark{fill:#1d70b8}.target{stroke:#505a5f;stroke-dasharray:4 3}' +
  '.axis{fill:none;stroke:#0b0c0c;stroke-width:1}text{font-size:9px;fill:#0b0c0c}.title{font-weight:bold}';

function measureBlock(m: PackPromise['howWeWillKnow'][number]) {
  const known = m.values.filter((v) => v.value !== null) as { period: string; value: number }[];
  const all = [...known.map((v) => v.value), ...(m.target !== null ? [m.target] : [])];
  const max = Math.max(1, ...all);
  const w = 360;
  const h = 130;
  const left = 46;
  const right = 10;
  const top = 8;
  const bottom = 34;
  const x = (i: number) => left + 6 + (i * (w - left - right - 12)) / Math.max(1, m.values.length - 1);
  const y = (v: number) => top + (1 - v / max) * (h - top - bottom);
  const n = (v: number) => v.toFixed(1);
  const points = m.values
    .map((v, i) => (v.value === null ? null : `${n(x(i))},${n(y(v.value))}`))
    .filter(Boolean)
    .join(' ');
  const target =
    m.target !== null
      ? `<line class="target" x1="${left}" x2="${w - right}" y1="${n(y(m.target))}" y2="${n(y(m.target))}"/>`
      : '';
  const latest = known.at(-1);
  const summary = `${m.name}: ${known.length} figures shown${latest ? `, latest ${fmt(latest.value, m.unit)} (${latest.period})` : ''}${m.target !== null ? `, target ${fmt(m.target, m.unit)}` : ''}; ${betterWhen(m.direction)}.`;
  const first = m.values[0]?.period ?? '';
  const last = m.values.length > 1 ? (m.values.at(-1)?.period ?? '') : '';
  const axes = `<path class="axis" d="M${left} ${top}V${h - bottom}H${w - right}"/>
<text x="${left - 4}" y="${top + 4}" text-anchor="end">${esc(fmt(max, m.unit))}</text><text x="${left - 4}" y="${h - bottom}" text-anchor="end">${esc(fmt(0, m.unit))}</text>
<text x="${left + 6}" y="${h - bottom + 12}">${esc(first)}</text>${last ? `<text x="${w - right}" y="${h - bottom + 12}" text-anchor="end">${esc(last)}</text>` : ''}
<text x="${(left + w - right) / 2}" y="${h - 4}" text-anchor="middle" class="title">Period</text><text class="title" transform="translate(10 ${(top + h - bottom) / 2}) rotate(-90)" text-anchor="middle">${esc(UNIT_WORDS[m.unit] ?? m.unit)}</text>`;
  // An image of an SVG, not inline SVG: the tagged PDF then holds the figure and its caption,
  // rather than a tag for every point, line and label.
  // Each figure's point is a small square, all in one path: Chromium draws a circle as sixteen
  // curves of eight-digit numbers, which were a third of a large council's pack.
  const marks = m.values
    .map((v, i) => (v.value === null ? '' : `M${n(x(i) - 2.5)} ${n(y(v.value) - 2.5)}h5v5h-5z`))
    .join('');
  const drawing = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" font-family="Arial, Helvetica, sans-serif"><style>${CHART_CSS}</style>${axes}${target}<polyline points="${points}"/>${marks ? `<path class="mark" d="${marks}"/>` : ''}</svg>`;
  const svg = `<img class="chart" alt="" src="data:image/svg+xml;base64,${Buffer.from(drawing).toString('base64')}">`;
  const figures = m.values.map((v) => `${esc(v.period)}: ${esc(fmt(v.value, m.unit))}`).join('; ');
  // The caption says all the chart shows (its summary and every figure), so the drawing itself is
  // marked as decoration: one tag for the figure, not three.
  const wide = m.councilWide
    ? ` A council-wide figure${m.alsoOn?.length ? `, also linked to ${m.alsoOn.join('; ')}` : ''}.`
    : '';
  return `<figure class="measure">${svg}<figcaption>${esc(summary + wide)} ${figures ? `The figures: ${figures}.` : 'No figures yet.'}</figcaption></figure>`;
}

const STATUS: Record<string, string> = {
  not_started: 'Not started',
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  done: 'Done',
  dropped: 'Dropped',
};

function definitionsBlock(defs: Definitions) {
  return `<section><h2>What the colours mean</h2><dl class="defs">${(['red', 'amber', 'green', 'blue'] as const)
    .map((r) => `<dt>${tag(r, defs)}</dt><dd>${esc(defs[r].meaning)}</dd>`)
    .join('')}</dl></section>`;
}

/** A promise's own loop line: only what waits, as its answered count is not in the pack. */
const promiseLoop = (p: PackPromise, targetDays: number | undefined) =>
  loopSentences({
    answered: null,
    awaitingResponse: p.loop.awaitingResponse,
    awaitingOverTarget: p.loop.awaitingOverTarget,
    medianDaysToRespond: null,
    shareWithinTarget: null,
    targetDays: targetDays ?? null,
  });

function boardBody(s: BoardPackSnapshot) {
  const d = s.definitions;
  const counts = `<table><caption>RAG summary: how many promises the board rated each colour</caption><thead><tr><th scope="col">Rating</th><th scope="col" class="num">Promises</th></tr></thead><tbody>${(
    ['red', 'amber', 'green', 'blue'] as const
  )
    .map((r) => `<tr><th scope="row">${tag(r, d)}</th><td class="num">${s.ragCounts[r]}</td></tr>`)
    .join('')}<tr><th scope="row">Not rated yet</th><td class="num">${s.ragCounts.notRated}</td></tr></tbody></table>`;
  // Each exception's commentary is its actions' latest updates, which its promise's own "We will"
  // table prints in full: said once there, and pointed to here (a large council's exceptions
  // repeated a ninth of the pack's words).
  const themeOf = new Map(s.themes.flatMap((t) => t.promises.map((p) => [p.id, t.name] as const)));
  const exceptions = s.exceptions.length
    ? `<ol>${s.exceptions
        .map((e) => {
          const where = themeOf.has(e.promiseId)
            ? `<a href="#promise-${e.promiseId}">this promise’s “We will” table</a>, in the ${esc(themeOf.get(e.promiseId))} section`
            : 'this promise’s “We will” table';
          const updates = e.commentary.length
            ? `The latest update${e.commentary.length === 1 ? ' on 1 of its actions is' : `s on ${e.commentary.length} of its actions are`} in ${where}.`
            : 'No update on its actions from their owners yet.';
          return `<li><p><strong>${esc(e.staffText)}</strong> ${tag(e.rating, d)} ${esc(e.trend ? TREND[e.trend] : '')}${e.ownerName ? `. Owner: ${esc(e.ownerName)}` : ''}</p><p>${updates}</p></li>`;
        })
        .join('')}</ol>`
    : '<p>No promise is red or worse than last time.</p>';
  const promise = (p: PackPromise) => `<article class="promise" id="promise-${p.id}"><h3>${esc(p.staffText)}</h3>
<p>Board rating: ${tag(p.decided, d)}${p.decidedOn ? ` on ${day(p.decidedOn)}` : ''}. ${esc(p.trend ? TREND[p.trend] : '')}</p>
<p>Suggested from the evidence: ${tag(p.suggested.rating, d)}</p><ul class="reasons">${p.suggested.reasons.map((r) => `<li>${esc(r.text)}</li>`).join('')}</ul>
${p.verdicts ? `<p>Children's verdict: ${p.verdicts.kept} kept, ${p.verdicts.gettingThere} getting there, ${p.verdicts.notYet} not yet.${p.childrenDisagree ? ' <strong>The children see this differently from the board.</strong>' : ''}</p>` : ''}
${p.ownerName ? `<p>Owner: ${esc(p.ownerName)}</p>` : ''}
<h4>You said</h4>${p.youSaid.length ? `<ul>${p.youSaid.map((y) => `<li>“${esc(y.text)}” (${esc(y.ageBand)}, ${day(y.heardOn)})</li>`).join('')}</ul>` : '<p>Nothing recorded yet.</p>'}
<h4>We will</h4>${
    p.weWill.length
      ? `<table><caption>Actions for this promise</caption><thead><tr><th scope="col">Action</th><th scope="col">Status</th><th scope="col">Due</th><th scope="col" class="num">Progress</th></tr></thead><tbody>${p.weWill
          .map(
            (c) =>
              `<tr><td>${esc(c.title)}${c.note ? `<br><span class="note">${esc(c.note)}</span>` : ''}</td><td>${esc(STATUS[c.status])}${c.overdue ? ' (overdue)' : ''}</td><td>${day(c.dueDate)}</td><td class="num">${c.progress}%</td></tr>`,
          )
          .join('')}</tbody></table>`
      : '<p>No actions yet.</p>'
  }
<h4>How we'll know</h4>${p.howWeWillKnow.length ? `<div class="measures">${p.howWeWillKnow.map(measureBlock).join('')}</div>` : '<p>No measures yet.</p>'}
<h4>We did</h4>${p.weDid.length ? `<ul>${p.weDid.map((w) => `<li>${esc(w.text)}${w.on ? ` (${day(w.on)})` : ''}</li>`).join('')}</ul>` : '<p>No answers recorded yet.</p>'}
<p class="loop">Closing the loop: ${esc(promiseLoop(p, s.answerTargetDays))}</p>
</article>`;
  const matters = s.mattersArising.length
    ? `<table><caption>Open challenges from earlier meetings</caption><thead><tr><th scope="col">Challenge</th><th scope="col">Promise</th><th scope="col">For</th><th scope="col">Due</th><th scope="col">Set at</th></tr></thead><tbody>${s.mattersArising
        .map(
          (m) =>
            `<tr><td>${esc(m.text)}</td><td>${esc(m.promise ?? '')}</td><td>${esc(m.ownerName ?? '')}</td><td>${day(m.dueDate)}${m.overdue ? ' (overdue)' : ''}</td><td>${day(m.setAt)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p>No open challenges.</p>';
  const decisions = s.decisions?.length
    ? `<table><caption>RAG ratings the board decided at this meeting</caption><thead><tr><th scope="col">Promise</th><th scope="col">Rating</th><th scope="col">Why</th></tr></thead><tbody>${s.decisions
        .map((r) => `<tr><td>${esc(r.promise)}</td><td>${tag(r.rating, d)}</td><td>${esc(r.rationale)}</td></tr>`)
        .join('')}</tbody></table>`
    : '';
  const challengesSet = s.challengesSet?.length
    ? `<table><caption>Challenges the board set at this meeting</caption><thead><tr><th scope="col">Challenge</th><th scope="col">Promise</th><th scope="col">For</th><th scope="col">Due</th></tr></thead><tbody>${s.challengesSet
        .map(
          (c) =>
            `<tr><td>${esc(c.text)}${c.answer ? `<br><span class="note">Answer: ${esc(c.answer)}${c.closed ? ' (closed)' : ''}</span>` : ''}</td><td>${esc(c.promise ?? '')}</td><td>${esc(c.ownerName ?? '')}</td><td>${esc(c.dueWords)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '';
  const atThisMeeting =
    decisions || challengesSet ? `<section><h2>At this meeting</h2>${decisions}${challengesSet}</section>` : '';
  const lt = s.loopTotals;
  return `<h1>${esc(s.meeting?.title ?? 'Corporate Parenting Board')}: board pack</h1>
<p class="lede">${esc(s.councilName)}. As at ${day(s.asAt)}${s.meeting ? `, for the meeting on ${day(s.meeting.meetingDate)}` : ''}${s.meeting?.focusTheme ? `, focusing on ${esc(s.meeting.focusTheme)}` : ''}. This period: ${day(s.periodFrom)} to ${day(s.periodTo)}.</p>
${s.quorum ? `<p>Quorum: ${s.quorum.quorate ? 'the meeting is quorate' : `not quorate: ${esc(s.quorum.shortfalls.join('; '))}`}.</p>` : ''}
<section><h2>RAG summary</h2>${counts}</section>
${definitionsBlock(d)}
<section><h2>Exceptions: red or worse than last time</h2>${exceptions}</section>
<section><h2>Matters arising</h2>${matters}</section>
${atThisMeeting}
<section><h2>Closing the loop</h2><p>${esc(s.loopWords ?? loopSentences({ ...lt, answered: lt.answered ?? null, targetDays: s.answerTargetDays ?? null }))}</p></section>
<section><h2>What children told us this period</h2>${s.childrenToldUs.length ? `<ul>${s.childrenToldUs.map((c) => `<li>“${esc(c.text)}” (${esc(c.ageBand)}, ${day(c.heardOn)})</li>`).join('')}</ul>` : '<p>Nothing approved to share from this period.</p>'}</section>
${s.themes.map((t) => `<section class="theme"><h2>${esc(t.name)}</h2>${t.promises.map(promise).join('')}</section>`).join('')}`;
}

/** The day a children's pack was as at, in its language (Welsh from the product's own catalogue). */
function childrenAsAt(s: ChildrenPackSnapshot): string {
  return s.lang === 'cy' ? dateWords(s.asAt, 'cy') : (s.asAtWords ?? dateWords(s.asAt));
}

function childrenBody(s: ChildrenPackSnapshot) {
  const w = CHILDREN_PACK_WORDS[s.lang ?? 'en'];
  return `<h1>${esc(w.title)}</h1>
<p class="lede">${esc(w.from(s.councilName, childrenAsAt(s)))}</p>
<section><h2>${esc(w.toldUs)}</h2>${s.childrenToldUs.length ? `<ul>${s.childrenToldUs.map((c) => `<li>“${esc(c.text)}” (${esc(c.ageBand)})</li>`).join('')}</ul>` : `<p>${esc(w.nothingNew)}</p>`}</section>
${s.themes
  .map(
    (t) =>
      `<section class="theme"><h2>${esc(t.name)}</h2>${t.promises
        .map(
          (p) => `<article class="promise"><h3>${esc(p.text)}</h3>
${p.youSaid.length ? `<h4>${esc(w.youSaid)}</h4><ul>${p.youSaid.map((y) => `<li>“${esc(y)}”</li>`).join('')}</ul>` : ''}
<h4>${esc(w.weWill)}</h4>${p.weWill.length ? `<ul>${p.weWill.map((c) => `<li><strong>${esc(w.status[c.status] ?? c.status)}:</strong> ${esc(c.text)}${c.update ? `. ${esc(c.update)}` : ''}</li>`).join('')}</ul>` : `<p>${esc(w.stillWorking)}</p>`}
${p.weDid.length ? `<h4>${esc(w.weDid)}</h4><ul>${p.weDid.map((d) => `<li>${esc(d)}</li>`).join('')}</ul>` : ''}
</article>`,
        )
        .join('')}</section>`,
  )
  .join('')}`;
}

function progressBody(s: ProgressReportSnapshot) {
  const d = s.definitions;
  return `<h1>Progress report: ${day(s.periodFrom)} to ${day(s.periodTo)}</h1>
<p class="lede">${esc(s.councilName)}, for the scrutiny committee and full council. As at ${day(s.asAt)}.</p>
${definitionsBlock(d)}
${s.themes
  .map(
    (t) =>
      `<section class="theme"><h2>${esc(t.name)}</h2>${t.promises
        .map(
          (p) => `<article class="promise"><h3>${esc(p.staffText)}</h3>
<p>Board ratings in the period: ${p.ratings.length ? p.ratings.map((r) => `${tag(r.rating, d)} ${day(r.decidedOn)}`).join(', ') : 'none'}. Suggested now: ${tag(p.suggested, d)}</p>
<p>Actions: ${p.actionsDone} done, ${p.actionsOpen} open, ${p.actionsOverdue} overdue. Children's views heard in the period: ${p.heard}, of which ${p.answered} answered.</p>
${p.measures.length ? `<div class="measures">${p.measures.map(measureBlock).join('')}</div>` : ''}</article>`,
        )
        .join('')}</section>`,
  )
  .join('')}`;
}

export const PACK_CSS = `
@page { size: A4; margin: 18mm 15mm 20mm; }
body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; color: #0b0c0c; line-height: 1.4; }
h1 { font-size: 20pt; } h2 { font-size: 15pt; border-bottom: 2px solid #0b0c0c; } h3 { font-size: 13pt; margin: 14pt 0 4pt; } h4 { font-size: 11pt; margin: 8pt 0 2pt; }
p, ul, ol { margin: 3pt 0; } ul, ol { padding-left: 16pt; } .promise + .promise { border-top: 1px solid #b1b4b6; margin-top: 10pt; }
/* A promise may run over a page; a heading never ends one (keep-with-next), and a chart, table
   row or list item is never cut in two. */
.theme { break-before: page; } figure, tr, li, .promise > p { break-inside: avoid; }
h1, h2, h3, h4, caption, figcaption { break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; } caption { text-align: left; font-weight: bold; }
th, td { border-bottom: 1px solid #b1b4b6; padding: 3pt 4pt; text-align: left; vertical-align: top; } .num { text-align: right; }
.tag { display: inline-block; padding: 0 4pt; font-weight: bold; border: 1px solid currentColor; }
.tag-red { color: #942514; background: #f6d7d2; } .tag-amber { color: #6e3619; background: #fcd6c3; }
.tag-green { color: #005a30; background: #cce2d8; } .tag-blue { color: #0c2d4a; background: #bbd4ea; } .tag-none { color: #383f43; background: #e5e6e7; }
.chart { width: 84mm; height: 30.3mm; display: block; }
.measures { display: flex; flex-wrap: wrap; gap: 0 8mm; } .measures figure { width: 84mm; margin: 4pt 0 8pt; }
figcaption { font-size: 10pt; margin-top: 2pt; } .note { color: #505a5f; font-size: 10pt; } .lede { font-size: 12pt; }
dl.defs dt { margin-top: 4pt; } dl.defs dd { margin-left: 0; }
`;

export function packTitle(s: PackSnapshot): string {
  const on = (v: string) => dateWords(v);
  if (s.kind === 'board') return `${s.meeting?.title ?? 'Corporate Parenting Board'}: board pack, as at ${on(s.asAt)}`;
  if (s.kind === 'children') return CHILDREN_PACK_WORDS[s.lang ?? 'en'].titleAsAt(childrenAsAt(s));
  return `Progress report ${on(s.periodFrom)} to ${on(s.periodTo)}`;
}

export function packHtml(s: PackSnapshot): string {
  const welsh = s.kind === 'children' && s.lang === 'cy';
  const body = s.kind === 'board' ? boardBody(s) : s.kind === 'children' ? childrenBody(s) : progressBody(s);
  return `<!doctype html><html lang="${welsh ? 'cy' : 'en'}"><head><meta charset="utf-8"><title>${esc(packTitle(s))}</title><style>${PACK_CSS}</style></head><body><main>${body}</main></body></html>`;
}
