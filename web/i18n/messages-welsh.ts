// Staff app strings for where Welsh is used: the council's "Use Welsh" setting and Welsh name,
// and the translator's list of Welsh still to write. Merged into the catalogue in messages.ts.
export const welshMessages = {
  'adminSettings.welsh': 'Welsh',
  'adminSettings.useWelsh': 'Use Welsh',
  'adminSettings.useWelshHint':
    'Children can switch the kiosk to Welsh and print Welsh sheets, and staff forms ask for Welsh words. On for councils in Wales.',
  'adminSettings.councilNameCy': 'Council name in Welsh',
  'adminSettings.councilNameCyHint': 'Shown on the Welsh kiosk and sheets. Leave empty to use the English name.',
  'kioskAdmin.parityDownload': 'Download the list for a translator (CSV)',
  'kioskAdmin.parityStale': 'Welsh may be out of date: the English changed after it',
} as const;
