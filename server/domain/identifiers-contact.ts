// Contact details in the identifier check: email addresses, phone numbers, postcodes and social
// media or gaming handles, including the ways children write them to get past a filter
// ("sam dot jones at gmail dot com", "oh seven seven double oh...", a gamertag with no @).
import type { Add } from './identifiers.js';
import { NOT_A_NICKNAME, NOT_POSTCODES, POSTCODE_AREAS } from './identifiers-data.js';

export function findEmails(text: string, add: Add) {
  for (const m of text.matchAll(/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g)) {
    add('email', m.index, m.index + m[0].length, `Looks like an email address (${m[0]})`);
  }
  // Spelt out to dodge filters: "jayden at gmail dot com", "sam dot jones (at) my school dot co
  // dot uk". A well-known provider may end in "." too; any other domain needs a spoken "dot".
  for (const m of text.matchAll(SPELT_EMAIL)) {
    const local = m[1]!.toLowerCase();
    if (NOT_AN_EMAIL_NAME.has(local)) continue;
    const bracketed = /[([]at[)\]]/i.test(m[0]);
    if (!bracketed && !SPELT_PROVIDER.test(m[2]!) && !/\bdot\b|\(dot\)|\[dot\]/i.test(m[3]!)) continue;
    add('email', m.index, m.index + m[0].length, `Looks like an email address written out (${m[0]})`);
  }
}

const SAY_DOT = String.raw`(?:\s*\(dot\)\s*|\s*\[dot\]\s*|\s+dot\s+|\.)`;
const SAY_AT = String.raw`(?:\s*\(at\)\s*|\s*\[at\]\s*|\s+at\s+|\s+@\s+)`;
const TLD = String.raw`(?:com|co${SAY_DOT}uk|co\s+uk|org${SAY_DOT}uk|ac${SAY_DOT}uk|sch${SAY_DOT}uk|net|org|uk|ie|io)`;
const SPELT_EMAIL = new RegExp(
  String.raw`(?<![\p{L}\p{N}._-])([\p{L}\p{N}_-]+(?:(?:\s+(?:dot|underscore|dash)\s+|[._-])[\p{L}\p{N}]+)*)${SAY_AT}([\p{L}\p{N}-]+)((?:${SAY_DOT}[\p{L}\p{N}-]+)*?${SAY_DOT}${TLD})(?![\p{L}\p{N}])`,
  'giu',
);
const SPELT_PROVIDER =
  /^(?:gmail|googlemail|hotmail|outlook|yahoo|icloud|live|btinternet|aol|me|sky|protonmail|proton|mail)$/i;
/** Words before "at" that are not the name part of an address ("I was at google dot com"). */
const NOT_AN_EMAIL_NAME = new Set(
  'i me was is look looking looked go went going be been it that this on not just'.split(' '),
);

