// Prints a board pack to a tagged A4 PDF with headless Chromium, page numbers and the "as at"
// date in every footer. Runs in the worker thread (server/workers/jobs.ts); board-pack-pdf.ts
// queues and caches.
import type { PackSnapshot } from '../contracts/board-pack.js';
import { packHtml, packTitle } from './board-pack-html.js';
import { compactPdf } from './compact-pdf.js';
import { CHILDREN_PACK_WORDS } from '../contracts/children-pack-words.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function printPack(snapshot: PackSnapshot): Promise<Uint8Array> {
  // Loaded on first use: playwright-core's code is ~28 MB of heap (~80 MB of RSS) that a server
  // which prints a pack a few times a month should not carry from start-up.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    // Nothing in the pack is fetched: it is one self-contained document.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(packHtml(snapshot), { waitUntil: 'load' });
    // The footer is in the pack's own language: a Welsh pack said "Page 1 of 4".
    const [pageWord, ofWord] =
      CHILDREN_PACK_WORDS[snapshot.kind === 'children' ? (snapshot.lang ?? 'en') : 'en'].pageOf;
    const footer = `<div style="font-size:8pt;width:100%;padding:0 15mm;display:flex;justify-content:space-between;font-family:Arial,sans-serif">
<span>${escapeHtml(packTitle(snapshot))}</span><span>${pageWord} <span class="pageNumber"></span> ${ofWord} <span class="totalPages"></span></span></div>`;
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      tagged: true,
      outline: true,
      displayHeaderFooter: true,
      headerTemplate: '<div></div>',
      footerTemplate: footer,
      margin: { top: '18mm', bottom: '20mm', left: '15mm', right: '15mm' },
    });
    // Chromium's tagged PDF is mostly uncompressed tag objects: packed, it is under half the size.
    const compact = compactPdf(pdf);
    return new Uint8Array(compact.buffer, compact.byteOffset, compact.byteLength);
  } finally {
    await browser.close();
  }
}

function escapeHtml(s: string) {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
