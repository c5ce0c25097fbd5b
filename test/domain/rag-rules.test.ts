import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RAG_THRESHOLDS,
  describeRules,
  suggestRag,
  type RagCommitment,
  type RagFeedback,
  type RagInput,
  type RagMeasure,
  type Reason,
} from '../../server/domain/rag-rules.js';

const TODAY = '2026-06-15';

// An action that is on time and freshly updated, so each test changes only what it is about.
const action = (over: Partial<RagCommitment> = {}): RagCommitment => ({
  title: 'Action',
  status: 'on_track',
  dueDate: '2026-12-31',
  lastUpdateAt: '2026-06-01T09:00:00.000Z',
  ...over,
});
const actionsOf = (n: number, over: Partial<RagCommitment> = {}) =>
  Array.from({ length: n }, (_, i) => action({ title: `Action ${i + 1}`, ...over }));

const measure = (over: Partial<RagMeasure> & { figures?: (number | null)[] } = {}): RagMeasure => {
  const { figures = [], ...rest } = over;
  return {
    name: 'Placement stability',
    unit: 'percent',
    direction: 'higher',
    target: null,
    baseline: null,
    values: figures.map((value, i) => ({ period: `2025-Q${i + 1}`, value })),
    ...rest,
  };
};

// Heard on a date and still unanswered.
const heard = (heardOn: string, respondedOn: string | null = null): RagFeedback => ({ heardOn, respondedOn });

const suggest = (input: Partial<RagInput>) =>
  suggestRag({ today: TODAY, commitments: [], measures: [], feedback: [], ...input });
