// Staff app strings for where Welsh is used: the council's "Use Welsh" setting and Welsh name,
// and the translator's list of Welsh still to write. Merged into the catalogue in messages.ts.
export const welshMessages = {
  'adminSettings.welsh': 'Welsh',
  'adminSettings.useWelsh': 'Use Welsh',
  'adminSettings.useWelshHint':
    'Children can switch the kiosk to Welsh and print Welsh sheets, and staff forms ask for Welsh words. On for councils in Wales.',
  'adminSettings.councilNameCy': 'Council name in Welsh',
  'adminSettings.councilNameCyHint': 'Shown on the Welsh kiosk and sheets. Leave empty to use the English name.',
  'sheet.language': 'Language of the sheet',
  'sheet.language.en': 'English',
  'sheet.language.cy': 'Cymraeg (Welsh)',
  'sheet.welshGaps':
    '{count} answers on this Welsh sheet are printed in English, because their Welsh is not written and approved yet.',
  // The Welsh sheet's own words, printed for the children.
  'sheet.cy.title': 'Dywedoch chi, fe wnaethon ni',
  'sheet.cy.since': 'Atebion ers {date}',
  'sheet.cy.allTime': 'Pob ateb hyd yma',
  'sheet.cy.youSaid': 'Dywedoch chi',
  'sheet.cy.weDid': 'Fe wnaethon ni',
  'sheet.cy.doing': 'Rydyn ni’n gwneud',
  'sheet.cy.cant': 'Allwn ni ddim, a dyma pam',
  'sheet.cy.empty': 'Dim atebion ers i’r fforwm gyfarfod ddiwethaf.',
  'kioskAdmin.parityDownload': 'Download the list for a translator (CSV)',
  'kioskAdmin.parityStale': 'Welsh may be out of date: the English changed after it',
} as const;
