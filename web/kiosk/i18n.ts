// The kiosk's own catalogue: every string it shows, in English and Welsh. Kept apart from the
// staff app's catalogue so the kiosk bundle stays tiny and ships both languages at once.
import { dateTimeWords, monthYearWords } from '../../server/domain/date-words.js';

export type Lang = 'en' | 'cy';

const en = {
  'app.title': 'Our promise to you',
  'app.skip': 'Skip to the main part',
  'lang.switch': 'Cymraeg',
  'lang.switchLabel': 'Newid i’r Gymraeg (switch to Welsh)',
  'nav.home': 'Start again',
  'nav.back': 'Back',
  'home.intro': 'What we promised, and what happened. Tap a group to see the promises.',
  'home.themesLabel': 'Groups of promises',
  'theme.rollup': '{name}: {onTrack} of {total} promises on track',
  'theme.rollupNone': '{name}: no promises yet',
  'theme.promisesLabel': 'Promises',
  'badge.new': 'New since your last forum',
  'badge.newCount': '{n} new since your last forum',
  'promise.onTrack': 'On track',
  'promise.notOnTrack': 'Not on track yet',
  'promise.notChecked': 'Not checked yet',
  'card.promise': 'Our promise',
  'card.youSaid': 'You said',
  'card.weWill': 'We will',
  'card.howWellKnow': 'How we’ll know',
  'card.whatHappened': 'What happened',
  'card.verdict': 'Did we keep this promise?',
  'youSaid.none': 'Nobody’s words are shown here yet.',
  'youSaid.who': '{group}, {month}',
  'weWill.none': 'We have not written down what we will do yet.',
  'weWill.by': 'By {month}',
  'howWellKnow.none': 'We have not said how we will check yet.',
  'howWellKnow.tooFew': 'Too few to show',
  'howWellKnow.chartLabel': 'Bar chart',
  'howWellKnow.target': 'We are aiming for {value}',
  'whatHappened.latest': 'Latest news',
  'whatHappened.none': 'Nothing to tell you yet.',
  'whatHappened.youSaidWeDid': 'You said: {youSaid}',
  'whatHappened.answerDid': 'We did it',
  'whatHappened.answerDoing': 'We are doing it',
  'whatHappened.answerCant': 'We can’t, and here’s why',
  'status.done': 'Done',
  'status.doing': 'Doing it',
  'status.not_started': 'Not started yet',
  'status.stuck': 'Stuck - here’s why',
  'status.cant': 'We can’t - here’s why',
  readAloud: 'Read aloud',
  'readAloud.stop': 'Stop reading',
  'readAloud.label': 'Read aloud: {title}',
  'welsh.missing': 'Not written in Welsh yet',
  'updated.at': 'Last updated {when}',
  'updated.offline': 'No internet right now. Showing what we saved last time.',
  'updated.stale': 'Connect to see the latest',
  loading: 'Loading…',
  'error.load': 'We could not load this. Ask a grown-up to check the internet.',
  'error.retry': 'Try again',
  'attract.title': 'Tap anywhere to start',
  'attract.label': 'Our promises, one by one',
  'vote.grownUps': 'For grown-ups: start voting',
  'vote.pinTitle': 'Start voting',
  'vote.pinLabel': 'PIN from the participation worker',
  'vote.pinHint': '6 numbers',
  'vote.pinGo': 'Start voting',
  'vote.pinWrong': 'That PIN is not right, or voting has ended.',
  'vote.pinTooMany': 'Too many tries. Wait ten minutes.',
  'vote.on': 'Voting is on.',
  'vote.startTurn': 'Start my turn',
  'vote.endTurn': 'I’ve finished my turn',
  'vote.turnHint': 'Tap "Start my turn", then choose for each promise.',
  'vote.kept': 'Kept',
  'vote.getting_there': 'Getting there',
  'vote.not_yet': 'Not yet',
  'vote.thanks': 'Thank you! You chose: {choice}',
  'vote.failed': 'Your vote did not send. Try again.',
  'vote.already': 'You’ve already told us – thank you!',
  'vote.full': 'Thanks! Everyone here has had their say on this promise.',
  'vote.ended': 'Voting has ended. Thank you!',
  'vote.stop': 'Stop voting on this screen',
  'footer.privacy': 'This screen does not keep anything about you.',
} as const;

export type MessageKey = keyof typeof en;

