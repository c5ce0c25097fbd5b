// The children's pack's own words, in English and in Welsh: one list for the pack page (web) and
// the printed pack (server/pdf), so the two never say different things. A plain list without zod,
// so the web page can import it without bringing zod along. The words inside a pack (promises,
// quotes, updates) come from its snapshot, already approved.

export const CHILDREN_PACK_WORDS = {
  en: {
    title: 'What we promised you, and how it is going',
    titleAsAt: (when: string) => `What we promised you: as at ${when}`,
    from: (council: string, when: string) => `From ${council}. This is how things were on ${when}.`,
    toldUs: 'What you told us',
    nothingNew: 'Nothing new to share yet.',
    youSaid: 'You said',
    weWill: 'We will',
    stillWorking: 'We are still working out what to do.',
    weDid: 'We did',
    /** The footer's "Page 3 of 7": the words before the page number and before the total. */
    pageOf: ['Page', 'of'],
    status: {
      done: 'Done',
      doing: 'Doing it',
      not_started: 'Not started yet',
      stuck: 'Stuck',
      cant: "We can't do this, here's why",
    } as Record<string, string>,
  },
  cy: {
    title: 'Beth wnaethon ni ei addo i chi, a sut mae’n mynd',
    titleAsAt: (when: string) => `Beth wnaethon ni ei addo i chi: fel yr oedd ar ${when}`,
    from: (council: string, when: string) => `Gan ${council}. Dyma sut oedd pethau ar ${when}.`,
    toldUs: 'Beth ddwedoch chi wrthon ni',
    nothingNew: 'Dim byd newydd i’w rannu eto.',
    youSaid: 'Dwedoch chi',
    weWill: 'Byddwn ni’n',
    stillWorking: 'Rydyn ni’n dal i benderfynu beth i’w wneud.',
    weDid: 'Gwnaethon ni',
    pageOf: ['Tudalen', 'o'],
    status: {
      done: 'Wedi’i wneud',
      doing: 'Wrthi’n ei wneud',
      not_started: 'Heb ddechrau eto',
      stuck: 'Yn sownd',
      cant: 'Allwn ni ddim gwneud hyn, a dyma pam',
    } as Record<string, string>,
  },
} as const;
