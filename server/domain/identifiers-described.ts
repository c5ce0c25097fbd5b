// More descriptions only one child fits, for the identifier check (identifiers-details.ts runs
// them): a family member in a role or a story, a record set, a rare condition by name, a group of
// one. Each is a shape of sentence, not a list of the quotes it was written from.

const FAMILY = String.raw`(?:mum|mam|mother|dad|father|step\s*(?:mum|dad)|nan|nain|gran|grandad|taid|uncle|aunt|auntie|aunty|brother|sister|cousin|foster\s+(?:mum|dad|carer)|family|parents)`;
const PERSON = String.raw`(?:boy|girl|kid|lad|lass|child|baby|man|woman|lady|guy|bloke|person|one|family|teenager)`;
const NEWS = String.raw`(?:(?:the\s+)?(?:front\s+(?:page\s+)?of\s+the\s+)?(?:local\s+|welsh\s+)?(?:news|newspapers?|papers?|telly|tv|radio|front\s+page))`;

// "I was the boy on the front of the paper", "my mum was the lady on the news who...".
const FAMILY_IN_THE_NEWS = new RegExp(
  String.raw`\b(?:i\s+was|i['’]?m|i\s+am|(?:my|our)\s+${FAMILY}(?:['’]s|\s+was|\s+is|\s+were))\s+(?:the|that)\s+(?:[\p{L}'’-]+\s+)?${PERSON}\s+(?:who\s+(?:was|were|got)\s+)?(?:on|in)\s+${NEWS}\b(?!\s+(?:website|site|app))[^.!?\n]{0,60}`,
  'giu',
);
// "the youngest person ever to get a black belt", "the first care leaver from our authority to go to
// Oxford": a record only one child holds.
const EVER_TO = new RegExp(
  String.raw`\bthe\s+(?:youngest|first|only|oldest)\s+(?:[\p{L}'’-]+\s+){0,2}?(?:person|girl|boy|kid|child|one|pupil|lad|lass|care\s+leaver|young\s+person|student)\s+(?:ever\s+(?:to|in|at)|(?:from|in|at)\s+(?:my|our|the)\s+(?:authority|council|county|school|home|family|village|town|estate)\s+(?:ever\s+)?to)\b[^.!?\n]{0,60}`,
  'giu',
);
// "no other traveller family in our village", "nobody else like me round here".
const NONE_OTHER = new RegExp(
  String.raw`\b(?:no\s+other|not\s+one\s+other)\s+(?:[\p{L}'’-]+\s+){0,2}?(?:family|families|girl|boy|kid|child|person|pupil|student|young\s+person)\s+(?:in|at|on|round)\s+(?:(?:my|our|the|this)\s+)?(?:whole\s+)?(?:village|school|class|year|estate|street|town|home|area|county|unit|authority)\b[^.!?\n]{0,40}|\b(?:no\s*one|nobody|noone)\s+else\s+like\s+me\s+(?:round|around|in|at)\s+(?:here|(?:my|our|the)\s+\p{L}+)[^.!?\n]{0,40}`,
  'giu',
);
// "me and my 4 sisters were all adopted..., it was on the news": the writer's family as a story.
const OUR_STORY_IN_THE_NEWS = new RegExp(
  String.raw`\b(?:me\s+and\s+my|my\s+family|my\s+${FAMILY}\s+and\s+(?:me|i)|we)\b[^.!?\n]{0,80}?\b(?:it|that|this)\s+(?:was|went|got)\s+(?:on|in|all\s+over)\s+${NEWS}\b[^.!?\n]{0,40}`,
  'giu',
);
// Conditions so rare that naming one names the child.
const RARE_BY_NAME =
  /\b(?:progeria|albinism|albino|brittle\s+bone(?:s|\s+disease)|osteogenesis\s+imperfecta|prader[-\s]willi|rett\s+syndrome|williams\s+syndrome|angelman(?:\s+syndrome)?|treacher\s+collins|m[oö]e?bius\s+syndrome|achondroplasia|dwarfism|ha?emophilia|xeroderma|fibrodysplasia|cri\s+du\s+chat|ichthyosis|epidermolysis\s+bullosa|butterfly\s+skin|batten\s+disease|duchenne|spinal\s+muscular\s+atrophy|(?:heart|liver|lung)\s+transplant)\b[^.!?\n]{0,40}/giu;