export function findPhones(original: string, add: Add) {
  // A letter O typed for a zero inside a run of digits ("077OO 9OO 645") reads as the zero.
  const text = original.replace(/[0-9Oo][0-9Oo\s-]{8,}[0-9Oo]/g, (run) =>
    (run.match(/\d/g) ?? []).length >= 5 ? run.replace(/[Oo]/g, '0') : run,
  );
  // A run of digits with the separators people type; then the best-fitting number inside it.
  for (const m of text.matchAll(/(?<![\w+])(?:\+|00)?\(?\d[\d\s().-]{5,}\d(?!\w)/g)) {
    const run = m[0];
    const groups = [...run.matchAll(/(?:\+|00)?\(?\d[\d().-]*/g)];
    let best: [number, number] | null = null;
    for (let i = 0; i < groups.length && !best; i++) {
      for (let j = groups.length - 1; j >= i; j--) {
        const s = groups[i]!.index;
        const last = groups[j]!;
        let e = last.index + last[0].length;
        while (e > s && !/\d/.test(run[e - 1]!)) e--;
        if (isPhoneNumber(run.slice(s, e))) {
          best = [s, e];
          break;
        }
      }
    }
    if (best) {
      const start = m.index + best[0];
      const end = m.index + best[1];
      add('phone', start, end, `Looks like a phone number (${text.slice(start, end)})`);
    }
  }
  // A short local number is a phone number only when the words say so.
  const cued =
    /\b(?:ring|call|text|phone|tel|mob|mobile|number|whatsapp)(?:\s+(?:me|him|her|us))?\s*(?:on|is|:)?\s*(\d{3}[\s-]?\d{3,4})\b/dgi;
  for (const m of text.matchAll(cued)) {
    const [s, e] = m.indices![1]!;
    add('phone', s, e, `Looks like a phone number (${m[1]})`);
  }
  findSpokenPhones(original, add);
  // "07700 and then 900 then 467": a number told in pieces.
  for (const m of text.matchAll(/\b0\d{2,4}(?:\s*(?:,|and\s+then|then|and)\s*\d{2,4}){1,3}\b/gi)) {
    if (isPhoneNumber(m[0].replace(/\D/g, ''))) {
      add('phone', m.index, m.index + m[0].length, `Looks like a phone number told in pieces (${m[0]})`);
    }
  }
}

// "oh seven seven double oh nine double oh one two three": a number written as it is said.
const SPOKEN_DIGIT: Readonly<Record<string, string>> = {
  zero: '0',
  oh: '0',
  o: '0',
  nought: '0',
  nil: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
};
const SPOKEN_WORD = String.raw`(?:zero|oh|o|nought|nil|one|two|three|four|five|six|seven|eight|nine|double|treble|triple|plus|\d+)`;
const SPOKEN_RUN = new RegExp(String.raw`\b${SPOKEN_WORD}(?:[\s,.-]+${SPOKEN_WORD}){4,}\b`, 'gi');

function findSpokenPhones(text: string, add: Add) {
  for (const m of text.matchAll(SPOKEN_RUN)) {
    const words = m[0].toLowerCase().split(/[\s,.-]+/);
    if (words.every((w) => /^\d+$/.test(w))) continue; // plain digits: findPhones has them
    let digits = '';
    let repeat = 1;
    for (const w of words) {
      if (w === 'double') repeat = 2;
      else if (w === 'treble' || w === 'triple') repeat = 3;
      else if (w === 'plus') digits += '+';
      else {
        const d = SPOKEN_DIGIT[w] ?? w;
        digits += d.length === 1 ? d.repeat(repeat) : d;
        repeat = 1;
      }
    }
    if (isPhoneNumber(digits))
      add('phone', m.index, m.index + m[0].length, `Looks like a phone number written out (${m[0]})`);
  }
}

function isPhoneNumber(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  const international = candidate.startsWith('+') || candidate.startsWith('00');
  if (international) {
    const d = candidate.startsWith('00') ? digits.slice(2) : digits;
    if (d.startsWith('44')) {
      const rest = d.slice(2).replace(/^0/, '');
      return rest.length >= 9 && rest.length <= 10;
    }
    return d.length >= 8 && d.length <= 15;
  }
  if (!digits.startsWith('0')) return false;
  // Landlines (01, 02) and mobiles (07). Freephone, non-geographic and premium numbers (03, 08,
  // 09) are organisations' lines, such as Childline's, not a way to reach a child.
  return /^0[127]/.test(digits) && (digits.length === 10 || digits.length === 11);
}

export function findPostcodes(text: string, add: Add) {
  // Full postcodes, any case: "LS6 2AB", "ls62ab".
  for (const m of text.matchAll(/\b([A-Za-z]{1,2})(\d[A-Za-z\d]?)\s?(\d[A-Za-z]{2})\b/g)) {
    if (!POSTCODE_AREAS.has(m[1]!.toUpperCase()) || /^\d(?:st|nd|rd|th)$/i.test(m[3]!)) continue;
    add('postcode', m.index, m.index + m[0].length, `Looks like a postcode (${m[0]})`);
  }
  // The outward half alone ("LS6", "M14"), in capitals, from a real postcode area.
  for (const m of text.matchAll(/\b([A-Z]{1,2})(\d[A-Z\d]?)\b/g)) {
    const code = m[0];
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    if (!POSTCODE_AREAS.has(m[1]!) || NOT_POSTCODES.has(code)) continue;
    if (/^\s+(?:tablets?|vitamins?|injections?|jabs?|shots?|levels?)\b/i.test(text.slice(m.index + code.length)))
      continue;
    if (/^[MA]\d+$/.test(code) && /\bthe\s+$/i.test(before)) continue; // the M6, the A1: roads
    if (/^S[1-6]$/.test(code) && /\b(?:in|year|yr)\s+$/i.test(before)) continue; // Scottish S1-S6
    add('postcode', m.index, m.index + code.length, `Looks like the start of a postcode (${code})`);
  }
  // Spelt out a character at a time after "postcode": "c f 1 1 4 n p".
  for (const m of text.matchAll(/\bpost\s?code\s*(?:is|:)?\s*((?:[A-Za-z\d]\s){4,7}[A-Za-z\d])(?![A-Za-z\d])/dgi)) {
    const code = m[1]!.replace(/\s/g, '');
    if (!/^[A-Za-z]{1,2}\d[A-Za-z\d]?\d[A-Za-z]{2}$/.test(code)) continue;
    const [s, e] = m.indices![1]!;
    add('postcode', s, e, `Looks like a postcode spelt out (${m[1]})`);
  }
  // Any postcode-shaped code the words point at, even one the area list does not know.
  const cued =
    /\b(?:post\s?code|postcode|live|lives|lived|living|moved|move|moving|staying|stay)(?:\s+(?:is|was|in|to|near|round|around|at))?\s*:?\s*([A-Za-z]{1,2}\d[A-Za-z\d]?(?:\s?\d[A-Za-z]{2})?)\b/dgi;
  for (const m of text.matchAll(cued)) {
    const code = m[1]!;
    if (/^(?:PS|KS|Y|S|P)\d$/i.test(code) || NOT_POSTCODES.has(code.toUpperCase())) continue;
    const [s, e] = m.indices![1]!;
    add('postcode', s, e, `Looks like a postcode (${code})`);
  }
}

// ---------------------------------------------------------------------------------------------
// Social media and gaming handles

const HANDLE_STOP = new Set(
  `a an the and or but on off in at to of for with my me it is was be so too very really not no yes
  private public blocked hacked deleted banned gone down broken rubbish good bad boring fun great
  better worse ok okay fine dead mad sad funny dry quiet long because cos coz all every lol now
  only just always never there here this that these those what when where who how why if then
  than like love hate account page name username story stories stuff things messages chat
  streak streaks app`.split(/\s+/),
);

export function findHandles(text: string, add: Add) {
  for (const m of text.matchAll(/(?<![\p{L}\p{N}_.@])@([\p{L}\p{N}_.]*\p{L}[\p{L}\p{N}_.]*)/gu)) {
    const handle = m[0].replace(/\.+$/, '');
    // "@everyone", "@here": a group chat's mention of all, nobody's name.
    if (handle.length < 3 || /^@(?:everyone|here|channel|all)$/i.test(handle)) continue;
    add('handle', m.index, m.index + handle.length, `Looks like a social media username (${handle})`);
  }
  // A Discord tag: a name, "#" and four digits ("frogboi#2231").
  for (const m of text.matchAll(/(?<![\p{L}\p{N}_.#])[\p{L}\p{N}_.]*\p{L}[\p{L}\p{N}_.]*#\d{4}(?!\d)/gu)) {
    add('handle', m.index, m.index + m[0].length, `Looks like a Discord username (${m[0]})`);
  }
  const platform =
    '(?:snapchat|snap|sc|insta|instagram|ig|tiktok|tik\\s?tok|twitter|facebook|fb|discord|psn|playstation|ps[345]|xbox|xbl|steam|minecraft|gamertag|gamer\\s?tag|roblox|fortnite|twitch|youtube|yt|threads|bereal|whatsapp|telegram|reddit|pinterest|tumblr)';
  // "my snap is jdog_07", "add me on insta: kayla.b", "tiktok - dancequeen_14". With no "is" or
  // ":" between, the word must look made up (digits, _ or .), so "snap chat is rubbish" is safe.
  const cued = new RegExp(
    `\\b(?:(?:add|follow|find|message|dm)\\s+(?:me|him|her|them)\\s+on\\s+)?${platform}(?:\\s+(?:me|him|her|us)\\s+(?:on|at))?(?:\\s+(?:name|username|user\\s+name|handle|id|tag|account|channel|profile|gamertag|ign))?(?:\\s*[:=,-]\\s*|\\s+)(?:(?:is|was|it'?s|its|as)\\s+)?(@?[\\p{L}\\p{N}_.]{3,30})`,
    'dgiu',
  );
  for (const m of text.matchAll(cued)) {
    const raw = m[1]!.replace(/\.+$/, '');
    // Words run together with capitals inside ("LlewPlaysMC") are made up too.
    const looksMade = /[\p{N}_.]/u.test(raw) || raw.startsWith('@') || (raw.match(/\p{Ll}\p{Lu}/gu) ?? []).length >= 2;
    const pointedAt = /(?:[:=]|\b(?:is|was|it'?s|its)|\badd\s+\w+\s+on\s+\S+)\s*$/i.test(
      m[0].slice(0, m.indices![1]![0] - m.index),
    );
    // An ordinary-looking word counts only when the words say it is someone's name there:
    // "my xbox name is Bob", "add me on snap, its bob", not "minecraft is amazing".
    const owned =
      /\b(?:name|username|handle|id|tag|gamertag|ign|add)\b/i.test(m[0]) ||
      /\b(?:my|his|her|their|our)\s+$/i.test(text.slice(Math.max(0, m.index - 8), m.index));
    const key = raw.toLowerCase();
    if (!looksMade && (!pointedAt || !owned || HANDLE_STOP.has(key) || NOT_A_NICKNAME.has(key))) continue;
    const s = m.indices![1]![0];
    add('handle', s, s + raw.length, `Looks like a social media username (${raw})`);
  }
  // "username: jdog_07" and the like, with the made-up look of a handle.
  for (const m of text.matchAll(
    /\b(?:user\s?name|handle|gamer\s?tag|gt|ign|tag|in-?game\s+name|profile\s+name|account\s+name|screen\s?name)\s*(?:is|was|:|=|-)\s*([\p{L}\p{N}_.]{3,30})/dgiu,
  )) {
    if (HANDLE_STOP.has(m[1]!.toLowerCase())) continue;
    const [s, e] = m.indices![1]!;
    add('handle', s, e, `Looks like a social media username (${m[1]})`);
  }
  // A made-up word with the look of a gamertag, whatever is around it: "NightWolf88",
  // "xXSlayerXx", "dark_angel". Letters with two or more digits, an underscore between letters,
  // or the xX...Xx frame; not the codes children use for years, games and consoles.
  for (const m of text.matchAll(/(?<![\p{L}\p{N}_.@])[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*(?![\p{L}\p{N}_@])/gu)) {
    const w = m[0];
    const letters = (w.match(/\p{L}/gu) ?? []).length;
    const digits = (w.match(/\p{N}/gu) ?? []).length;
    const shaped =
      /\p{L}_+[\p{L}\p{N}]/u.test(w) ||
      /^[xX]{1,3}[A-Z][\p{L}\p{N}]+[xX]{1,3}$/u.test(w) ||
      (letters >= 3 && digits >= 2 && /^\p{L}/u.test(w));
    if (!shaped || w.length < 5 || NOT_A_HANDLE.test(w)) continue;
    add('handle', m.index, m.index + w.length, `Looks like a username or gamertag (${w})`);
  }
}

/** Letters-and-digits words that are not someone's tag: years at school, games, devices, covid. */
const NOT_A_HANDLE =
  /^(?:year|yr|y|ks|gcse|alevel|top|fifa|fc|nba2k|madden|pes|gta|cod|covid|windows|iphone|galaxy|pixel|xbox|ps|mp|pg|bts|ufc|nhs|wwe|ww|form|room|flat|unit|bus|route|no|number|u|under|over|age)\d+$/i;