const cy: Record<MessageKey, string> = {
  'app.title': 'Ein haddewid i chi',
  'app.skip': 'Neidio i’r brif ran',
  'lang.switch': 'English',
  'lang.switchLabel': 'Switch to English (newid i’r Saesneg)',
  'nav.home': 'Dechrau eto',
  'nav.back': 'Yn ôl',
  'home.intro': 'Beth wnaethon ni ei addo, a beth ddigwyddodd. Tapiwch grŵp i weld yr addewidion.',
  'home.themesLabel': 'Grwpiau o addewidion',
  'theme.rollup': '{name}: {onTrack} o {total} addewid ar y trywydd iawn',
  'theme.rollupNone': '{name}: dim addewidion eto',
  'theme.promisesLabel': 'Addewidion',
  'badge.new': 'Newydd ers eich fforwm diwethaf',
  'badge.newCount': '{n} newydd ers eich fforwm diwethaf',
  'promise.onTrack': 'Ar y trywydd iawn',
  'promise.notOnTrack': 'Ddim ar y trywydd iawn eto',
  'promise.notChecked': 'Heb ei wirio eto',
  'card.promise': 'Ein haddewid',
  'card.youSaid': 'Dywedoch chi',
  'card.weWill': 'Byddwn ni’n',
  'card.howWellKnow': 'Sut byddwn ni’n gwybod',
  'card.whatHappened': 'Beth ddigwyddodd',
  'card.verdict': 'Wnaethon ni gadw’r addewid hwn?',
  'youSaid.none': 'Does dim geiriau neb yma eto.',
  'youSaid.who': '{group}, {month}',
  'weWill.none': 'Dydyn ni ddim wedi ysgrifennu beth fyddwn ni’n ei wneud eto.',
  'weWill.by': 'Erbyn {month}',
  'howWellKnow.none': 'Dydyn ni ddim wedi dweud sut byddwn ni’n gwirio eto.',
  'howWellKnow.tooFew': 'Rhy ychydig i’w ddangos',
  'howWellKnow.chartLabel': 'Siart bar',
  'howWellKnow.target': 'Rydyn ni’n anelu at {value}',
  'whatHappened.latest': 'Newyddion diweddaraf',
  'whatHappened.none': 'Dim byd i’w ddweud wrthoch chi eto.',
  'whatHappened.youSaidWeDid': 'Dywedoch chi: {youSaid}',
  'whatHappened.answerDid': 'Fe wnaethon ni hyn',
  'whatHappened.answerDoing': 'Rydyn ni’n gwneud hyn',
  'whatHappened.answerCant': 'Allwn ni ddim, a dyma pam',
  'status.done': 'Wedi’i wneud',
  'status.doing': 'Wrthi’n ei wneud',
  'status.not_started': 'Heb ddechrau eto',
  'status.stuck': 'Wedi mynd yn sownd - dyma pam',
  'status.cant': 'Allwn ni ddim - dyma pam',
  readAloud: 'Darllen yn uchel',
  'readAloud.stop': 'Stopio darllen',
  'readAloud.label': 'Darllen yn uchel: {title}',
  'welsh.missing': 'Heb ei ysgrifennu yn Gymraeg eto',
  'updated.at': 'Diweddarwyd ddiwethaf {when}',
  'updated.offline': 'Dim rhyngrwyd ar hyn o bryd. Yn dangos beth wnaethon ni ei gadw y tro diwethaf.',
  'updated.stale': 'Cysylltwch i weld y diweddaraf',
  loading: 'Wrthi’n llwytho…',
  'error.load': 'Doedden ni ddim yn gallu llwytho hwn. Gofynnwch i oedolyn wirio’r rhyngrwyd.',
  'error.retry': 'Rhoi cynnig arall arni',
  'attract.title': 'Tapiwch unrhyw le i ddechrau',
  'attract.label': 'Ein haddewidion, un ar y tro',
  'vote.grownUps': 'I oedolion: dechrau pleidleisio',
  'vote.pinTitle': 'Dechrau pleidleisio',
  'vote.pinLabel': 'PIN gan y gweithiwr cyfranogi',
  'vote.pinHint': '6 rhif',
  'vote.pinGo': 'Dechrau pleidleisio',
  'vote.pinWrong': 'Dydy’r PIN ddim yn iawn, neu mae’r pleidleisio wedi dod i ben.',
  'vote.pinTooMany': 'Gormod o gynigion. Arhoswch ddeg munud.',
  'vote.on': 'Mae pleidleisio ymlaen.',
  'vote.startTurn': 'Dechrau fy nhro',
  'vote.endTurn': 'Rydw i wedi gorffen fy nhro',
  'vote.turnHint': 'Tapiwch "Dechrau fy nhro", yna dewiswch ar gyfer pob addewid.',
  'vote.kept': 'Wedi’i gadw',
  'vote.getting_there': 'Yn dod yn agos',
  'vote.not_yet': 'Ddim eto',
  'vote.thanks': 'Diolch! Eich dewis: {choice}',
  'vote.failed': 'Wnaeth eich pleidlais ddim anfon. Rhowch gynnig arall arni.',
  'vote.already': 'Rydych chi wedi dweud wrthon ni’n barod – diolch!',
  'vote.full': 'Diolch! Mae pawb yma wedi dweud eu dweud am yr addewid hwn.',
  'vote.ended': 'Mae’r pleidleisio wedi dod i ben. Diolch!',
  'vote.stop': 'Stopio pleidleisio ar y sgrin hon',
  'footer.privacy': 'Dydy’r sgrin hon ddim yn cadw dim byd amdanoch chi.',
};

export const catalogues: Record<Lang, Record<MessageKey, string>> = { en, cy };

let current: Lang = 'en';

export function lang(): Lang {
  return current;
}

export function setLang(next: Lang) {
  current = next;
  document.documentElement.lang = next;
}

export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalogues[current][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** A piece of content in the chosen language, falling back to English with a marker. */
export function pick(english: string, welsh: string): { text: string; missingWelsh: boolean } {
  if (current === 'cy' && welsh.trim()) return { text: welsh, missingWelsh: false };
  return { text: english, missingWelsh: current === 'cy' };
}

/** "March 2026" / "Mawrth 2026" from 'YYYY-MM', from our own month names (not the browser's). */
export function monthName(yyyyMm: string): string {
  return monthYearWords(yyyyMm, current);
}

/** "1 December 2026 at 9:51pm" / "1 Rhagfyr 2026 am 21:51" in the council's time zone. */
export function dateTime(iso: string, timeZone?: string): string {
  return dateTimeWords(iso, current, timeZone);
}