// "I won Young Carer of the Year for Wales": a title one child a year wins.
const OF_THE_YEAR =
  /\b(?:i|we|me)\s+(?:just\s+)?(?:won|was\s+named|were\s+named|got\s+named|was\s+crowned|was\s+voted|were\s+voted|got\s+voted)\s+(?:the\s+)?(?:[\p{L}'’-]+\s+){1,4}?of\s+the\s+year\b[^.!?\n]{0,40}/giu;
// "my dad's the guy who owns the chippy in the village": a family member one business has.
const FAMILY_RUNS_THE = new RegExp(
  String.raw`\b(?:my|our)\s+${FAMILY}(?:['’]s|\s+is|\s+was)\s+the\s+${PERSON}\s+(?:who|that)\s+(?:owns|runs|owned|ran|has)\s+the\s+(?:[\p{L}'’-]+\s+){0,2}?(?:shop|chippy|pub|cafe|café|garage|farm|takeaway|salon|post\s+office|bakery|butchers?|restaurant|hotel|gym|club|school|food\s*bank|charity|youth\s+club|nursery|shelter|centre|church|mosque)\b[^.!?\n]{0,40}`,
  'giu',
);
// "the only black kids in the whole village": a group of one or two, in a place small enough.
const ONLY_ONES_IN =
  /\b(?:me\s+and\s+(?:my\s+)?\p{L}+|we|us\s+two|(?:my|our)\s+\p{L}+\s+and\s+(?:me|i))\s+(?:are|were)\s+the\s+only\s+(?:[\p{L}'’-]+\s+){0,3}?(?:kids|girls|boys|children|people|ones|lads|pupils|students|young\s+people|foster\s+kids|twins)\s+(?:in|at|on|from)\s+(?:(?:my|our|the|this|that|their)\s+)?(?:whole\s+|entire\s+)?(?:county|council|authority|local\s+authority|city|borough|year|class|school|home|unit|group|street|road|village|town|estate|area|church|mosque|club|team)\b[^.!?\n]{0,60}/giu;
// "YP is the only child in the authority placed out of county": a worker's note of one child.
const ONLY_IN_AUTHORITY =
  /\bthe\s+only\s+(?:[\p{L}'’-]+\s+){0,2}?(?:child|young\s+person|kid|girl|boy|care\s+leaver)\s+in\s+the\s+(?:local\s+)?(?:authority|la|council|county)\b[^.!?\n]{0,60}/giu;

/** Each with a word it cannot match without, tested first: most texts have none of them. */
export const MORE_DESCRIPTIONS: readonly (readonly [needs: RegExp, re: RegExp])[] = [
  [/news|paper|telly|\btv\b|radio|front/i, FAMILY_IN_THE_NEWS],
  [/\b(?:ever|first|youngest|oldest)\b/i, EVER_TO],
  [/\bother\b|\belse\b/i, NONE_OTHER],
  [
    /progeria|philia|albin|bone|imperfecta|willi|syndrome|angelman|collins|plasia|dwarf|derma|chat|ichthyosis|bullosa|butterfly|batten|duchenne|atrophy|transplant/i,
    RARE_BY_NAME,
  ],
  [/news|paper|telly|\btv\b|radio/i, OUR_STORY_IN_THE_NEWS],
  [/of\s+the\s+year/i, OF_THE_YEAR],
  [/\b(?:owns|runs|owned|ran|has)\b/i, FAMILY_RUNS_THE],
  [/\bonly\b/i, ONLY_ONES_IN],
  [/\bonly\b/i, ONLY_IN_AUTHORITY],
];
