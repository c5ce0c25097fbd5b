// Erasing a child's words, the retention period, and a staff member's data export.
export const privacyMessages = {
  'erase.title': 'Erase these words',
  'erase.lead':
    'Erase the child’s words if they ask you to, or if they were written down by mistake. The original words and the public words are removed from this item, its history and the public pages. The answer and the counts stay.',
  'erase.start': 'Erase the words',
  'erase.warning': 'You cannot undo this. Nobody will be able to get the words back.',
  'erase.reason': 'Why are you erasing the words?',
  'erase.reasonHint': 'For example, “The child asked us to”. Do not repeat the words: the reason is kept in the audit.',
  'erase.confirm': 'Yes, erase the words',
  'erase.cancel': 'Cancel',
  'erase.stale': 'Someone else changed this item. Reload the page to see their change, then erase the words again.',
  'erase.failed': 'The words could not be erased. Try again.',
  'erase.done': 'The words were erased on {when}.',
  'erase.doneHint':
    'What was erased and why is in the audit trail. Backups older than the backup period are deleted, so the words leave them too.',

  'retention.title': 'How long we keep children’s words',
  'retention.months': 'Months to keep the original words after an item’s loop closed',
  'retention.monthsHint':
    'A loop closes when the answer is fed back to the children. After this many months the original words are erased automatically; approved public words and all counts stay. 24 months unless you change it.',
  'retention.due': '{count} items would have their words erased at the next daily run.',
  'retention.dueOne': '1 item would have its words erased at the next daily run.',
  'retention.dueNone': 'No items are due for erasure at the next daily run.',
  'retention.save': 'Save how long we keep words',
  'retention.saved': 'Saved. Words are now kept for {months} months after an item’s loop closed.',
  'retention.notWhole': 'Enter a whole number of months, such as 24',
  'retention.failed': 'The setting could not be saved. Try again.',
  'retention.stale': 'Someone else changed the settings. Reload the page to see their change.',

  'userExport.link': 'Download everything held about {name} (JSON)',
  'userExport.hint':
    'For a subject access request: the account, sessions, audit entries and emails. No passwords or links that work.',
} as const;
