// The words people read for the codes the product stores: "Off track", not "off_track". One place,
// so an export, the audit trail and a pack say the same thing. Pure.

export const COMMITMENT_STATUS_WORDS: Record<string, string> = {
  not_started: 'Not started',
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  done: 'Done',
  dropped: 'Dropped',
};

export const RESPONSE_WORDS: Record<string, string> = {
  did: 'We did',
  doing: 'We are doing it',
  cant: 'We can’t',
};

export const TREND_WORDS: Record<string, string> = {
  better: 'Better than last time',
  same: 'Same as last time',
  worse: 'Worse than last time',
  new: 'First rating',
};

export const UNIT_WORDS: Record<string, string> = { count: 'Number', percent: 'Per cent', score: 'Score' };

export const DIRECTION_WORDS: Record<string, string> = {
  higher: 'Higher is better',
  lower: 'Lower is better',
  context: 'Neither: shown for context',
};

export const PUBLISH_STATE_WORDS: Record<string, string> = {
  draft: 'Draft',
  approved: 'Approved',
  withheld: 'Withheld',
};

export const SOURCE_WORDS: Record<string, string> = {
  forum: 'Forum',
  survey: 'Survey',
  complaint: 'Complaint',
  takeover_day: 'Takeover day',
  other: 'Other',
};

/** The words for a code from one of the lists above; an unknown code is said as a sentence ("some_code" → "Some code"). */
export function codeWords(words: Record<string, string>, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '';
  const known = words[code];
  if (known) return known;
  const plain = code.replace(/[_-]+/g, ' ').trim();
  return plain.charAt(0).toUpperCase() + plain.slice(1);
}

/** A CSV file as spreadsheets open it: a UTF-8 byte-order mark first, so Excel reads "Cymraeg’s" and "é" right. */
export const UTF8_BOM = '\uFEFF';
