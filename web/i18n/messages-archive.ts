// Archiving and restoring a commitment ("action") or a measure: what it does, in plain words.
export const archiveMessages = {
  'archive.tag': 'Archived',
  'archive.measure.editLink': 'Edit or archive this measure',
  'archive.commitment.heading': 'Archive this action',
  'archive.measure.heading': 'Archive this measure',
  'archive.commitment.intro': 'Archive an action the council no longer needs, for example one replaced by another.',
  'archive.measure.intro': 'Archive a measure the council no longer needs, for example one replaced by another.',
  'archive.commitment.button': 'Archive this action',
  'archive.measure.button': 'Archive this measure',
  'archive.commitment.warning':
    'Archiving takes this action off the board’s figures and the children’s kiosk. Its history is kept, and you can restore it from the promise page.',
  'archive.measure.warning':
    'Archiving takes this measure off the board’s figures and the children’s kiosk. Its figures are kept, and you can restore it from the promise page.',
  'archive.commitment.confirm': 'Yes, archive this action',
  'archive.measure.confirm': 'Yes, archive this measure',
  'archive.cancel': 'Cancel',
  'archive.commitment.archivedText':
    'This action is archived. It is not on the board’s figures or the children’s kiosk. Its history is kept.',
  'archive.measure.archivedText':
    'This measure is archived. It is not on the board’s figures or the children’s kiosk. Its figures are kept.',
  'archive.commitment.restore': 'Restore this action',
  'archive.measure.restore': 'Restore this measure',
  'archive.commitment.archived': 'Action archived',
  'archive.measure.archived': 'Measure archived',
  'archive.commitment.restored': 'Action restored. It is back on the board’s figures and the children’s kiosk.',
  'archive.measure.restored': 'Measure restored. It is back on the board’s figures and the children’s kiosk.',
  'archive.listTitle': 'Archived actions and measures',
  'archive.listIntro': 'These are not on the board’s figures or the children’s kiosk. Restore one to bring it back.',
  'archive.col.kind': 'Kind',
  'archive.col.name': 'Name',
  'archive.col.state': 'State',
  'archive.col.restore': 'Restore',
  'archive.kind.commitment': 'Action',
  'archive.kind.measure': 'Measure',
  'archive.restoreButton': 'Restore',
  'archive.listCaption': 'Archived actions and measures under this promise',
  'archive.conflict': 'Someone else changed this since the page opened. The list now shows their version: try again.',
} as const;
