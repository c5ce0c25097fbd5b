// The designated safeguarding lead (settings, and where a disclosure is flagged or read) and the
// notes of what happened next on a flagged item.
export const safeguardingMessages = {
  'safeguardingLead.title': 'Designated safeguarding lead',
  'safeguardingLead.intro':
    'Who participation workers tell at once about a possible disclosure of harm. It is shown wherever they flag one or read a flagged item.',
  'safeguardingLead.name': 'Name',
  'safeguardingLead.role': 'Role',
  'safeguardingLead.roleHint': 'For example, Designated safeguarding lead, children’s services',
  'safeguardingLead.phone': 'Phone number',
  'safeguardingLead.phoneHint': 'A number that is answered in working hours, such as 01632 960 123',
  'safeguardingLead.email': 'Email address',
  'safeguardingLead.save': 'Save the safeguarding lead',
  'safeguardingLead.saved': 'Safeguarding lead saved',
  'safeguardingLead.stale':
    'Someone else changed the settings after you opened this page. Reload the page to see their change, then save again.',
  'safeguardingLead.tell': 'Tell {name}, {role}, on',
  'safeguardingLead.tellNoPhone': 'Tell {name}, {role}',
  'safeguardingLead.byEmail': 'or email',
  'safeguardingLead.notNamed':
    'Your council has not named its designated safeguarding lead in Promise Tracker yet. Follow your council’s safeguarding procedure, and ask an administrator to add the lead in Admin, Settings.',

  'safeguardingNotes.title': 'What happened next',
  'safeguardingNotes.intro':
    'Only participation workers and admins can see these notes. They cannot be changed once added.',
  'safeguardingNotes.none': 'No notes yet.',
  'safeguardingNotes.by': '{name}, {when}',
  'safeguardingNotes.someone': 'A former member of staff',
  'safeguardingNotes.erased': 'The words of this note were erased.',
  'safeguardingNotes.add': 'Add a note',
  'safeguardingNotes.addHint':
    'What was done, who was told and what was decided. Keep to the facts; use no more of the child’s words than you need.',
  'safeguardingNotes.empty': 'Enter what happened next',
  'safeguardingNotes.save': 'Add note',
  'safeguardingNotes.failed': 'The note could not be added. Try again.',
} as const;
