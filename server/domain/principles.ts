// The legal frame a promise can be tagged with: England's seven corporate parenting principles
// (Children and Social Work Act 2017, s.1) or the national well-being outcomes under the Social
// Services and Well-being (Wales) Act 2014. Summaries are ours, in plain words.
export type Principle = { code: string; summary: string };

export const ENGLAND_PRINCIPLES: readonly Principle[] = [
  { code: 'E1', summary: 'Act in their best interests and promote their health and well-being' },
  { code: 'E2', summary: 'Encourage them to express their views, wishes and feelings' },
  { code: 'E3', summary: 'Take their views, wishes and feelings into account' },
  { code: 'E4', summary: 'Help them gain access to and make the best use of services' },
  { code: 'E5', summary: 'Promote high aspirations and seek the best outcomes for them' },
  {
    code: 'E6',
    summary: 'Help them be safe and have stability in their home lives, relationships, education and work',
  },
  { code: 'E7', summary: 'Prepare them for adulthood and independent living' },
];

export const WALES_OUTCOMES: readonly Principle[] = [
  { code: 'W1', summary: 'Securing rights and entitlements' },
  { code: 'W2', summary: 'Physical and mental health and emotional well-being' },
  { code: 'W3', summary: 'Protection from abuse and neglect' },
  { code: 'W4', summary: 'Education, training and recreation' },
  { code: 'W5', summary: 'Domestic, family and personal relationships' },
  { code: 'W6', summary: 'Contribution made to society' },
  { code: 'W7', summary: 'Social and economic well-being' },
  { code: 'W8', summary: 'Suitability of living accommodation' },
];

export function principlesFor(nation: 'england' | 'wales'): readonly Principle[] {
  return nation === 'wales' ? WALES_OUTCOMES : ENGLAND_PRINCIPLES;
}
