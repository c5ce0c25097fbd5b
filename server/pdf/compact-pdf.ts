// Packs a PDF's small objects into compressed object streams, with a compressed cross-reference
// stream (PDF 1.5), changing no object. Chromium writes a tagged PDF as one uncompressed object
// per tag (a large council's pack has ~10,000: each paragraph, cell and run of text) and a
// 20-byte cross-reference line for each; they were over half its bytes. Streams (page contents,
// fonts) are copied as they are. A file this does not recognise (incremental updates,
// encryption, non-zero generations, already compressed) is returned unchanged.
import { deflateSync, inflateSync } from 'node:zlib';
import { cidWidths, joinGlyphRuns, type Widths } from './glyph-runs.js';

/** Objects per object stream: large enough to compress well, small enough to read one quickly. */
const PER_STREAM = 200;

type Obj = { num: number; body: string };

export function compactPdf(pdf: Uint8Array): Buffer {
  const original = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const parsed = parse(original.toString('latin1'));
  if (!parsed) return original;
  const { objects, trailer, size } = parsed;
  joinPageText(objects);

  const chunks: Buffer[] = [];
  let at = 0;
  const put = (s: string | Buffer) => {
    const b = typeof s === 'string' ? Buffer.from(s, 'latin1') : s;
    chunks.push(b);
    at += b.length;
  };
  // 1 = at an offset, 2 = inside an object stream; missing numbers are free (0).
  const where = new Map<number, [1 | 2, number, number]>();

  put('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n');
  const small: Obj[] = [];
  for (const o of objects) {
    if (!o.body.endsWith('endstream')) {
      small.push(o);
      continue;
    }
    where.set(o.num, [1, at, 0]);
    put(`${o.num} 0 obj\n${o.body}\nendobj\n`);
  }
  let next = size;
  for (let i = 0; i < small.length; i += PER_STREAM) {
    const batch = small.slice(i, i + PER_STREAM);
    const num = next++;
    let offsets = '';
    let data = '';
    batch.forEach((o, index) => {
      offsets += `${o.num} ${data.length} `;
      data += o.body + '\n';
      where.set(o.num, [2, num, index]);
    });
    const packed = deflateSync(Buffer.from(offsets + data, 'latin1'), { level: 6 });
    where.set(num, [1, at, 0]);
    put(
      `${num} 0 obj\n<</Type /ObjStm /N ${batch.length} /First ${offsets.length} /Filter /FlateDecode /Length ${packed.length}>>\nstream\n`,
    );
    put(packed);
    put('\nendstream\nendobj\n');
  }

  const xrefNum = next++;
  where.set(xrefNum, [1, at, 0]);
  const rows = Buffer.alloc(next * 7);
  for (let n = 0; n < next; n++) {
    const [type, a, b] = where.get(n) ?? [0, 0, n === 0 ? 0xffff : 0];
    rows.writeUInt8(type, n * 7);
    rows.writeUInt32BE(a, n * 7 + 1);
    rows.writeUInt16BE(b, n * 7 + 5);
  }
  const xref = deflateSync(rows, { level: 6 });
  const keep = ['Root', 'Info', 'ID']
    .map((key) => new RegExp(`/${key}\\s*(\\d+ \\d+ R|\\[[^\\]]*\\])`).exec(trailer))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => m[0])
    .join(' ');
  const xrefAt = at;
  put(
    `${xrefNum} 0 obj\n<</Type /XRef /Size ${next} /W [1 4 2] ${keep} /Filter /FlateDecode /Length ${xref.length}>>\nstream\n`,
  );
  put(xref);
  put(`\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`);
  return Buffer.concat(chunks);
}

const ref = (body: string, key: string) => Number(new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(body)?.[1] ?? NaN);

