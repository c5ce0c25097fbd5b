// The one message catalogue. Every string the staff app shows goes through t('key'), so the
// kiosk and, later, the staff app can be offered in Welsh by adding a `cy` catalogue.
// Each workflow keeps its own strings in a file beside this one; they are all merged here.
import { feedbackMessages } from './messages-feedback.js';
import { actionsMessages } from './messages-actions.js';
import { boardMessages } from './messages-board.js';
import { kioskAdminMessages } from './messages-kiosk-admin.js';
import { adminMessages } from './messages-admin.js';
import { archiveMessages } from './messages-archive.js';
import { linkingMessages } from './messages-linking.js';
import { accessMessages } from './messages-access.js';
import { workersMessages } from './messages-workers.js';
import { privacyMessages } from './messages-privacy.js';
import { reminderMessages } from './messages-reminders.js';
import { welshMessages } from './messages-welsh.js';
import { councilMessages } from './messages-council.js';
import { safeguardingMessages } from './messages-safeguarding.js';

const core = {
  'app.name': 'Promise Tracker',
  'app.skip': 'Skip to main content',
  'app.loading': 'Loading…',
  'app.footer': 'Promise Tracker: you said, we will, how we’ll know, we did.',
  'header.signedInAs': 'Signed in as {name}',
  'header.signOut': 'Sign out',
  'nav.label': 'Main',
  'nav.promises': 'Promises',
  'nav.feedback': 'Feedback',
  'nav.actions': 'Actions',
  'nav.board': 'Board',
  'nav.kiosk': 'Kiosk',
  'nav.admin': 'Admin',

  'signIn.title': 'Sign in',
  'signIn.email': 'Email address',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.signedOut': 'You have signed out.',
  'signIn.failed': 'Enter a correct email address and password.',
  'signIn.emailMissing': 'Enter your email address',
  'signIn.passwordMissing': 'Enter your password',

  'sessionEnded.title': 'Your session has ended',
  'sessionEnded.body': 'You were signed out, perhaps because you had not used Promise Tracker for a while.',
  'sessionEnded.nothingKept': 'Anything you had not saved has not been kept.',
  'sessionEnded.sessionKept':
    'The forum session items you were typing are kept on this device. Sign in again on this device to save them.',
  'sessionEnded.restNotKept': 'Other changes you had not saved, on any other page, have not been kept.',
  'sessionEnded.maybeKept':
    'Forum session items typed on this device are kept until they are saved: sign in again on this device to find them. Other changes you had not saved have not been kept.',
  'sessionEnded.signIn': 'Sign in again',

  'notFound.title': 'Page not found',
  'notFound.body':
    'If you typed the web address, check it is correct. If you pasted it, check you copied the entire address.',
  'notFound.home': 'Go to the list of promises',
  'forbidden.title': 'You cannot see this page',
  'forbidden.body': 'Your account does not give you access to this page. Ask an administrator if you need it.',

  'admin.title': 'Admin',
  'admin.themes': 'Themes',
  'admin.themesCaption': 'Themes that promises are grouped under',
  'admin.addTheme': 'Add a theme',
  'admin.addPromise': 'Add a promise',
  'admin.edit': 'Edit',
  'admin.editThe': 'Edit {name}',
  'admin.more': 'Accounts, council settings and the audit log will be managed here too; those pages are not built yet.',

  'state.loading': 'Loading…',
  'state.error': 'Sorry, there is a problem',
  'state.retry': 'Try again',
  'state.empty': 'Nothing here yet',
  'download.failed':
    'This file could not be made just now. Try again in a few minutes; if it keeps happening, tell whoever looks after Promise Tracker.',

  'error.summaryTitle': 'There is a problem',
  'error.prefix': 'Error:',
  'error.generic': 'Something went wrong. Try again.',
  'error.network': 'Promise Tracker could not reach the server. Check your connection and try again.',

  'rag.red': 'Red',
  'rag.amber': 'Amber',
  'rag.green': 'Green',
  'rag.blue': 'Blue (done)',
  'rag.none': 'Not rated',
  'trend.better': 'Better',
  'trend.same': 'No change',
  'trend.worse': 'Worse',
  'trend.new': 'New rating',
  'trend.label': 'Trend since last review: {trend}',

  'table.sortAscending': 'sorted ascending',
  'table.sortDescending': 'sorted descending',

  'charCount.remaining': 'You have {n} characters remaining',
  'charCount.remainingOne': 'You have 1 character remaining',
  'charCount.over': 'You have {n} characters too many',
  'charCount.overOne': 'You have 1 character too many',

  'date.day': 'Day',
  'date.month': 'Month',
  'date.year': 'Year',

  'progress.label': '{n}% complete',

  'promises.title': 'Promises',
  'promises.intro':
    'Every promise we made to our children, grouped by theme, with its latest RAG rating from the board.',
  'promises.empty': 'There are no promises yet.',
  'promises.emptyAdmin': 'Add a theme, then add the first promise under it.',
  'promises.caption': '{theme}: {n} promises',
  'promises.captionOne': '{theme}: 1 promise',
  'promises.col.promise': 'Promise',
  'promises.col.rag': 'Latest RAG',
  'promises.col.trend': 'Trend',
  'promises.col.commitments': 'Commitments',
  'promises.col.overdue': 'Overdue',
  'promises.col.feedback': 'Feedback',
  'promises.totals': '{promises} promises in {themes} themes',
  'promises.noneInTheme': 'No promises under this theme yet.',

  'promise.back': 'Back to promises',
  'promise.edit': 'Edit this promise',
  'promise.childWording': 'In children’s words',
  'promise.details': 'Details',
  'promise.theme': 'Theme',
  'promise.owner': 'Owner',
  'promise.noOwner': 'No owner yet',
  'promise.audience': 'Who it is for',
  'promise.linkChampion': 'Link champion',
  'promise.strategyPeriod': 'Strategy period',
  'promise.principles': 'Principles',
  'promise.none': 'None',
  'promise.youSaid': 'You said',
  'promise.youSaidEmpty': 'No feedback is linked to this promise yet.',
  'promise.youSaidMore': 'Showing the newest {shown} of {total}.',
  'words.notYetChecked': 'Not yet checked',
  'promise.weWill': 'We will',
  'promise.weWillEmpty': 'No commitments have been made under this promise yet.',
  'promise.weWillCaption': 'Commitments under this promise',
  'promise.col.commitment': 'Commitment',
  'promise.col.owner': 'Owner',
  'promise.col.due': 'Due',
  'promise.col.status': 'Status',
  'promise.col.progress': 'Progress',
  'promise.overdue': 'Overdue',
  'promise.howWeWillKnow': 'How we’ll know',
  'promise.howWeWillKnowEmpty': 'No measures or evidence have been added yet.',
  'promise.measure.baseline': 'Baseline',
  'promise.measure.target': 'Target',
  'promise.measure.latest': 'Latest',
  'promise.measure.suppressed': 'Too few to show',
  'promise.weDid': 'We did',
  'promise.wordsNotShown': 'Words not shown',
  'promise.weDidEmpty': 'No answers have gone back to children yet.',
  'promise.ragHistory': 'RAG history',
  'promise.ragSuggested': 'What the evidence suggests',
  'promise.ragSuggestedLede':
    'Worked out from the actions, the measures and how quickly children’s words were answered. The board decides the rating.',
  'promise.ragDisagrees': 'This differs from the board’s last rating.',
  'promise.ragSuggestedError': 'The suggestion could not be worked out just now.',
  'promise.ragHistoryEmpty': 'The board has not rated this promise yet.',
  'promise.col.meeting': 'Meeting',
  'promise.col.date': 'Date',
  'promise.col.rating': 'Rating',
  'promise.col.rationale': 'Why',
  'promise.response.did': 'We did it',
  'promise.response.doing': 'We are doing it',
  'promise.response.cant': 'We can’t, and here is why',
  'promise.status.not_started': 'Not started',
  'promise.status.on_track': 'On track',
  'promise.status.at_risk': 'At risk',
  'promise.status.off_track': 'Off track',
  'promise.status.done': 'Done',
  'promise.status.dropped': 'Dropped',
  'audience.children_in_care': 'Children in care',
  'audience.care_leavers': 'Care leavers',
  'audience.both': 'Children in care and care leavers',

  'form.save': 'Save',
  'form.cancel': 'Cancel',
  'form.saved': 'Saved.',
  'form.optional': '(optional)',
  'form.conflictTitle': 'Someone else changed this',
  'form.conflictBody':
    'Someone else saved a change after you opened this page. Their version is shown below and is now in the form; check it, make your change again and save.',
  'form.theirVersion': 'Their version',

  'promiseForm.createTitle': 'Add a promise',
  'promiseForm.editTitle': 'Edit a promise',
  'promiseForm.theme': 'Theme',
  'promiseForm.chooseTheme': 'Choose a theme',
  'promiseForm.staffText': 'Promise (staff wording)',
  'promiseForm.staffTextHint': 'How the council writes this promise in plans and board papers.',
  'promiseForm.childText': 'Promise in children’s words',
  'promiseForm.childTextHint': 'How children would say it. This is what the kiosk shows.',
  'promiseForm.staffTextCy': 'Promise in Welsh (staff wording)',
  'promiseForm.childTextCy': 'Promise in Welsh (children’s words)',
  'promiseForm.audience': 'Who is this promise for?',
  'promiseForm.owner': 'Owner',
  'promiseForm.noOwner': 'No owner yet',
  'promiseForm.linkChampion': 'Link champion',
  'promiseForm.linkChampionHint': 'The councillor who champions this promise, if your board uses link champions.',
  'promiseForm.strategyPeriod': 'Strategy period',
  'promiseForm.strategyPeriodHint': 'For example, 2025 to 2028.',
  'promiseForm.sortOrder': 'Position in its theme',
  'promiseForm.created': 'Promise added.',
  'promiseForm.updated': 'Promise updated.',

  'themeForm.createTitle': 'Add a theme',
  'themeForm.editTitle': 'Edit a theme',
  'themeForm.name': 'Theme name (staff wording)',
  'themeForm.childName': 'Theme name in children’s words',
  'themeForm.nameCy': 'Theme name in Welsh (staff wording)',
  'themeForm.childNameCy': 'Theme name in Welsh (children’s words)',
  'themeForm.sortOrder': 'Position in the list',
  'themeForm.colour': 'Colour',
  'themeForm.colourHint': 'A hex colour such as #1d70b8. It is always shown beside the theme’s name.',
  'themeForm.archived': 'Archive this theme',
  'themeForm.created': 'Theme “{name}” added.',
  'themeForm.updated': 'Theme “{name}” saved.',
  'themeForm.savedHeading': 'Success',
  'themeForm.colourHintNew':
    'Leave empty to get the next colour no theme uses yet, or type a hex colour such as #1d70b8. It is always shown beside the theme’s name.',
  'themeForm.colourNow': 'Colour {colour}',
} as const;

const en = {
  ...core,
  ...feedbackMessages,
  ...actionsMessages,
  ...boardMessages,
  ...kioskAdminMessages,
  ...adminMessages,
  ...archiveMessages,
  ...linkingMessages,
  ...accessMessages,
  ...workersMessages,
  ...privacyMessages,
  ...reminderMessages,
  ...welshMessages,
  ...councilMessages,
  ...safeguardingMessages,
};

export type MessageKey = keyof typeof en;

// The staff app is in English; the kiosk carries its own Welsh (web/kiosk). A Welsh staff app
// would add a catalogue here with a missing key falling back to English.
/** The message for `key`, with `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = en[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
