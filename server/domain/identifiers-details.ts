// Details that pin down one child without a name or an address: a date of birth ("born on 29/02",
// "my birthday is christmas eve") and a description only one child fits ("I'm the only one who...",
// "the only girl in my year in care").
import type { Add } from './identifiers.js';
import { MORE_DESCRIPTIONS } from './identifiers-described.js';

// Dates of birth: a date is only a birth date when the words around it say so.

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
// Welsh months too: "25 Ionawr".
// With the soft mutation after "o" ("5ed o Dachwedd"): fawrth, fai, fehefin, orffennaf, fedi, dachwedd, ragfyr.
const MONTH_CY =
  '(?:ionawr|chwefror|[mf]awrth|ebrill|[mf]ai|[mf]ehefin|g?orffennaf|awst|[mf]edi|hydref|[td]achwedd|r?h?agfyr)';
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
const DAY_WORD =
  '(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[\\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth|thirty[\\s-]first)';
// Days only one date can be: "christmas eve", "bonfire night", "new year's day".
const FESTIVAL =
  "(?:christmas|xmas)(?:\\s+(?:eve|day))?|new\\s+year'?s?\\s+(?:eve|day)|boxing\\s+day|valentine'?s?(?:\\s+day)?|hallowe'?en|bonfire\\s+night|guy\\s+fawkes(?:\\s+night)?|st\\.?\\s+(?:patrick|david|george|andrew)'?s\\s+day|april\\s+fool'?s'?(?:\\s+day)?|leap\\s+day|29(?:th)?\\s+(?:of\\s+)?feb(?:ruary)?";
const DATE = [
  `(?:${DAY}|${DAY_WORD})\\s+(?:of\\s+)?(?:${MONTH}|${MONTH_CY})(?:,?\\s+(?:\\d{4}|'?\\d{2})\\b)?`,
  // Welsh ordinals: "5ed o Dachwedd", "1af o Fai".
  `(?:[12]\\d|3[01]|0?[1-9])(?:af|il|ydd|edd|ed|fed|eg|ain)?\\s+o\\s+${MONTH_CY}`,
  // "the 2nd of the 2nd"
  `${DAY}\\s+of\\s+the\\s+${DAY}`,
  `${MONTH}\\.?\\s+(?:the\\s+)?(?:${DAY}|${DAY_WORD})(?:,?\\s+\\d{4})?`,
  `\\d{1,2}[/.-]\\d{1,2}(?:[/.-](?:\\d{4}|\\d{2}))?`,
  `\\d{4}-\\d{2}-\\d{2}`,
  // "17 04 2011": only after a cue, as every date here is.
  `\\d{1,2}\\s\\d{1,2}\\s(?:\\d{4}|\\d{2})`,
  `${MONTH}\\s+\\d{4}`,
  `(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)`,
  DAY_WORD,
  // "halloween 2010": the year belongs to the date.
  `(?:${FESTIVAL})(?:,?\\s+\\d{4}\\b)?`,
].join('|');
const DOB_CUE =
  "(?:\\b(?:p|mh|ph|b)en-?blwydd(?:\\s+(?:i|fi))?(?:\\s+(?:ar|yw|ydy|ydi|ydyw))?(?:\\s+y)?|\\bborn(?:\\s+on|\\s+in|\\s+at)?|\\bganed|\\bganwyd(?:\\s+(?:fi|i))?(?:\\s+ar)?|\\bd\\.?o\\.?b\\.?|\\bdate\\s+of\\s+birth|\\b(?:birthday|bday|b-day|b'day)(?:\\s+is|'s|s|\\s+was)?(?:\\s+(?:on|at))?|\\bturn(?:s|ed|ing)?\\s+\\d{1,2}\\s+on|\\bmy\\s+(?:1[0-9]|2[0-5])(?:st|nd|rd|th)(?:\\s+birthday)?(?:\\s+is|'s)?(?:\\s+on)?|\\b(?:i'm|im|i\\s+am|i'll\\s+be|ill\\s+be|i\\s+will\\s+be|he's|she's|hes|shes)\\s+(?:[1-9]|1\\d|2[0-5])\\s+on|\\b(?:[pm]?h?en|ben)-?blwydd(?:\\s+i)?(?:\\s+yw|\\s+ydy|\\s+ar)?|\\bbaby\\s*,)";
