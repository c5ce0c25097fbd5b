// Packing a PDF's small objects into object streams keeps every object: the same pages, text,
// tags and metadata, read back by pdf.js; a file it does not recognise comes back unchanged.
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { compactPdf } from '../../server/pdf/compact-pdf.js';

/** A classic tagged PDF of `pages` pages, each a heading in its own marked content. */
function classicPdf(pages: number): Buffer {
  const objects: string[] = [];
  // Objects are numbered from 1, so the new length is the object number.
  const add = (body: string) => objects.push(body);
  add('<</Title (Test pack) /Producer (hand)>>'); // 1: Info
  add('<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>'); // 2
  const kids: number[] = [];
  const elems: number[] = [];
  const pagesNum = 3 + pages * 3;
  const treeNum = pagesNum + 1;
  for (let i = 0; i < pages; i++) {
    // The content holds the word "endobj" in its text, as a page may.
    const content = `/H1 <</MCID 0>> BDC BT /F1 24 Tf 72 720 Td (Page ${i + 1} endobj) Tj ET EMC`;
    const contentNum = add(`<</Length ${content.length}>>\nstream\n${content}\nendstream`);
    const pageNum = add(
      `<</Type /Page /Parent ${pagesNum} 0 R /MediaBox [0 0 612 792] /Resources <</Font <</F1 2 0 R>>>> /Contents ${contentNum} 0 R /StructParents ${i}>>`,
    );
    kids.push(pageNum);
    elems.push(add(`<</Type /StructElem /S /H1 /P ${treeNum} 0 R /Pg ${pageNum} 0 R /K 0>>`));
  }
  add(`<</Type /Pages /Count ${pages} /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}]>>`);
  add(`<</Type /StructTreeRoot /K [${elems.map((e) => `${e} 0 R`).join(' ')}] /ParentTree ${treeNum + 1} 0 R>>`);
  add(`<</Nums [${elems.map((e, i) => `${i} [${e} 0 R]`).join(' ')}]>>`);
  const root = add(
    `<</Type /Catalog /Pages ${pagesNum} 0 R /StructTreeRoot ${treeNum} 0 R /MarkInfo <</Marked true>> /Lang (en)>>`,
  );
  let out = '%PDF-1.4\n%\xd3\xeb\xe9\xe1\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<</Size ${objects.length + 1}\n/Root ${root} 0 R\n/Info 1 0 R>>\nstartxref\n${xref}\n%%EOF`;
  return Buffer.from(out, 'latin1');
}

type Node = { role?: string; children?: Node[] };
const roles = (n: Node | null): string[] =>
  n ? [n.role ?? '', ...(n.children ?? []).flatMap((c) => roles(c))].filter(Boolean) : [];

async function read(pdf: Buffer) {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: true }).promise;
  const pages: { text: string; roles: string[] }[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const text = (await page.getTextContent()).items.map((t) => ('str' in t ? t.str : '')).join('');
    pages.push({ text, roles: roles((await page.getStructTree()) as Node | null) });
  }
  const { info } = (await doc.getMetadata()) as unknown as { info: Record<string, unknown> };
  await doc.destroy();
  return { pages, title: info.Title, language: info.Language };
}

describe('compactPdf', () => {
  it('keeps every page, text, tag and the metadata, in fewer bytes', async () => {
    const classic = classicPdf(40);
    const compact = compactPdf(classic);
    expect(compact.subarray(0, 8).toString()).toBe('%PDF-1.5');
    expect(compact.length).toBeLessThan(classic.length * 0.6);
    const before = await read(classic);
    expect(before.pages).toHaveLength(40);
    expect(before.pages[39]).toEqual({ text: 'Page 40 endobj', roles: ['Root', 'H1'] });
    expect(await read(compact)).toEqual(before);
  });

  it('returns a file it does not recognise unchanged, its own output included', () => {
    const compact = compactPdf(classicPdf(2));
    expect(compactPdf(compact).equals(compact)).toBe(true);
    const notPdf = Buffer.from('not a PDF at all');
    expect(compactPdf(notPdf).equals(notPdf)).toBe(true);
    const updated = Buffer.from(
      classicPdf(1).toString('latin1').replace('/Info 1 0 R>>', '/Info 1 0 R /Prev 9>>'),
      'latin1',
    );
    expect(compactPdf(updated).equals(updated)).toBe(true);
  });
});
