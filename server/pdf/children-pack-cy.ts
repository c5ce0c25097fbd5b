// The children's pack in Welsh: the same shape as the English one in board-pack-html.ts, with
// the product's own Welsh words. Every piece of children's text in it is already the approved
// Welsh, or says the Welsh is not approved yet (db/repositories/public.ts); dates are Welsh from
// date-words.
import type { ChildrenPackSnapshot } from '../contracts/index.js';
import { dateWords } from '../domain/date-words.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STATUS_CY: Record<string, string> = {
  done: 'Wedi’i wneud',
  doing: 'Wrthi’n ei wneud',
  not_started: 'Heb ddechrau eto',
  stuck: 'Yn sownd',
  cant: 'Allwn ni ddim gwneud hyn, a dyma pam',
};

/** The footer's "Page 3 of 7" in Welsh: the words before the page number and before the total. */
export const PAGE_OF_CY = ['Tudalen', 'o'] as const;

export function childrenPackTitleCy(s: ChildrenPackSnapshot): string {
  return `Beth wnaethon ni ei addo i chi: fel yr oedd ar ${dateWords(s.asAt, 'cy')}`;
}

export function childrenBodyCy(s: ChildrenPackSnapshot): string {
  return `<h1>Beth wnaethon ni ei addo i chi, a sut mae’n mynd</h1>
<p class="lede">Gan ${esc(s.councilName)}. Dyma sut oedd pethau ar ${esc(dateWords(s.asAt, 'cy'))}.</p>
<section><h2>Beth ddwedoch chi wrthon ni</h2>${s.childrenToldUs.length ? `<ul>${s.childrenToldUs.map((c) => `<li>“${esc(c.text)}” (${esc(c.ageBand)})</li>`).join('')}</ul>` : '<p>Dim byd newydd i’w rannu eto.</p>'}</section>
${s.themes
  .map(
    (t) =>
      `<section class="theme"><h2>${esc(t.name)}</h2>${t.promises
        .map(
          (p) => `<article class="promise"><h3>${esc(p.text)}</h3>
${p.youSaid.length ? `<h4>Dwedoch chi</h4><ul>${p.youSaid.map((y) => `<li>“${esc(y)}”</li>`).join('')}</ul>` : ''}
<h4>Byddwn ni’n</h4>${p.weWill.length ? `<ul>${p.weWill.map((w) => `<li><strong>${esc(STATUS_CY[w.status] ?? w.status)}:</strong> ${esc(w.text)}${w.update ? `. ${esc(w.update)}` : ''}</li>`).join('')}</ul>` : '<p>Rydyn ni’n dal i benderfynu beth i’w wneud.</p>'}
${p.weDid.length ? `<h4>Gwnaethon ni</h4><ul>${p.weDid.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>` : ''}
</article>`,
        )
        .join('')}</section>`,
  )
  .join('')}`;
}
