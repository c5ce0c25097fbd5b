// What a new install starts with. Councils change all of it through settings.
import type { AgeBand, Forum, QuorumRule, RagWording } from './schema.js';

export const DEFAULT_AGE_BANDS: AgeBand[] = [
  { id: '4-7', label: 'Age 4 to 7', childLabel: 'age 4-7' },
  { id: '8-11', label: 'Age 8 to 11', childLabel: 'age 8-11' },
  { id: '11-18', label: 'Age 11 to 18', childLabel: 'age 11-18' },
  { id: 'care-leaver', label: 'Care leaver (16 to 25)', childLabel: 'care leaver' },
  { id: 'mixed', label: 'Mixed ages', childLabel: 'young people' },
];

export const DEFAULT_FORUMS: Forum[] = [
  { id: 'cicc', name: 'Children in care council', audience: 'children_in_care', frequency: 'Monthly', active: true },
  {
    id: 'care-leavers',
    name: "Care leavers' forum",
    audience: 'care_leavers',
    frequency: 'Every school holiday',
    active: true,
  },
];

export const DEFAULT_RAG_WORDING: RagWording = {
  red: {
    label: 'Off track',
    meaning:
      'Serious problems: most actions are late or the measures are well short of target. The board needs a plan to recover.',
  },
  amber: {
    label: 'Some concerns',
    meaning: 'Progress is being made but some actions are late or a measure is below target.',
  },
  green: { label: 'On track', meaning: 'Actions are on time and the measures are at or close to target.' },
  blue: { label: 'Complete', meaning: 'Everything promised has been done and the change has lasted.' },
};

export const DEFAULT_QUORUM: QuorumRule = { minCouncillors: 3, minPartners: 1, minTotal: 5 };

export const DEFAULT_THEMES = [
  { name: 'Relationships', childName: 'People who matter to you', colour: '#1d70b8' },
  { name: 'Rights', childName: 'Your rights and your say', colour: '#4c2c92' },
  { name: 'Resilience', childName: 'Feeling well and bouncing back', colour: '#00703c' },
  // Dark enough for white text on it (server/domain/theme-colours.ts); #b58840 was 3.2:1.
  { name: 'Future', childName: 'Your future', colour: '#8a4a00' },
] as const;
/** The kiosk tile picture for each of DEFAULT_THEMES, in the same order. */
export const DEFAULT_THEME_ICONS = ['people', 'speech', 'heart', 'rocket'] as const;