// Up to three words may stand between the cue and the date: "born in Leeds on 3 March".
const GAP = "(?:[\\s,]+(?!\\d|(?:and|but|then|so|or|because|cos)\\b)[\\p{L}'’]+){0,3}?";
const DOB_RE = new RegExp(
  `${DOB_CUE}${GAP}[\\s,]*(?:is|:|-|=)?\\s*(?:on\\s+|at\\s+)?(?:the\\s+)?(${DATE})(?![\\p{L}\\p{N}])`,
  'dgiu',
);
// The other way round: "the 3rd of May is my birthday", "christmas eve is my bday".
const DOB_AFTER_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:the\\s+)?(${DATE})(?:(?:\\s+(?:is|was|'s))\\s+(?:my|his|her)\\s+(?:birthday|bday|b-day|date\\s+of\\s+birth)|\\s+baby\\b)`,
  'dgiu',
);

// "my sister's birthday is on bonfire night": a festival that is someone else's birthday.
const SOMEONE_ELSES =
  /\b(?:(?:mum|mam|dad|sister|brother|nan|nana|gran|grandad|aunt|auntie|aunty|uncle|cousin|friend|mate|carer)['’]?s|his|her|their)\s+(?:birthday|bday|b-day)\b/i;
const FESTIVAL_RE = new RegExp(`^(?:${FESTIVAL})$`, 'i');

export function findDatesOfBirth(text: string, add: Add) {
  for (const re of [DOB_RE, DOB_AFTER_RE]) {
    for (const m of text.matchAll(re)) {
      const [s, e] = m.indices![1]!;
      const around = text.slice(Math.max(0, m.index - 20), e);
      if (FESTIVAL_RE.test(m[1]!) && SOMEONE_ELSES.test(around)) continue;
      add('date-of-birth', s, e, `Looks like a date of birth (${m[1]})`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// A description only one child fits. Said about oneself ("I'm the only one who...") or about a
// group small enough to count on one hand ("the only girl in my year in care").

const ONLY_ME =
  /\b(?:i'?m|im|i’m|i\s+am|i\s+was|i'?ve\s+been|i\s+have\s+been|i\s+used\s+to\s+be|me\s+being|being|as)\s+(?:literally\s+|basically\s+|still\s+|probably\s+|now\s+|also\s+)?the\s+only\s+[^.!?\n]{3,80}/giu;
const ONLY_ONE_IN =
  /\b(?:the\s+)?(?:only|youngest|oldest|tallest|smallest|first|last)\s+(?:[\p{L}'’-]+\s+){0,3}?(?:girl|boy|kid|child|person|one|pupil|student|lad|lass|care\s+leaver|young\s+person|teenager|twins?|family|foster\s+kid|looked\s+after\s+child|speaker|muslim|sikh|hindu|jew|traveller|refugee|asylum\s+seeker|wheelchair\s+user|young\s+(?:mum|mam|dad|parent|carer)|mum|mam|dad)(?:\s+in\s+care)?\s+(?:in|at|on|from)\s+(?:(?:my|our|the|this|that|their|his|her)\s+)?(?:whole\s+|entire\s+)?(?:children['’]?s\s+)?(?:county|country|council|city|borough|wales|uk|world|year|class|school|home|house|unit|group|street|road|village|town|team|estate|form|college|uni|university|area|placement|church|mosque|temple|club|block|flats|squad|cadets|sixth\s+form)\b[^.!?\n]{0,60}/giu;
// "the only boy with a turban", "the only one who uses sign language": a feature only one child
// in the group has, said of anyone.
const ONLY_ONE_WITH =
  /\b(?<!not\s)the\s+only\s+(?:[\p{L}'’-]+\s+){0,2}?(?:girl|boy|kid|child|person|one|pupil|student|lad|lass|care\s+leaver|young\s+person|teenager|foster\s+kid)\s+(?:with\s+(?:a|an|one|the|no)\b|without\s+(?:a|an|any)\b|who\s+(?:uses|wears|speaks|signs|has\s+(?:a|an|got|two|three)|is\s+(?:deaf|blind|autistic|pregnant|in\s+care|adopted|fostered|a\s+(?:young\s+)?(?:mum|dad|carer))|was\s+born|lives\s+(?:in|at|with)|goes\s+to))[^.!?\n]{0,60}/giu;
// Words that end a described group: "the only one who cares is my nan" describes someone else.
const NOT_ME_AFTER =
  /^(?:the\s+only\s+)(?:(?:thing|things|way|reason|time|option|problem|issue|place|bit|day|adult|grown-?up|staff|worker|carer|teacher)\b|(?:one|person)\s+who\s+(?:(?:can|could|should|gets\s+to|has\s+to)\s+(?:decide|choose|say|know|change|make)|knows|understands|really\s+knows|decides|cares)|(?:one|person)\s+of\s+(?:my|our)\s+(?:friends|mates)|one\s+(?:awake|up\s+at|still\s+up|left\s+(?:at|in)\s+the\s+(?:table|room|end)))/i;
// "I'm the youngest in the home", "I used to be the oldest at the unit": small groups only one
// child can top, but not a family ("the youngest in my family" fits a child in every family).
const TOP_OF_GROUP =
  /\b(?:i'?m|im|i’m|i\s+am|i\s+was|i\s+used\s+to\s+be|i'?ve\s+been|being)\s+(?:by\s+far\s+)?the\s+(?:youngest|oldest|tallest|smallest|shortest|only)\s+(?:(?:one|kid|person|girl|boy|lad|lass|pupil|child)\s+)?(?:in|at|on)\s+(?:(?:my|our|the|this)\s+)?(?:year\s+\d{1,2}\b|home|class|year|school|unit|house|placement|group|team|village|estate|street|squad|course|cadets)\b[^.!?\n]{0,60}/giu;

// "I'm the kid whose dad went to prison", "I'm the girl who plays for Wales".
const THE_ONE_WHO =
  /\b(?:i'm|im|i’m|i\s+am|i\s+was|me\s+as|known\s+as|call\s+me|calls\s+me)\s+(?:the|that)\s+(?:[\p{L}'-]+\s+){0,2}?(?:one|kid|girl|boy|person|child|lad|lass|care\s+leaver|young\s+person|teenager|\d{1,2}\s+year\s+old)\s+(?:who|whose|that|with|in\s+year\s+\d{1,2}\s+(?:who|with))\b[^.!?\n]{3,80}/giu;
// "the boy with the prosthetic leg", "the 8 year old with the pink glasses".
const THE_ONE_WITH =
  /\bthe\s+(?:\d{1,2}\s+year\s+old|boy|girl|kid|child|lad|lass|one|care\s+leaver|young\s+person)\s+(?:with|in)\s+(?:the|a|one|an)\s+(?:[\p{L}-]+\s+){0,2}?(?:leg|legs|arm|arms|hand|eye|eyes|hair|glasses|hearing\s+aids?|wheelchair|scar|birthmark|tattoo|tattoos|braces|cast|crutches|limp|cochlear\s+implant|prosthetic|guide\s+dog|service\s+dog|walking\s+frame|feeding\s+tube|oxygen\s+tank|eye\s+patch|stammer|stutter|piercings?|nose\s+ring|dreadlocks|mohawk|turban|afro)\b[^.!?\n]{0,60}/giu;

// "there is only one kid in care in my year", "no one else in my school ... except me".
const ONLY_ONE_THERE =
  /\b(?:there(?:'s|’s|s|\s+is|\s+was)\s+only\s+(?:one|1)\s+(?:other\s+)?(?:girl|boy|kid|child|person|pupil|student|lad|lass|one|young\s+person|care\s+leaver)|(?:no\s*one|nobody|noone)\s+else\s+(?:in|at|on|from)\s+(?:my|our|the)\s+[^.!?\n]{2,60}?(?:except|apart\s+from|but)\s+me)\b[^.!?\n]{0,60}/giu;
// Being in the news or on television: "my face was on the local news", "I was the boy in the paper".
const IN_THE_NEWS =
  /\b(?:i\s+was|i['’]?ve\s+been|i\s+have\s+been|me\s+(?:being|was)|my\s+(?:face|picture|photo|pic|name|story)\s+(?:was|were|got|is|went)|(?:my|his|her|our)\s+(?:mum|mam|dad|brother|sister|family|parents)\s+(?:was|were|went|got|is))\s+(?:the\s+(?:boy|girl|kid|lad|one|child)\s+)?(?:on|in)\s+(?:the\s+)?(?:local\s+|county\s+|school\s+|welsh\s+|front\s+(?:page\s+of\s+the\s+)?)?(?:news|newspapers?|papers?|telly|tv|radio|front\s+page|look\s+north|wales\s+today|newsround|britain['’]?s\s+got\s+talent|x\s+factor|the\s+voice|crimewatch|bbc|itv|channel\s+\d)\b(?!\s+(?:website|site|app|page|channel|feed))[^.!?\n]{0,60}/giu;
// Said about anyone, not only oneself: "the kid whose mum was on the news", "the girl who had a
// baby in year 10": "whose", or a past event, picks out one child.
const THE_KID_WHOSE =
  /\b(?:the|that)\s+(?:\d{1,2}\s+year\s+old|boy|girl|kid|lad|lass|child|care\s+leaver|young\s+person|teenager|foster\s+kid)\s+(?:whose\s+(?:mum|mam|dad|mother|father|brother|sister|family|parents|nan|house|home)|who\s+(?:had\s+a\s+baby|got\s+pregnant|was\s+pregnant|got\s+expelled|got\s+arrested|ran\s+away|went\s+missing|was\s+adopted|got\s+adopted|won|set\s+fire|burnt|started\s+the\s+fire|was\s+on\s+(?:the\s+)?(?:news|telly|tv|radio)))\b[^.!?\n]{0,60}/giu;
// A family member with a role only one person in an area has: "my dad is the vicar here".
const RELATIVE_ROLE =
  /\bmy\s+(?:mum|mam|dad|mother|father|step\s*(?:mum|dad)|nan|gran|grandad|uncle|aunt|auntie|aunty|brother|sister|foster\s+(?:mum|dad|carer))\s+(?:is|was|used\s+to\s+be)\s+the\s+(?:(?:local|village|town|school|only)\s+\p{L}+|mayor|vicar|priest|imam|rabbi|minister|head\s*teacher|headteacher|head\s+of\s+(?:my|the)\s+school|councillor|mp|caretaker|lollipop\s+(?:lady|man)|dinner\s+lady|landlord|landlady|owner|manager|chief|captain)\b[^.!?\n]{0,60}/giu;
// Winning something only one child wins: "I won the county spelling bee".
const WON_TITLE =
  /\b(?:i|i\s+just|i\s+once)\s+(?:won|came\s+(?:first|second|third|1st|2nd|3rd)\s+(?:place\s+)?(?:in|at)|was\s+crowned|got\s+(?:first|second|third|1st|2nd|3rd|gold|silver|bronze)\s+(?:place\s+)?(?:in|at))\s+(?:the\s+)?(?:county|national|welsh|wales|uk|regional|all[-\s]wales|british|school['’]?s?|whole\s+school['’]?s?)\s+[^.!?\n]{2,60}/giu;
// A family far bigger than most: "I have 11 brothers and sisters".
const BIG_FAMILY =
  /\b(?:1[0-9]|[89]|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen)\s+(?:brothers\s+and\s+sisters|siblings|brothers|sisters|half\s+(?:brothers|sisters|siblings))\b[^.!?\n]{0,60}/giu;

// The writer says so: "everyone will know it's me", "so they'd know who I am".
const THEY_WILL_KNOW =
  /\b(?:every\s*(?:one|body)|people|they|the\s+whole\s+(?:school|class|year|home|village|estate|town)|my\s+(?:class|school|year))(?:['’]ll|['’]d|\s+will|\s+would|\s+wud|\s+gonna|\s+are\s+going\s+to)?\s+(?:know|knows|knew|guess|work\s+out|find\s+out)\s+(?:straight\s+away\s+)?(?:(?:it['’]?s|its|it\s+is|it\s+was|that['’]?s|thats)\s+(?:me|him|her|us)\b|who\s+(?:i\s+am|it\s+is|it['’]?s|its|you\s+mean)|where\s+i\s+live)/giu;

// "everyone calls me the care kid", "they know me as the girl from the news": a label for one child.
const CALLED_THE =
  /\b(?:call|calls|called|know|knows)\s+me\s+(?:as\s+)?(?:the|that)\s+(?!same\b)[\p{L}'’-]+(?:\s+[\p{L}'’-]+){0,5}/giu;
// A rare condition: "I have a rare syndrome", "a one in a million condition".
const RARE_CONDITION =
  /\b(?:rare|one\s+in\s+a\s+million|very\s+rare)\s+(?:[\p{L}-]+\s+)?(?:condition|disease|syndrome|disorder|illness|cancer|blood\s+disorder|genetic\s+\p{L}+|heart\s+condition)\b[^.!?\n]{0,60}/giu;
// A known event: "my dad went to prison for that fire", "in jail for the robbery at the garage".
const KNOWN_EVENT = /\b(?:prison|jail|court)\s+for\s+(?:that|the)\s+(?!same\b)[\p{L}'’-]+[^.!?\n]{0,60}/giu;

// Multiple births and other facts only one family in an area has.
const RARE_FAMILY = /\b(?:triplets?|quadruplets?|quads|quintuplets?|conjoined)\b[^.!?\n]{0,60}/giu;
// "the boy who got expelled for the fire was me".
const WAS_ME =
  /\b(?:the|that)\s+(?:boy|girl|kid|lad|lass|one|person|child)\s+(?:[^.!?\n]{0,40}?\s+)?(?:who|that|whose)\s+[^.!?\n]{3,80}?\s+(?:was|is)\s+me\b/giu;
// "everyone in the village knows im the foster kid at the farm": a label the writer says is known.
const KNOWN_AS_THE =
  /\b(?:every\s*(?:one|body)|people|they|the\s+whole\s+\p{L}+)(?:\s+(?:in|at|on|round)\s+(?:the|my|our|this)\s+\p{L}+)?\s+(?:know|knows|knew)\s+(?:that\s+)?(?:i['’]?m|im|i\s+am|i\s+was|me\s+as)\s+(?:the|that)\s+(?!same\b|only\s+one\s+who\s+(?:cares|knows))[\p{L}'’-]+(?:\s+[\p{L}'’-]+){1,6}/giu;
// "a rare skin thing only 5 people have": a condition so rare the count is given.
const FEW_HAVE_IT =
  /\bonly\s+(?:(?:about|around|like|roughly|maybe|approximately|under|less\s+than)\s+)?(?:\d{1,3}|a\s+few|a\s+handful\s+of|a\s+couple\s+of|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|a\s+hundred)\s+(?:other\s+)?(?:people|kids|children|girls|boys|families|others)\s+(?:in\s+(?:the\s+)?(?:uk|wales|world|country|britain|europe)\s+)?(?:have|has|had|get|got)\b[^.!?\n]{0,40}/giu;
// "i was the baby left outside the hospital, it was in the papers": the writer as a news story.
const WAS_THE_STORY =
  /\bi\s+was\s+the\s+(?:[\p{L}'’-]+\s+){0,2}?(?:baby|boy|girl|kid|child|lad|lass|one|teenager)\s+[^.!?\n]{3,60}?(?:in|on)\s+(?:the\s+)?(?:papers?|news|telly|tv|radio)\b/giu;
// A sibling group too big for most homes, all in care: "me and my 6 brothers are all in care".
const BIG_GROUP_IN_CARE =
  /\b(?:[5-9]|five|six|seven|eight|nine)\s+(?:brothers|sisters|siblings|brothers\s+and\s+sisters)\s+(?:are\s+|were\s+)?(?:all\s+)?(?:in\s+care|fostered|in\s+the\s+same\s+(?:home|placement))[^.!?\n]{0,40}|\b(?:me\s+and\s+my|i\s+and\s+my)\s+(?:[5-9]|five|six|seven|eight|nine)\s+(?:brothers|sisters|siblings)\s+(?:are\s+|were\s+)?(?:all\s+)?in\s+care[^.!?\n]{0,40}/giu;
// Representing a county or country at a sport: a squad is small and named.
const PLAYS_FOR =
  /\b(?:play|plays|played|playing|swim|swims|swam|run|runs|ran|box|boxes|boxed|compete|competes|competed|captain|dance|dances)\s+(?:(?:rugby|football|footy|netball|hockey|cricket|tennis|chess|basketball|darts)\s+)?(?:for|at)\s+(?:the\s+)?(?:county|wales|england|scotland|ireland|gb|great\s+britain|national|regional|under[-\s]?\d{1,2}s?)\b[^.!?\n]{0,60}/giu;
// A home by what is next to it: "the flat above the chip shop".
const HOME_BY_LANDMARK =
  /\b(?:flat|house|home|room|place|caravan|bedsit)\s+(?:above|over|next\s+to|opposite|behind|beside)\s+(?:the|a)\s+(?:[\p{L}'’-]+\s+){0,2}?(?:shop|chippy|takeaway|pub|church|garage|station|chemist|bakery|cafe|café|mosque|school|surgery|post\s+office|launderette|bookies)\b/giu;

const WISH_BEFORE = /\b(?:want|wants|wanna|hope|hoping|dream\s+of|would\s+like|love|'d\s+like|like)\s+(?:to\s+)?$/i;
// Tastes and one-off moments everyone has: "the only one in my house who likes marmite".
const TRIVIAL_ONLY =
  /\bwho\s+(?:supports|follows|always\s+has\s+to|(?:ever|always|actually|even|still)\s+\p{L}+|likes|loves|hates|enjoys|prefers|eats|came\s+on\s+time|turned\s+up|showed\s+up|finished|remembered|bothered|laughed|clapped)\b(?!\s+(?:girls|boys|men|women)\b)/iu;

export function findUniqueDescriptions(text: string, add: Add) {
  for (const re of [
    THEY_WILL_KNOW,
    CALLED_THE,
    RARE_CONDITION,
    KNOWN_AS_THE,
    FEW_HAVE_IT,
    WAS_THE_STORY,
    BIG_GROUP_IN_CARE,
    KNOWN_EVENT,
    THE_KID_WHOSE,
    RELATIVE_ROLE,
    WON_TITLE,
    BIG_FAMILY,
    TOP_OF_GROUP,
    ONLY_ONE_THERE,
    IN_THE_NEWS,
    RARE_FAMILY,
    WAS_ME,
    PLAYS_FOR,
    HOME_BY_LANDMARK,
    ...MORE_DESCRIPTIONS.filter(([needs]) => needs.test(text)).map(([, re]) => re),
  ]) {
    for (const m of text.matchAll(re)) {
      if (TRIVIAL_ONLY.test(m[0])) continue;
      // "i want to play for Wales" is a wish, not a squad.
      if (re === PLAYS_FOR && WISH_BEFORE.test(text.slice(Math.max(0, m.index - 25), m.index))) continue;
      add('unique-description', m.index, m.index + m[0].trimEnd().length, `Could only be one child (${m[0].trim()})`);
    }
  }
  for (const re of [THE_ONE_WHO, THE_ONE_WITH, ONLY_ONE_WITH]) {
    for (const m of text.matchAll(re)) {
      const only = m[0].search(/the\s+only/i);
      if (only >= 0 && NOT_ME_AFTER.test(m[0].slice(only))) continue;
      if (TRIVIAL_ONLY.test(m[0])) continue;
      add(
        'unique-description',
        m.index,
        m.index + m[0].trimEnd().length,
        `Describes the only child who fits (${m[0].trim()})`,
      );
    }
  }
  for (const m of text.matchAll(ONLY_ME)) {
    const phrase = m[0].slice(m[0].search(/the\s+only/i));
    if (NOT_ME_AFTER.test(phrase) || TRIVIAL_ONLY.test(phrase)) continue;
    const start = m.index;
    add(
      'unique-description',
      start,
      start + m[0].trimEnd().length,
      `Describes the only child who fits (${m[0].trim()})`,
    );
  }
  for (const m of text.matchAll(ONLY_ONE_IN)) {
    if (/\bnot\s+$/i.test(text.slice(Math.max(0, m.index - 5), m.index))) continue; // "not the only one"
    if (TRIVIAL_ONLY.test(m[0])) continue;
    add(
      'unique-description',
      m.index,
      m.index + m[0].trimEnd().length,
      `Describes the only child who fits (${m[0].trim()})`,
    );
  }
}
