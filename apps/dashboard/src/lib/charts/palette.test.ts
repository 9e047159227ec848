import { describe, expect, it } from 'vitest';
import { contrastRatio, controlPointStyles, lineColours, mdcPointStyles, nhsColours } from './palette';

describe('chart colours', () => {
  it('computes WCAG contrast as published (MDC improvement blue fails on white)', () => {
    expect(contrastRatio('#00B0F0', '#FFFFFF')).toBeCloseTo(2.48, 2);
    expect(contrastRatio('#005EB8', '#FFFFFF')).toBeCloseTo(6.38, 2);
  });

  const meaningful = {
    ...Object.fromEntries(Object.entries(mdcPointStyles).map(([key, style]) => [key, style.colour])),
    ...Object.fromEntries(Object.entries(controlPointStyles).map(([key, style]) => [key, style.colour])),
    ...lineColours,
  };
  for (const [name, colour] of Object.entries(meaningful)) {
    it(`${name} ${colour} has at least 3:1 contrast on white and on NHS grey 5 (WCAG 1.4.11)`, () => {
      expect(contrastRatio(colour, '#FFFFFF')).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(colour, nhsColours.grey5)).toBeGreaterThanOrEqual(3);
    });
  }

  it('gives improvement, concern, neutral and common cause different shapes', () => {
    const shapes = new Set(
      [
        'common_cause',
        'special_cause_improvement',
        'special_cause_concern',
        'special_cause_neutral_high',
      ].map((key) => mdcPointStyles[key as keyof typeof mdcPointStyles].symbol),
    );
    expect(shapes.size).toBe(4);
  });
});