/** Rewrites each page's content stream with its glyph runs joined (glyph-runs.ts). */
function joinPageText(objects: Obj[]) {
  const byNum = new Map(objects.map((o) => [o.num, o]));
  const widths = new Map<number, Widths | null>();
  const fontWidths = (num: number) => {
    if (!widths.has(num)) {
      const font = byNum.get(num)?.body ?? '';
      const cid =
        /\/Subtype\s*\/Type0/.test(font) && /\/Identity-H/.test(font)
          ? /\/DescendantFonts\s*\[\s*(\d+) 0 R/.exec(font)
          : null;
      widths.set(num, cid ? cidWidths(byNum.get(Number(cid[1]))?.body ?? '') : null);
    }
    return widths.get(num) ?? null;
  };
  for (const page of objects) {
    if (!/\/Type\s*\/Page\b(?!s)/.test(page.body)) continue;
    const resourcesRef = ref(page.body, 'Resources');
    const resources = Number.isNaN(resourcesRef) ? page.body : (byNum.get(resourcesRef)?.body ?? '');
    const fontRef = ref(resources, 'Font');
    const fontDict = Number.isNaN(fontRef) ? /\/Font\s*<<([^>]*)>>/.exec(resources)?.[1] : byNum.get(fontRef)?.body;
    const fonts = new Map<string, Widths>();
    for (const [, name, num] of (fontDict ?? '').matchAll(/\/(\S+?)\s+(\d+) 0 R/g)) {
      const w = fontWidths(Number(num));
      if (w) fonts.set(name!, w);
    }
    const content = byNum.get(ref(page.body, 'Contents'));
    if (fonts.size === 0 || !content) continue;
    const m = /^<<\s*\/Filter \/FlateDecode\s*\/Length (\d+)\s*>>\s*stream\r?\n/.exec(content.body);
    if (!m) continue;
    const data = Buffer.from(content.body.slice(m[0].length, m[0].length + Number(m[1])), 'latin1');
    const joined = deflateSync(Buffer.from(joinGlyphRuns(inflateSync(data).toString('latin1'), fonts), 'latin1'), {
      level: 6,
    });
    content.body = `<</Filter /FlateDecode /Length ${joined.length}>> stream\n${joined.toString('latin1')}\nendstream`;
  }
}

/** A classic single-section PDF's objects (bodies without `N 0 obj` / `endobj`) and trailer. */
function parse(s: string): { objects: Obj[]; trailer: string; size: number } | null {
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(s);
  if (!start) return null;
  const xrefAt = Number(start[1]);
  if (s.slice(xrefAt, xrefAt + 4) !== 'xref') return null;
  const trailerAt = s.indexOf('trailer', xrefAt);
  if (trailerAt < 0) return null;
  const trailer = s.slice(trailerAt, start.index);
  if (/\/(Prev|Encrypt|XRefStm)\b/.test(trailer)) return null;
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1]);
  if (!Number.isInteger(size)) return null;

  const offsets: { num: number; offset: number }[] = [];
  const lines = s
    .slice(xrefAt + 4, trailerAt)
    .trim()
    .split(/\r?\n|\r/);
  for (let i = 0; i < lines.length;) {
    const [first, count] = lines[i++]!.trim().split(/\s+/).map(Number);
    if (!Number.isInteger(first) || !Number.isInteger(count)) return null;
    for (let k = 0; k < count!; k++) {
      const m = /^(\d{10}) (\d{5}) ([nf])/.exec(lines[i++]?.trim() ?? '');
      if (!m) return null;
      if (m[3] === 'f') continue;
      if (m[2] !== '00000') return null;
      offsets.push({ num: first! + k, offset: Number(m[1]) });
    }
  }
  offsets.sort((a, b) => a.offset - b.offset);
  const objects: Obj[] = [];
  for (let i = 0; i < offsets.length; i++) {
    const { num, offset } = offsets[i]!;
    const end = offsets[i + 1]?.offset ?? xrefAt;
    const text = s.slice(offset, end);
    const head = `${num} 0 obj`;
    const close = text.lastIndexOf('endobj');
    if (!text.startsWith(head) || close < 0) return null;
    objects.push({ num, body: text.slice(head.length, close).trim() });
  }
  return { objects, trailer, size };
}
