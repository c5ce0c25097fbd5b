// A council's own data as it has it: surveys beside forum meetings, council-wide measures,
// one-wording pledges.
export const councilMessages = {
  'sessionKind.legend': 'What are you logging?',
  'sessionKind.forum': 'A forum meeting',
  'sessionKind.survey': 'A survey, such as the yearly well-being survey',
  'sessionKind.title': 'Name of the survey (optional)',
  'sessionKind.year': 'Year of the survey',
  'sessionKind.yearHint': 'For example 2026, or 2025/26',
  'sessionKind.respondents': 'How many answered',
  'sessionKind.respondentsHint': 'A number only. Never write names.',
  'sessionKind.ageBands': 'Age bands the survey asked',
  'sessionKind.ageBandsHint': 'Select all that apply. Each comment’s age band is one of these.',
  'sessionKind.dateHint': 'The day the survey closed or its results came in, for example 12 6 2026',
  'sessionKind.date': 'Date of the survey',
  'sameWords.label': 'Use the same words for children',
  'sameWords.hint':
    'For words already written to the child. A participation worker still checks and approves them before children see them.',
  'measure.summary.trend.up': 'Up since the period before (a figure for context: not better or worse).',
  'measure.summary.trend.down': 'Down since the period before (a figure for context: not better or worse).',
  'measure.summary.context': 'for context, neither way is better',
  'measureForm.direction.context': 'Neither: it is for context, such as how many children are looked after',
} as const;
