import { describe, expect, it } from 'vitest';
import { journeyStep } from '../../server/domain/journey.js';

describe('journeyStep', () => {
  it('is "heard" until something we will do is written down', () => {
    expect(journeyStep([])).toBe('heard');
  });

  it('is "planned" while nothing has started', () => {
    expect(journeyStep(['not_started', 'not_started'])).toBe('planned');
    // Only things we can't do is a plan that went nowhere, never "done".
    expect(journeyStep(['cant'])).toBe('planned');
    expect(journeyStep(['cant', 'not_started'])).toBe('planned');
  });

  it('is "doing" once anything has started, stuck included', () => {
    expect(journeyStep(['not_started', 'doing'])).toBe('doing');
    expect(journeyStep(['stuck'])).toBe('doing');
    expect(journeyStep(['done', 'not_started'])).toBe('doing');
  });

  it('is "done" when everything we can do is done', () => {
    expect(journeyStep(['done'])).toBe('done');
    expect(journeyStep(['done', 'done', 'cant'])).toBe('done');
  });
});
