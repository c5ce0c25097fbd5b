// One item of the printable "You said, we did" sheet in the sheet's language. On a Welsh sheet
// each piece is the approved Welsh where written and the approved English where not, as the kiosk
// does, and the item says so (welshMissing) so staff see what the translator has still to do. The
// child's own words are printed as they were said, in whatever language they said them. Pure.

export type SheetLanguage = 'en' | 'cy';

export type SheetRow = {
  id: number;
  youSaid: string;
  ageBand: string;
  answer: 'did' | 'doing' | 'cant';
  weDid: string;
  weDidCy: string;
  reason: string;
  reasonCy: string;
  answeredOn: string;
  commitments: readonly { title: string; titleCy: string }[];
};

export type SheetBand = { id: string; childLabel: string; childLabelCy?: string };

const NOBODY_NAMED: Record<SheetLanguage, string> = { en: 'young people', cy: 'pobl ifanc' };

export function sheetItem(row: SheetRow, lang: SheetLanguage, bands: readonly SheetBand[]) {
  let welshMissing = false;
  /** The Welsh where asked for and written; otherwise the English (noting the gap if it has words). */
  const inLang = (english: string, welsh: string | undefined) => {
    if (lang === 'en') return english;
    if (welsh?.trim()) return welsh;
    if (english.trim()) welshMissing = true;
    return english;
  };
  const band = bands.find((b) => b.id === row.ageBand);
  const who = band ? inLang(band.childLabel, band.childLabelCy) : NOBODY_NAMED[lang];
  const cant = row.answer === 'cant';
  const weDid = inLang(row.weDid, row.weDidCy);
  const cantReason = cant ? inLang(row.reason, row.reasonCy) : '';
  const commitments = row.commitments.map((c) => inLang(c.title, c.titleCy));
  return {
    id: row.id,
    youSaid: row.youSaid,
    who,
    response: row.answer,
    weDid,
    cantReason,
    respondedOn: row.answeredOn,
    commitments,
    welshMissing,
  };
}
