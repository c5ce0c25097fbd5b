// Nicknames made of a size word and a name ("Big Dazza", "Lil Mo") and staff or carers by a title
// and an initial ("Mrs P", "mr t"), for the names check (identifiers-names.ts).
import type { Add } from './identifiers.js';
import type { Compiled } from './identifiers-context.js';
import { GIVEN_NAMES, NEVER_NAME_WORDS, ORDINARY_NAME_WORDS } from './identifiers-data.js';
import { NICKNAME_SHAPE, PET_AFTER, PET_BEFORE, SIZE_NICKNAME } from './identifiers-name-cues.js';

export function findNicknamesAndTitles(text: string, ctx: Compiled, protectedSpans: [number, number][], add: Add) {
  for (const m of text.matchAll(SIZE_NICKNAME)) {
    const end = m.index + m[0].length;
    const key = m[1]!.toLowerCase();
    const named = (GIVEN_NAMES.has(key) || ctx.localNames.has(key)) && !ORDINARY_NAME_WORDS.has(key);
    if ((!named && !NICKNAME_SHAPE.test(m[1]!)) || NEVER_NAME_WORDS.has(key)) continue;
    if (protectedSpans.some(([s, e]) => s <= m.index && end <= e)) continue;
    if (PET_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index)) || PET_AFTER.test(text.slice(end, end + 20)))
      continue;
    add('name', m.index, end, `Looks like a nickname (${m[0]})`);
  }

  // "Mrs P", "Mr. K": a title and an initial.
  for (const m of text.matchAll(
    /(?<![\p{L}])(?:[Mm]rs?|Miss|[Mm][sx]|[Dd]r|Sir)\.?\s+(\p{Lu})(?![\p{L}\p{N}'’])\.?/gu,
  )) {
    if (PET_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
    add('staff-or-carer', m.index, m.index + m[0].length, `Looks like a member of staff or a carer (${m[0]})`);
  }
  // In small letters: "mrs w", "mr t" (not "miss u", and not a, i or u, which are words).
  for (const m of text.matchAll(/(?<![\p{L}])(?:mrs|mr|ms|dr)\.?\s+[b-hj-tv-z](?![\p{L}\p{N}'’])\.?/gu)) {
    if (PET_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
    add('staff-or-carer', m.index, m.index + m[0].length, `Looks like a member of staff or a carer (${m[0]})`);
  }
}