const ofRule = (reasons: Reason[], rule: Reason['rule']) => reasons.filter((r) => r.rule === rule);
const only = (reasons: Reason[], rule: Reason['rule']) => {
  const found = ofRule(reasons, rule);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('an empty promise', () => {
  it('is amber, because progress cannot be shown', () => {
    expect(suggest({})).toEqual({
      rating: 'amber',
      reasons: [
        {
          rule: 'empty',
          rating: 'amber',
          text: 'Nothing recorded yet: no actions or measures, so progress cannot be shown',
          about: [],
        },
      ],
    });
  });

  it('is never green without actions, however good its figures, and says so first', () => {
    const result = suggest({ measures: [measure({ target: 90, figures: [92, 95] })] });
    expect(result.rating).toBe('amber');
    expect(result.reasons[0]).toEqual({
      rule: 'empty',
      rating: 'amber',
      text: 'Nothing recorded yet: no actions, so figures alone cannot show the promise is being kept',
      about: [],
    });
    // The figures' own reasons still follow, so the board sees the good news too.
    expect(result.reasons.map((r) => [r.rule, r.rating])).toEqual([
      ['empty', 'amber'],
      ['target', 'green'],
      ['trend', 'green'],
    ]);
  });

  it('puts "Nothing recorded yet" before a red reason too', () => {
    const result = suggest({ measures: [measure({ target: 90, figures: [70] })] });
    expect(result.rating).toBe('red');
    expect(result.reasons.map((r) => [r.rule, r.rating])).toEqual([
      ['empty', 'amber'],
      ['target', 'red'],
    ]);
  });

  it('leaves out "Nothing recorded yet" once there is an action', () => {
    const result = suggest({ commitments: actionsOf(1), measures: [measure({ target: 90, figures: [95] })] });
    expect(result.rating).toBe('green');
    expect(ofRule(result.reasons, 'empty')).toEqual([]);
  });

  it('counts a promise whose every action was dropped as empty', () => {
    const result = suggest({ commitments: actionsOf(2, { status: 'dropped' }) });
    expect(result.rating).toBe('amber');
    expect(result.reasons.map((r) => r.rule)).toEqual(['empty']);
  });

  it('is amber when its only measures have no target and too few figures for a trend', () => {
    const result = suggest({ measures: [measure({ figures: [70] })] });
    expect(result).toEqual({
      rating: 'amber',
      reasons: [
        {
          rule: 'empty',
          rating: 'amber',
          text: 'Nothing recorded yet: no actions, so figures alone cannot show the promise is being kept',
          about: [],
        },
      ],
    });
  });

  it('still shows children waiting, and their red wins', () => {
    const late = ['2026-01-01', '2026-02-01', '2026-03-01', '2026-03-15', '2026-04-01'].map((d) => heard(d));
    const result = suggest({ feedback: late });
    expect(result.rating).toBe('red');
    expect(result.reasons.map((r) => [r.rule, r.rating])).toEqual([
      ['empty', 'amber'],
      ['feedback', 'red'],
    ]);
  });
});

describe('actions overdue or off track', () => {
  it('is green with a reason when every action is on time', () => {
    const result = suggest({ commitments: actionsOf(4) });
    expect(result.rating).toBe('green');
    expect(result.reasons).toEqual([{ rule: 'delivery', rating: 'green', text: 'All 4 actions on time', about: [] }]);
    expect(only(suggest({ commitments: actionsOf(1) }).reasons, 'delivery').text).toBe('The 1 action is on time');
  });

  it('counts an action due yesterday as overdue, and one due today as not', () => {
    expect(only(suggest({ commitments: [action({ dueDate: TODAY })] }).reasons, 'delivery').rating).toBe('green');
    const late = only(suggest({ commitments: [action({ dueDate: '2026-06-14' })] }).reasons, 'delivery');
    expect(late).toMatchObject({ rating: 'red', text: '1 of 1 action overdue' });
  });

  it('says "2 of 5 actions overdue", naming them, and 40% is amber by default', () => {
    const commitments = [
      ...actionsOf(3),
      action({ title: 'Sibling contact plan', dueDate: '2026-05-31' }),
      action({ title: 'Advocacy leaflet', status: 'not_started', dueDate: '2026-06-01' }),
    ];
    const result = suggest({ commitments });
    expect(result.rating).toBe('amber');
    expect(only(result.reasons, 'delivery')).toEqual({
      rule: 'delivery',
      rating: 'amber',
      text: '2 of 5 actions overdue',
      about: ['Sibling contact plan', 'Advocacy leaflet'],
    });
  });

  it('names off-track actions, and counts an action both overdue and off track once', () => {
    const offTrack = suggest({ commitments: [...actionsOf(9), action({ status: 'off_track' })] });
    expect(only(offTrack.reasons, 'delivery').text).toBe('1 of 10 actions off track');
    const both = suggest({
      commitments: [
        ...actionsOf(8),
        action({ title: 'Late', dueDate: '2026-01-01' }),
        action({ title: 'Late and off track', status: 'off_track', dueDate: '2026-01-01' }),
      ],
    });
    expect(only(both.reasons, 'delivery')).toMatchObject({
      text: '2 of 10 actions overdue or off track',
      about: ['Late', 'Late and off track'],
    });
  });

  it('does not count done actions as overdue, and leaves dropped actions out of the count', () => {
    const commitments = [
      action({ status: 'done', dueDate: '2026-01-01' }),
      action({ status: 'dropped', dueDate: '2026-01-01' }),
      action({ status: 'dropped' }),
      action(),
    ];
    expect(only(suggest({ commitments }).reasons, 'delivery').text).toBe('All 2 actions on time');
  });

  it('turns red at exactly the red share (50%), amber one action below, red one above', () => {
    const rate = (late: number) =>
      only(
        suggest({ commitments: [...actionsOf(late, { dueDate: '2026-06-01' }), ...actionsOf(100 - late)] }).reasons,
        'delivery',
      ).rating;
    expect(DEFAULT_RAG_THRESHOLDS.deliveryRedPercent).toBe(50);
    expect(rate(49)).toBe('amber');
    expect(rate(50)).toBe('red');
    expect(rate(51)).toBe('red');
    // The same edge with few actions: 1 of 2 is 50%, 1 of 3 is not.
    expect(
      only(suggest({ commitments: [action({ status: 'off_track' }), ...actionsOf(1)] }).reasons, 'delivery').rating,
    ).toBe('red');
    expect(
      only(suggest({ commitments: [action({ status: 'off_track' }), ...actionsOf(2)] }).reasons, 'delivery').rating,
    ).toBe('amber');
  });

  it('turns amber at any one action by default, and at exactly a configured amber share', () => {
    const rate = (late: number, thresholds = {}) =>
      only(
        suggest({
          thresholds,
          commitments: [...actionsOf(late, { status: 'off_track' }), ...actionsOf(100 - late)],
        }).reasons,
        'delivery',
      ).rating;
    expect(rate(0)).toBe('green');
    expect(rate(1)).toBe('amber');
    const tenPercent = { deliveryAmberPercent: 10 };
    expect(rate(9, tenPercent)).toBe('green');
    expect(rate(10, tenPercent)).toBe('amber');
    expect(rate(11, tenPercent)).toBe('amber');
  });
});

describe('actions at risk', () => {
  it('is amber and names them, in the singular and the plural', () => {
    const one = suggest({ commitments: [action({ title: 'Wi-Fi in homes', status: 'at_risk' }), ...actionsOf(3)] });
    expect(one.rating).toBe('amber');
    expect(only(one.reasons, 'atRisk')).toEqual({
      rule: 'atRisk',
      rating: 'amber',
      text: '1 action is at risk, its owner says',
      about: ['Wi-Fi in homes'],
    });
    const two = suggest({ commitments: actionsOf(2, { status: 'at_risk' }) });
    expect(only(two.reasons, 'atRisk').text).toBe('2 actions are at risk, their owners say');
    // At risk is not off track: the delivery rule still sees both on time.
    expect(only(two.reasons, 'delivery').rating).toBe('green');
  });
});

describe('stale updates', () => {
  // 2026-04-16 to 2026-06-15 is 14 + 31 + 15 = 60 days.
  it('is stale only after more than 60 days: 59 and 60 are fresh, 61 is stale', () => {
    const staleOn = (lastUpdateAt: string) =>
      ofRule(suggest({ commitments: [action({ lastUpdateAt })] }).reasons, 'stale');
    expect(DEFAULT_RAG_THRESHOLDS.staleAfterDays).toBe(60);
    expect(staleOn('2026-04-17')).toEqual([]);
    expect(staleOn('2026-04-16')).toEqual([]);
    expect(staleOn('2026-04-15')).toEqual([
      {
        rule: 'stale',
        rating: 'amber',
        text: '1 action has had no update for over 60 days',
        about: ['Action'],
      },
    ]);
  });

  it('says how many, and makes the promise amber, never red', () => {
    const result = suggest({
      commitments: [...actionsOf(3, { lastUpdateAt: '2026-01-10T10:00:00.000Z' }), action({ title: 'Fresh' })],
    });
    expect(result.rating).toBe('amber');
    expect(only(result.reasons, 'stale')).toMatchObject({
      rating: 'amber',
      text: '3 actions have had no update for over 60 days',
      about: ['Action 1', 'Action 2', 'Action 3'],
    });
  });

  it("reads a stored instant as a date in the council's time zone", () => {
    // 23:30 UTC on 15 April is 00:30 on 16 April in London (summer time): 60 days, not 61.
    const late = [action({ lastUpdateAt: '2026-04-15T23:30:00.000Z' })];
    expect(ofRule(suggest({ commitments: late }).reasons, 'stale')).toEqual([]);
    expect(ofRule(suggest({ commitments: late, timeZone: 'UTC' }).reasons, 'stale')).toHaveLength(1);
  });

  it('uses when the action was made until its first update, and calls an action with neither stale', () => {
    const staleOf = (over: Partial<RagCommitment>) =>
      ofRule(suggest({ commitments: [action({ lastUpdateAt: null, ...over })] }).reasons, 'stale');
    expect(staleOf({ createdAt: '2026-06-10T08:00:00.000Z' })).toEqual([]);
    expect(staleOf({ createdAt: '2026-04-01T08:00:00.000Z' })).toHaveLength(1);
    expect(staleOf({})).toHaveLength(1);
  });

  it('ignores done and dropped actions, and follows a configured number of days', () => {
    const old = '2025-01-01';
    expect(
      ofRule(
        suggest({
          commitments: [
            action({ status: 'done', lastUpdateAt: old }),
            action({ status: 'dropped', lastUpdateAt: old }),
          ],
        }).reasons,
        'stale',
      ),
    ).toEqual([]);
    // 2026-05-16 is 30 days before today; 2026-05-15 is 31.
    const thresholds = { staleAfterDays: 30 };
    expect(
      ofRule(suggest({ thresholds, commitments: [action({ lastUpdateAt: '2026-05-16' })] }).reasons, 'stale'),
    ).toEqual([]);
    expect(
      only(suggest({ thresholds, commitments: [action({ lastUpdateAt: '2026-05-15' })] }).reasons, 'stale').text,
    ).toBe('1 action has had no update for over 30 days');
  });
});

describe('measures against target', () => {
  const stability = (latest: number | null, over: Partial<RagMeasure> = {}) =>
    measure({ target: 90, baseline: 75, figures: [latest], ...over });
  const target = (m: RagMeasure, thresholds = {}) => only(suggest({ thresholds, measures: [m] }).reasons, 'target');

  it('explains a shortfall in points for a percentage: 8 points below is amber', () => {
    expect(target(stability(82))).toEqual({
      rule: 'target',
      rating: 'amber',
      text: 'Placement stability is 8 points below target (target 90%, latest 82%)',
      about: ['Placement stability'],
    });
    expect(target(stability(89)).text).toBe('Placement stability is 1 point below target (target 90%, latest 89%)');
  });

  it('turns red at exactly 10 points: 9 is amber, 10 and 11 are red', () => {
    expect(DEFAULT_RAG_THRESHOLDS.gapRedPoints).toBe(10);
    expect(target(stability(81)).rating).toBe('amber');
    expect(target(stability(80)).rating).toBe('red');
    expect(target(stability(79)).rating).toBe('red');
  });

  it('turns amber at exactly a configured tolerance in points', () => {
    const thresholds = { gapAmberPoints: 2 };
    expect(target(stability(89), thresholds).rating).toBe('green');
    expect(target(stability(88), thresholds).rating).toBe('amber');
    expect(target(stability(87), thresholds).rating).toBe('amber');
    // With the default of 0, any shortfall is amber, however small.
    expect(target(stability(89.9)).rating).toBe('amber');
  });

  it('is green when the target is met or beaten', () => {
    expect(target(stability(90))).toMatchObject({
      rating: 'green',
      text: 'Placement stability meets its target (target 90%, latest 90%)',
    });
    expect(target(stability(93.5)).text).toBe('Placement stability meets its target (target 90%, latest 93.5%)');
  });

  it('when lower is better, being above the target is the shortfall', () => {
    const missing = (latest: number) =>
      measure({ name: 'Children missing from home', direction: 'lower', target: 10, figures: [latest] });
    expect(target(missing(13))).toMatchObject({
      rating: 'amber',
      text: 'Children missing from home is 3 points above target (target 10%, latest 13%, lower is better)',
    });
    expect(target(missing(20)).rating).toBe('red');
    expect(target(missing(19)).rating).toBe('amber');
    expect(target(missing(8))).toMatchObject({ rating: 'green', text: expect.stringContaining('meets its target') });
  });

  it('judges counts and scores relative to the target: red at exactly 20% short', () => {
    const inWork = (latest: number) =>
      measure({ name: 'Care leavers in work or training', unit: 'count', target: 50, figures: [latest] });
    expect(target(inWork(41)).rating).toBe('amber'); // 9 short: 18%
    expect(target(inWork(40))).toMatchObject({
      rating: 'red', // 10 short: 20%
      text: 'Care leavers in work or training is 10 below target (target 50, latest 40, 20% off target)',
    });
    expect(target(inWork(39)).rating).toBe('red'); // 22%
    // Lower is better: 25 against a target of 20 is 5 above, 25% off.
    const exclusions = (latest: number) =>
      measure({ name: 'School exclusions', unit: 'count', direction: 'lower', target: 20, figures: [latest] });
    expect(target(exclusions(25))).toMatchObject({
      rating: 'red',
      text: 'School exclusions is 5 above target (target 20, latest 25, 25% off target, lower is better)',
    });
    expect(target(exclusions(23)).rating).toBe('amber'); // 15%
    // A score: 6 against 7.5 is 1.5 short, exactly 20%, with no floating-point escape.
    const score = (latest: number) => measure({ name: 'Feeling safe', unit: 'score', target: 7.5, figures: [latest] });
    expect(target(score(6)).rating).toBe('red');
    expect(target(score(6.1)).rating).toBe('amber');
  });

  it('turns amber at exactly a configured relative tolerance', () => {
    const thresholds = { gapAmberPercent: 5 };
    const count = (latest: number) => measure({ unit: 'count', target: 100, figures: [latest] });
    expect(target(count(96), thresholds).rating).toBe('green');
    expect(target(count(95), thresholds).rating).toBe('amber');
    expect(target(count(94), thresholds).rating).toBe('amber');
  });

  it('calls any miss of a zero target amber, with no share to quote', () => {
    const zero = measure({ name: 'Moves of home', unit: 'count', direction: 'lower', target: 0, figures: [2] });
    expect(target(zero)).toMatchObject({
      rating: 'amber',
      text: 'Moves of home is 2 above target (target 0, latest 2, lower is better)',
    });
  });

  it('is amber when there is a target but no latest figure, and silent with no target', () => {
    expect(target(stability(null))).toMatchObject({
      rating: 'amber',
      text: 'Placement stability has a target but no latest figure yet',
    });
    expect(target(measure({ target: 90 }))).toMatchObject({ rating: 'amber' });
    expect(ofRule(suggest({ measures: [measure({ figures: [50, 60] })] }).reasons, 'target')).toEqual([]);
  });
});

describe('which way a measure is heading', () => {
  const trend = (m: RagMeasure) => ofRule(suggest({ measures: [m] }).reasons, 'trend');

  it('higher is better: a fall is worse (amber), a rise is better (green)', () => {
    expect(trend(measure({ figures: [74, 70] }))).toEqual([
      {
        rule: 'trend',
        rating: 'amber',
        text: 'Placement stability is getting worse: 74% → 70% (higher is better)',
        about: ['Placement stability'],
      },
    ]);
    expect(trend(measure({ figures: [70, 74] }))[0]).toMatchObject({
      rating: 'green',
      text: 'Placement stability is getting better: 70% → 74% (higher is better)',
    });
  });

  it('lower is better: a rise is worse (amber), a fall is better (green)', () => {
    const missing = (figures: number[]) =>
      measure({ name: 'Missing episodes', unit: 'count', direction: 'lower', figures });
    expect(trend(missing([12, 15]))[0]).toMatchObject({
      rating: 'amber',
      text: 'Missing episodes is getting worse: 12 → 15 (lower is better)',
    });
    expect(trend(missing([15, 12]))[0]).toMatchObject({
      rating: 'green',
      text: 'Missing episodes is getting better: 15 → 12 (lower is better)',
    });
  });

  it('holds steady in green, and says nothing with fewer than two known figures', () => {
    expect(trend(measure({ figures: [70, 70] }))[0]).toMatchObject({
      rating: 'green',
      text: 'Placement stability is holding steady: 70% → 70% (higher is better)',
    });
    expect(trend(measure({ target: 90, figures: [95] }))).toEqual([]);
    expect(trend(measure({ target: 90, figures: [95, null] }))).toEqual([]);
  });

  it('does not worry about a dip that still meets the target', () => {
    const dip = suggest({ commitments: actionsOf(1), measures: [measure({ target: 90, figures: [95, 94] })] });
    expect(dip.rating).toBe('green');
    expect(only(dip.reasons, 'trend')).toMatchObject({
      rating: 'green',
      text: 'Placement stability is getting worse but still meets its target: 95% → 94% (higher is better)',
    });
    // Lower is better: 8 -> 9 against a target of 10 still meets it.
    const lower = measure({ unit: 'count', direction: 'lower', target: 10, figures: [8, 9] });
    expect(only(suggest({ measures: [lower] }).reasons, 'trend').rating).toBe('green');
  });
});

describe('answering what children said', () => {
  // 2026-05-18 to 2026-06-15 is 13 + 15 = 28 days: on the target, not past it.
  it('counts an item as waiting too long only after more than 28 days', () => {
    const waiting = (heardOn: string) =>
      only(suggest({ commitments: actionsOf(1), feedback: [heard(heardOn)] }).reasons, 'feedback');
    expect(waiting('2026-05-19')).toMatchObject({
      rating: 'green',
      text: 'Nothing children said has waited more than 28 days for an answer',
    });
    expect(waiting('2026-05-18').rating).toBe('green');
    expect(waiting('2026-05-17')).toEqual({
      rule: 'feedback',
      rating: 'amber',
      text: '1 thing children said has waited more than 28 days for an answer',
      about: [],
    });
  });

  it('is amber from 1 item and red from exactly 5 by default', () => {
    const rate = (late: number) => {
      const feedback = [...Array.from({ length: late }, () => heard('2026-04-01')), heard('2026-06-10')];
      return only(suggest({ commitments: actionsOf(1), feedback }).reasons, 'feedback');
    };
    expect(rate(0).rating).toBe('green');
    expect(rate(1).rating).toBe('amber');
    expect(rate(4).rating).toBe('amber');
    expect(rate(5).rating).toBe('red');
    expect(rate(6)).toMatchObject({
      rating: 'red',
      text: '6 things children said have waited more than 28 days for an answer',
    });
  });

  it('does not count items already answered, however late', () => {
    const feedback = [heard('2026-01-01', '2026-05-01'), heard('2026-02-01', '2026-06-14')];
    expect(only(suggest({ commitments: actionsOf(1), feedback }).reasons, 'feedback').rating).toBe('green');
  });

  it('follows configured targets and counts', () => {
    const thresholds = { answerTargetDays: 14, waitingAmberCount: 2, waitingRedCount: 4 };
    // 2026-06-01 is exactly 14 days ago; 2026-05-31 is 15.
    const rate = (feedback: RagFeedback[]) =>
      only(suggest({ thresholds, commitments: actionsOf(1), feedback }).reasons, 'feedback');
    expect(rate([heard('2026-06-01'), heard('2026-06-01')]).rating).toBe('green');
    expect(rate([heard('2026-05-31')])).toMatchObject({
      rating: 'green',
      text: '1 thing children said has waited more than 14 days for an answer',
    });
    expect(rate([heard('2026-05-31'), heard('2026-05-31')]).rating).toBe('amber');
    expect(rate(Array.from({ length: 3 }, () => heard('2026-05-31'))).rating).toBe('amber');
    expect(rate(Array.from({ length: 4 }, () => heard('2026-05-31'))).rating).toBe('red');
  });

  it('says nothing when no feedback is linked to the promise', () => {
    expect(ofRule(suggest({ commitments: actionsOf(1) }).reasons, 'feedback')).toEqual([]);
  });
});

describe('the overall suggestion', () => {
  it('is the worst of the rule ratings, with reasons worst first', () => {
    const result = suggest({
      commitments: [...actionsOf(4), action({ title: 'Overdue', dueDate: '2026-06-01' })], // 1 of 5: amber
      measures: [
        measure({ target: 90, figures: [74, 70] }), // 20 points below: red; getting worse: amber
        measure({ name: 'Know their social worker', target: 80, figures: [85] }), // met: green
      ],
      feedback: [heard('2026-06-10')], // inside the target: green
    });
    expect(result.rating).toBe('red');
    expect(result.reasons.map((r) => [r.rule, r.rating])).toEqual([
      ['target', 'red'],
      ['delivery', 'amber'],
      ['trend', 'amber'],
      ['target', 'green'],
      ['feedback', 'green'],
    ]);
    expect(result.reasons[0]!.text).toBe('Placement stability is 20 points below target (target 90%, latest 70%)');
  });

  it('is amber when the worst reason is amber, and green only when all are green', () => {
    const amber = suggest({
      commitments: [...actionsOf(3), action({ status: 'at_risk' })],
      measures: [measure({ target: 90, figures: [92] })],
    });
    expect(amber.rating).toBe('amber');
    const green = suggest({ commitments: actionsOf(3), measures: [measure({ target: 90, figures: [88, 92] })] });
    expect(green.rating).toBe('green');
    expect(green.reasons.every((r) => r.rating === 'green')).toBe(true);
  });

  it('takes thresholds not given from the defaults', () => {
    // Only the red share is raised; amber stays at "any one action".
    const result = suggest({
      thresholds: { deliveryRedPercent: 50 },
      commitments: [...actionsOf(3), action({ dueDate: '2026-01-01' })],
    });
    expect(result.rating).toBe('amber');
  });
});

describe('blue: complete', () => {
  const done = (n: number) => actionsOf(n, { status: 'done', dueDate: '2026-03-01' });

  it('is blue when every action is done and every target is met', () => {
    const result = suggest({
      commitments: [...done(3), action({ status: 'dropped' })],
      measures: [measure({ target: 90, figures: [91] }), measure({ name: 'Tracked only', figures: [5, 6] })],
    });
    expect(result.rating).toBe('blue');
    expect(result.reasons.at(-1)).toEqual({
      rule: 'complete',
      rating: 'blue',
      text: 'Complete: every action done and every target met',
      about: [],
    });
    expect(result.reasons.every((r) => r.rating === 'green' || r.rating === 'blue')).toBe(true);
  });

  it('does not mention targets when there are none', () => {
    const result = suggest({ commitments: done(2) });
    expect(result.rating).toBe('blue');
    expect(only(result.reasons, 'complete').text).toBe('Complete: every action done');
  });

  it('is not blue while an action is open, a target is missed or unknown, or nothing is done', () => {
    expect(suggest({ commitments: [...done(2), action()] }).rating).toBe('green');
    expect(suggest({ commitments: done(2), measures: [measure({ target: 90, figures: [89] })] }).rating).toBe('amber');
    expect(suggest({ commitments: done(2), measures: [measure({ target: 90 })] }).rating).toBe('amber');
    expect(suggest({ measures: [measure({ target: 90, figures: [95] })] }).rating).toBe('amber');
    expect(suggest({ commitments: actionsOf(2, { status: 'dropped' }) }).rating).toBe('amber');
  });

  it('is not blue while children wait too long for an answer', () => {
    const result = suggest({ commitments: done(2), feedback: [heard('2026-01-01')] });
    expect(result.rating).toBe('amber');
    expect(ofRule(result.reasons, 'complete')).toEqual([]);
  });
});

describe('describeRules', () => {
  const text = (rules: ReturnType<typeof describeRules>) =>
    rules.map((r) => [r.red, r.amber, r.green, r.blue ?? ''].join(' ')).join('\n');

  it('describes every rule the suggestion can give, once, with a sentence for each colour', () => {
    const rules = describeRules(DEFAULT_RAG_THRESHOLDS);
    expect(rules.map((r) => r.rule)).toEqual([
      'delivery',
      'atRisk',
      'stale',
      'target',
      'trend',
      'feedback',
      'empty',
      'complete',
    ]);
    for (const r of rules) for (const s of [r.title, r.red, r.amber, r.green]) expect(s.length).toBeGreaterThan(0);
    expect(rules.filter((r) => r.blue !== null).map((r) => r.rule)).toEqual(['complete']);
  });

  it('prints the default thresholds', () => {
    const rules = describeRules();
    const byRule = Object.fromEntries(rules.map((r) => [r.rule, r]));
    expect(byRule.delivery!.red).toBe(
      'Red when 50% or more of the actions are overdue or off track (dropped actions are not counted).',
    );
    expect(byRule.delivery!.amber).toBe('Amber when any of the actions are overdue or off track.');
    expect(byRule.stale!.amber).toBe('Amber when any open action has had no update for more than 60 days.');
    expect(byRule.target!.red).toBe(
      'Red when a percentage measure is 10 points or more short of its target, or a count or score is 20% or more short of its target.',
    );
    expect(byRule.target!.amber).toContain('Amber when a percentage measure is short of its target');
    expect(byRule.feedback!.red).toBe(
      'Red when 5 or more things children said have waited more than 28 days for an answer.',
    );
    expect(byRule.feedback!.amber).toBe(
      'Amber when anything children said has waited more than 28 days for an answer.',
    );
    expect(byRule.empty!.amber).toContain('Amber when a promise has no actions ("Nothing recorded yet" comes first');
    expect(byRule.empty!.green).toContain('A promise with no actions is never suggested green.');
  });

  it('reflects changed thresholds, and no longer shows the old figures', () => {
    const changed = {
      deliveryAmberPercent: 10,
      deliveryRedPercent: 40,
      staleAfterDays: 45,
      gapAmberPoints: 2,
      gapRedPoints: 15,
      gapAmberPercent: 5,
      gapRedPercent: 30,
      answerTargetDays: 14,
      waitingAmberCount: 2,
      waitingRedCount: 6,
    };
    const rules = describeRules(changed);
    const all = text(rules);
    const byRule = Object.fromEntries(rules.map((r) => [r.rule, r]));
    expect(byRule.delivery!.red).toContain('40% or more of the actions');
    expect(byRule.delivery!.amber).toContain('10% or more of the actions');
    expect(byRule.stale!.amber).toContain('more than 45 days');
    expect(byRule.target!.red).toContain('15 points or more short');
    expect(byRule.target!.red).toContain('30% or more short');
    expect(byRule.target!.amber).toContain('2 points or more short');
    expect(byRule.target!.amber).toContain('5% or more short');
    expect(byRule.feedback!.red).toContain('6 or more things children said have waited more than 14 days');
    expect(byRule.feedback!.amber).toContain('2 or more things');
    for (const old of ['50%', '60 days', '10 points', '20%', '28 days', '5 or more']) expect(all).not.toContain(old);
    // A partial change keeps the other defaults.
    expect(describeRules({ staleAfterDays: 90 }).find((r) => r.rule === 'delivery')!.red).toContain('50% or more');
  });

  it('says what the rules do: the same thresholds give the described colours', () => {
    const thresholds = { deliveryRedPercent: 50 };
    const red = describeRules(thresholds).find((r) => r.rule === 'delivery')!.red;
    expect(red).toContain('50% or more');
    const rate = (late: number) =>
      suggest({ thresholds, commitments: [...actionsOf(late, { dueDate: '2026-01-01' }), ...actionsOf(4 - late)] })
        .rating;
    expect(rate(1)).toBe('amber');
    expect(rate(2)).toBe('red');
  });
});

describe('a context measure', () => {
  it('gives no reason for any colour, however it moves and whatever its target', () => {
    const context = measure({
      name: 'Children looked after',
      unit: 'count',
      direction: 'context',
      target: 150,
      figures: [200, 260],
    });
    expect(suggest({ measures: [context] })).toEqual(suggest({}));
    const withAction = suggest({ commitments: [action()], measures: [context] });
    expect(withAction).toEqual(suggest({ commitments: [action()] }));
    expect(JSON.stringify(withAction)).not.toContain('Children looked after');
  });
});
