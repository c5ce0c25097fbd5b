// The children's pack's own words on the pack page, in English and in Welsh (the Welsh children's
// pack, for councils that use Welsh). The words inside it come from the snapshot, already approved.
export const CHILDREN_PACK_WORDS = {
  en: {
    title: 'What we promised you, and how it is going',
    from: (council: string, when: string) => `From ${council}. This is how things were on ${when}.`,
    toldUs: 'What you told us',
    nothingNew: 'Nothing new to share yet.',
    youSaid: 'You said',
    weWill: 'We will',
    stillWorking: 'We are still working out what to do.',
    weDid: 'We did',
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
    from: (council: string, when: string) => `Gan ${council}. Dyma sut oedd pethau ar ${when}.`,
    toldUs: 'Beth ddwedoch chi wrthon ni',
    nothingNew: 'Dim byd newydd i’w rannu eto.',
    youSaid: 'Dwedoch chi',
    weWill: 'Byddwn ni’n',
    stillWorking: 'Rydyn ni’n dal i benderfynu beth i’w wneud.',
    weDid: 'Gwnaethon ni',
    status: {
      done: 'Wedi’i wneud',
      doing: 'Wrthi’n ei wneud',
      not_started: 'Heb ddechrau eto',
      stuck: 'Yn sownd',
      cant: 'Allwn ni ddim gwneud hyn, a dyma pam',
    } as Record<string, string>,
  },
};
