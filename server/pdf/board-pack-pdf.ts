// Prints a board pack to a tagged A4 PDF with headless Chromium, page numbers and the "as at"
// date in every footer. One browser per call: packs are made a few times a month, so a warm
// browser is not worth the memory it would hold the rest of the time.
import { createHash } from 'node:crypto';
import type { PackSnapshot } from '../contracts/board-pack.js';
import { packHtml, packTitle } from './board-pack-html.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// A pack never changes, so its PDF never does: keep the last few, keyed by the snapshot itself.
// Bounded in bytes as well as in number: a large council's pack is ~8 MB, so twenty would hold
// ~160 MB for the life of the process. The newest is always kept, however large.
const CACHE_SIZE = 20;
const CACHE_BYTES = 32 * 1024 * 1024;
const cache = new Map<string, Buffer>();
let cachedBytes = 0;
// One Chromium at a time: a burst of requests queues rather than starting a browser each.
let queue: Promise<unknown> = Promise.resolve();

export function packPdf(snapshot: PackSnapshot): Promise<Buffer> {
  const key = createHash('sha256').update(JSON.stringify(snapshot)).digest('hex');
  const hit = cache.get(key);
  if (hit) return Promise.resolve(hit);
  const job = queue.then(async () => {
    const again = cache.get(key);
    if (again) return again;
    const pdf = await print(snapshot);
    cache.set(key, pdf);
    cachedBytes += pdf.length;
    while (cache.size > 1 && (cache.size > CACHE_SIZE || cachedBytes > CACHE_BYTES)) {
      const [oldest, old] = cache.entries().next().value!;
      cache.delete(oldest);
      cachedBytes -= old.length;
    }
    return pdf;
  });
  queue = job.catch(() => undefined);
  return job;
}

async function print(snapshot: PackSnapshot): Promise<Buffer> {
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
    const footer = `<div style="font-size:8pt;width:100%;padding:0 15mm;display:flex;justify-content:space-between;font-family:Arial,sans-serif">
<span>${escapeHtml(packTitle(snapshot))}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      tagged: true,
      outline: true,
      displayHeaderFooter: true,
      headerTemplate: '<div></div>',
      footerTemplate: footer,
      margin: { top: '18mm', bottom: '20mm', left: '15mm', right: '15mm' },
    });
  } finally {
    await browser.close();
  }
}

function escapeHtml(s: string) {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
