import { describe, expect, it } from 'vitest';
import { buildChildrenPack, distinctLines, evidenceAsOf } from '../../server/domain/board-pack.js';

describe('the children’s version of the board pack', () => {
  it('says each answer once, however it was spaced or finished, and not again after an action said it', () => {
    expect(
      distinctLines(
        ['We set up family days.', 'we set up  family days', ' ', 'We set up family days!', 'We fixed the wifi'],
        ['We fixed the Wi-Fi', 'We fixed the wifi.'],
      ),
    ).toEqual(['We set up family days.']);
  });

  it('writes its date in words and lists a repeated answer once', () => {
    const pack = buildChildrenPack({
      councilName: 'Fictional Borough',
      asAt: '2026-06-15',
      childAgeBandLabel: () => 'age 8-11',
      words: {
        themes: [{ id: 1, name: 'Family' }],
        promises: [{ id: 1, themeId: 1, text: 'See your family' }],
        commitments: [
          { promiseId: 1, text: 'Family days', status: 'on_track', update: 'We booked the first day.', reason: '' },
        ],
        linked: [
          { promiseId: 1, youSaid: 'More family time', weDid: 'We are setting up monthly family days.' },
          { promiseId: 1, youSaid: 'See my brother', weDid: 'We are setting up monthly family days' },
          { promiseId: 1, youSaid: 'When is it?', weDid: 'We booked the first day' },
        ],
        toldUs: [],
      },
    });
    expect(pack.asAtWords).toBe('15 June 2026');
    expect(pack.themes[0]!.promises[0]!.weDid).toEqual(['We are setting up monthly family days.']);
    expect(JSON.stringify(pack.themes)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

describe('the evidence as at a pack’s cut-off', () => {
  it('leaves out figures for periods ending after it, and anything heard after it', () => {
    const evidence = {
      commitments: [],
      measures: [
        {
          promiseId: 1,
          values: [
            { period: 'May', periodEnd: '2026-05-31', value: 29 },
            { period: 'June', periodEnd: '2026-06-30', value: 34 },
          ],
        },
      ],
      feedback: [
        { promiseId: 1, heardOn: '2026-06-15', respondedOn: null },
        { promiseId: 1, heardOn: '2026-06-16', respondedOn: null },
      ],
    };
    const asOf = evidenceAsOf(evidence, '2026-06-15');
    expect(asOf.measures[0]!.values.map((v) => v.value)).toEqual([29]);
    expect(asOf.feedback.map((f) => f.heardOn)).toEqual(['2026-06-15']);
    // The evidence given is not changed.
    expect(evidence.measures[0]!.values).toHaveLength(2);
  });
});
