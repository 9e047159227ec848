// The 'mdc' preset against NHS England's Making Data Count worked examples
// (MDC-DOC: "SPC Charts XmR Testing" and "Test Data.csv", see
// ./mdc-doc-cases.ts) and NHS-R's published NHSRplotthedots vignette
// ("deviations.Rmd"). Expected values are the published colours, numbers and
// icons, or worked by hand from the published rules (shown in comments) —
// never numbers this code produced.
import { describe, expect, it } from 'vitest';
import { type MdcInput, type MdcPointType, type MdcResult, makingDataCount } from '../../src/index.js';
import { MDC_DOC_CASES, mdcDocCase } from './mdc-doc-cases.js';

const COLOUR_OF: Record<MdcPointType, string> = {
  common_cause: 'g',
  special_cause_improvement: 'b',
  special_cause_concern: 'o',
  special_cause_neutral_high: 'p',
  special_cause_neutral_low: 'p',
};

function colours(result: MdcResult): string {
  return result.points.map((p) => COLOUR_OF[p.pointType]).join('');
}

/** The settings each MDC-DOC chart was drawn with (document text and its tables). */
function settingsFor(metric: string): Omit<MdcInput, 'values'> {
  const lower = metric.toLowerCase();
  const improvement = lower.includes('low is good')
    ? 'decrease'
    : lower.includes('neither')
      ? 'neutral'
      : 'increase';
  // "Recalculations – Recalculated" and "Special cause crossing
  // recalculations": the second section starts at point 16 (the document's
  // tables put points 16–30 on their own row).
  const rebase =
    metric === 'Recalculations - Recalculated' || lower.startsWith('special cause crossing recalculations')
      ? 16
      : null;
  // "Baselines – Recalculated": the baseline is the first 15 points (same table layout).
  const fixAfter = metric === 'Baselines - Recalculated' ? 15 : null;
  return { improvement, rebase, fixAfter };
}

/**
 * "Test Data.csv" marks point 15 of "Special cause conflict – High is good"
 * (value 27) blue, but the document's own text says the increasing trend is
 * p8–p14 and no rule reaches p15: mean 25.8, MR̄ 101/19 = 5.316, upper
 * two-sigma 25.8 + 1.7733 × 5.316 = 35.23 (only p14 = 36 beyond it in
 * p13–p15), p12–p15 are four points above the mean, and p14 → p15 falls.
 * Worked by hand: grey. (Also flagged `disputed` in spc-rules.md §8.)
 */
const DISPUTED: Record<string, Record<number, string>> = {
  'Special cause conflict - High is good': { 14: 'g' },
};

describe("makingDataCount, rules: 'mdc', per-point colours of MDC-DOC Test Data.csv", () => {
  for (const testCase of MDC_DOC_CASES) {
    it(testCase.metric, () => {
      const result = makingDataCount({ values: testCase.values, ...settingsFor(testCase.metric) });
      const expected = [...testCase.colours];
      for (const [index, colour] of Object.entries(DISPUTED[testCase.metric] ?? {}))
        expected[Number(index)] = colour;
      expect(colours(result)).toBe(expected.join(''));
    });
  }
});

describe('number of points (MDC-DOC "Number of points")', () => {
  it('12 points: mean only — no limits, no flags, no icons', () => {
    const result = makingDataCount({
      ...mdcDocCase('Number of points - 12'),
      improvement: 'increase',
      target: 20,
    });
    expect(result.points.every((p) => p.lpl === null && p.upl === null && p.rules?.length === 0)).toBe(true);
    expect(result.groups[0]?.mean).toBeCloseTo(318 / 12, 12); // 30+31+25+35+34+15+21+23+30+26+26+22 = 318
    expect(result.groups[0]?.variationIcon).toBeNull();
    expect(result.groups[0]?.assurance).toBeNull();
  });

  it('13 points: limits and icons shown', () => {
    const result = makingDataCount({ ...mdcDocCase('Number of points - 13'), improvement: 'increase' });
    expect(result.groups[0]?.upl).not.toBeNull();
    expect(result.groups[0]?.variationIcon).toBe('common_cause');
  });

  it("'ptd' draws limits at any length (NHSRplotthedots only warns)", () => {
    const result = makingDataCount({
      ...mdcDocCase('Number of points - 12'),
      improvement: 'increase',
      rules: 'ptd',
    });
    expect(result.groups[0]?.upl).not.toBeNull();
    expect(result.groups[0]?.shortGroupWarning).toBe(true);
  });
});

describe('process limits (MDC-DOC "Process limits")', () => {
  it('15 points: mean 23.20, UPL 37.64, LPL 8.76', () => {
    const result = makingDataCount({
      values: mdcDocCase('Process limits - 15').values,
      improvement: 'increase',
    });
    const group = result.groups[0];
    expect(group?.mean.toFixed(2)).toBe('23.20');
    expect(group?.upl?.toFixed(2)).toBe('37.64');
    expect(group?.lpl?.toFixed(2)).toBe('8.76');
  });

  it('10 points: mean 22.10 and no limits', () => {
    const result = makingDataCount({
      values: mdcDocCase('Process limits - 10').values,
      improvement: 'increase',
    });
    expect(result.groups[0]?.mean.toFixed(2)).toBe('22.10');
    expect(result.groups[0]?.upl).toBeNull();
  });

  it('NHSRplotthedots deviations vignette: unscreened = Excel, UPL 6.95, mean 1.94, LPL −3.06 (not clamped)', () => {
    const values = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1];
    const mdc = makingDataCount({ values, improvement: 'increase' });
    expect(mdc.groups[0]?.upl?.toFixed(2)).toBe('6.95');
    expect(mdc.groups[0]?.mean.toFixed(2)).toBe('1.94');
    expect(mdc.groups[0]?.lpl?.toFixed(2)).toBe('-3.06');
    // Caption: four grey points, one blue special cause improvement, twelve grey.
    expect(colours(mdc)).toBe('ggggbgggggggggggggg'.slice(0, 18));
    // Screened (NHSRplotthedots default): UPL 4.60, LPL −0.72.
    const ptd = makingDataCount({ values, improvement: 'increase', rules: 'ptd' });
    expect(ptd.groups[0]?.upl?.toFixed(2)).toBe('4.60');
    expect(ptd.groups[0]?.lpl?.toFixed(2)).toBe('-0.72');
    // An explicit option overrides the preset.
    const mdcScreened = makingDataCount({ values, improvement: 'increase', screenOutliers: true });
    expect(mdcScreened.groups[0]?.upl?.toFixed(2)).toBe('4.60');
  });
});

describe('where the tools disagree', () => {
  it('6 vs 7 points: a shift of 6 flags under MDC, not under 7', () => {
    // "shift – middle": p2–p8 (7) below the mean 24.95, p12–p17 (6) above.
    const { values } = mdcDocCase('Special cause - shift - middle');
    expect(colours(makingDataCount({ values, improvement: 'increase' }))).toBe(
      'goooooooggg' + 'bbbbbb' + 'ggg',
    );
    expect(colours(makingDataCount({ values, improvement: 'increase', shiftLength: 7 }))).toBe(
      'goooooooggg' + 'gggggg' + 'ggg',
    );
    // 'ptd' (7 points, screening: no moving range reaches 3.267 × 77/19):
    expect(colours(makingDataCount({ values, improvement: 'increase', rules: 'ptd' }))).toBe(
      'goooooooggg' + 'gggggg' + 'ggg',
    );
  });

  it('6 vs 7 points: a trend of 6 flags under MDC, not under 7', () => {
    // "trend – no pauses": p1–p6 rise (6 points), p14–p20 fall (7 points).
    // p1 = 11 is beyond the lower two-sigma line (19.05 − 1.7733 × 65/19 =
    // 12.98) but alone in its windows, so only the trend can flag p1–p6.
    const { values } = mdcDocCase('Special cause - trend - no pauses');
    expect(colours(makingDataCount({ values, improvement: 'increase', trendLength: 7 }))).toBe(
      'gggggg' + 'ggggggg' + 'ooooooo',
    );
  });

  it('a point beyond 3 sigma inside a two-in-three window does not count (MDC-DOC "two-sigma – 2")', () => {
    const result = makingDataCount({
      values: mdcDocCase('Special cause - two-sigma - 2').values,
      improvement: 'increase',
    });
    // p21 = 7 is beyond the lower two-sigma line, p22 = 2 beyond the LPL:
    // only one point of p20–p22 counts, so p21 stays grey; p22 is a single point.
    expect(result.points[20]?.pointType).toBe('common_cause');
    expect(result.points[20]?.closeToLimits).toBe(true);
    expect(result.points[21]?.rules).toEqual(['outside_limits']);
    // In "two-sigma – 1" (p22 = 7) both count: p21 and p22 orange by two-in-three.
    const one = makingDataCount({
      values: mdcDocCase('Special cause - two-sigma - 1').values,
      improvement: 'increase',
    });
    expect(one.points[20]?.rules).toEqual(['two_in_three']);
    expect(one.points[21]?.rules).toEqual(['two_in_three']);
  });

  it('conflicting improvement and concern: improvement (blue) wins under MDC, precedence under ptd', () => {
    // "Special cause conflict – High is good": p8 (13) ends a falling trend,
    // starts a rising one, sits in the shift p6–p11 below the mean (25.8) and,
    // with p7 and p9 (15), beyond the lower two-sigma line (25.8 − 1.7733 ×
    // 101/19 = 16.37) but within the LPL (11.66).
    const { values } = mdcDocCase('Special cause conflict - High is good');
    const mdc = makingDataCount({ values, improvement: 'increase' });
    expect(mdc.points[7]?.rules).toEqual(['shift', 'trend', 'two_in_three']);
    expect(mdc.points[7]?.pointType).toBe('special_cause_improvement');
    // p1 (43) is above the UPL and in the falling trend: blue.
    expect(mdc.points[0]?.rules).toEqual(['outside_limits', 'trend']);
    expect(mdc.points[0]?.pointType).toBe('special_cause_improvement');
    // NHSRplotthedots labels a trend point by the step to the next trend
    // point: p8 → p9 rises, "Increasing", improvement; p5 (31, above the mean
    // but falling) "Decreasing", concern — as MDC, for a different reason.
    const ptd = makingDataCount({
      values,
      improvement: 'increase',
      shiftLength: 6,
      trendLength: 6,
      rules: 'ptd',
    });
    expect(ptd.points[7]?.pointType).toBe('special_cause_improvement');
    expect(ptd.points[4]?.pointType).toBe('special_cause_concern');
    // Low is good: MDC makes p1–p2 (above the UPL, a concern) blue because
    // they are also in the falling trend; NHSRplotthedots ranks "outside
    // limits" first and shows them orange.
    const low = { values, improvement: 'decrease' as const };
    expect(makingDataCount(low).points[0]?.pointType).toBe('special_cause_improvement');
    expect(
      makingDataCount({ ...low, rules: 'ptd', shiftLength: 6, trendLength: 6 }).points[0]?.pointType,
    ).toBe('special_cause_concern');
  });

  it('a target exactly on a limit: pass/fail under MDC (inclusive), hit-and-miss under ptd (strict)', () => {
    const { values } = mdcDocCase('Summary icons - assurance - high is good');
    const upl = makingDataCount({ values, improvement: 'increase' }).groups[0]?.upl ?? 0;
    expect(makingDataCount({ values, improvement: 'increase', target: upl }).groups[0]?.assurance).toBe(
      'consistent_fail',
    );
    const ptdUpl = makingDataCount({ values, improvement: 'increase', rules: 'ptd' }).groups[0]?.upl ?? 0;
    expect(
      makingDataCount({ values, improvement: 'increase', rules: 'ptd', target: ptdUpl }).groups[0]?.assurance,
    ).toBe('inconsistent');
    const lpl = makingDataCount({ values, improvement: 'decrease' }).groups[0]?.lpl ?? 0;
    expect(makingDataCount({ values, improvement: 'decrease', target: lpl }).groups[0]?.assurance).toBe(
      'consistent_fail',
    );
  });

  it('a missing value inside a run neither breaks nor extends it, and is never flagged', () => {
    // "shift – middle" with a gap between p14 and p15 of the blue shift.
    const base = mdcDocCase('Special cause - shift - middle').values;
    const values: Array<number | null> = [...base.slice(0, 14), null, ...base.slice(14)];
    const result = makingDataCount({ values, improvement: 'increase' });
    expect(colours(result)).toBe('goooooooggg' + 'bbb' + 'g' + 'bbb' + 'ggg');
    expect(result.points[14]).toMatchObject({
      value: null,
      specialCauseFlag: false,
      rules: [],
      relativeToMean: 0,
    });
    // The gap does not move the mean: 499 / 20 = 24.95.
    expect(result.groups[0]?.mean).toBeCloseTo(24.95, 12);
  });

  it('no false flags next to a missing value (NHSRplotthedots issue #156)', () => {
    // A stable chart ("Process limits – 15", all grey) with its last value
    // missing, and with one missing in the middle: still all grey.
    const stable = mdcDocCase('Process limits - 15').values;
    for (const rules of ['mdc', 'ptd'] as const) {
      const lastMissing = makingDataCount({ values: [...stable, null], improvement: 'decrease', rules });
      expect(lastMissing.points.every((p) => !p.specialCauseFlag)).toBe(true);
      const middleMissing = makingDataCount({
        values: [...stable.slice(0, 7), null, ...stable.slice(7)],
        improvement: 'decrease',
        rules,
      });
      expect(middleMissing.points.every((p) => !p.specialCauseFlag)).toBe(true);
    }
  });
});

describe('recalculations and baselines', () => {
  it('rules run across a recalculation under MDC, not under ptd', () => {
    // "crossing recalculations – shift": p14–p15 below the first mean
    // (381/15 = 25.4), p16–p19 below the second (443/15 = 29.53). p15 (19)
    // and p16 (22) are also each beyond their own period's lower two-sigma
    // line, so two-in-three crosses the recalculation too.
    const { values } = mdcDocCase('Special cause crossing recalculations - shift');
    const mdc = makingDataCount({ values, improvement: 'increase', rebase: 16 });
    expect(mdc.points.slice(13, 19).map((p) => p.rules)).toEqual([
      ['shift'],
      ['shift', 'two_in_three'],
      ['shift', 'two_in_three'],
      ['shift'],
      ['shift'],
      ['shift'],
    ]);
    const ptd = makingDataCount({
      values,
      improvement: 'increase',
      rebase: 16,
      rules: 'ptd',
      shiftLength: 6,
    });
    expect(ptd.points.slice(13, 19).every((p) => !p.rules?.includes('shift'))).toBe(true);
  });

  it('each period has its own limits; the variation icon reads the last point', () => {
    const { values } = mdcDocCase('Recalculations - Recalculated');
    const result = makingDataCount({ values, improvement: 'increase', rebase: 16 });
    expect(result.groups.map((g) => [g.start, g.end, g.n])).toEqual([
      [1, 15, 15],
      [16, 30, 15],
    ]);
    expect(result.groups[0]?.mean).toBeCloseTo(300 / 15, 12); // 16+24+…+19 = 300
    expect(result.groups[1]?.mean).toBeCloseTo(455 / 15, 12); // 35+32+…+23 = 455
    // p25–p30 are a shift below 30.33: concern, low.
    expect(result.groups[1]?.variationIcon).toBe('concern_low');
  });

  it('a baseline fixes the first period; later recalculations get their own limits', () => {
    const { values } = mdcDocCase('Recalculations - Recalculated');
    const result = makingDataCount({ values, improvement: 'increase', fixAfter: 12, rebase: 16 });
    // First 12: 16 24 22 19 19 18 24 25 18 17 16 25 → mean 243/12 = 20.25.
    expect(result.points[14]?.mean).toBeCloseTo(20.25, 12);
    expect(result.points[15]?.mean).toBeCloseTo(455 / 15, 12);
    expect(() => makingDataCount({ values, improvement: 'increase', fixAfter: 20, rebase: 16 })).toThrow(
      /baseline-crosses-rebase/,
    );
    // 'ptd': the baseline counts within every period (NHSRplotthedots row_number()).
    const ptd = makingDataCount({ values, improvement: 'increase', fixAfter: 12, rebase: 16, rules: 'ptd' });
    // Points 16–27: 35 32 35 31 27 33 28 38 35 30 28 29 → 381/12 = 31.75.
    expect(ptd.points[15]?.mean).toBeCloseTo(381 / 12, 12);
  });
});

describe('icons (MDC-DOC "Summary icons")', () => {
  it('assurance: targets 40, 30, 10 against mean 25.17, LPL 13.33, UPL 37.00', () => {
    const { values } = mdcDocCase('Summary icons - assurance - high is good');
    const group = makingDataCount({ values, improvement: 'increase' }).groups[0];
    expect([group?.mean.toFixed(2), group?.lpl?.toFixed(2), group?.upl?.toFixed(2)]).toEqual([
      '25.17',
      '13.33',
      '37.00',
    ]);
    const icon = (improvement: 'increase' | 'decrease' | 'neutral', target: number) =>
      makingDataCount({ values, improvement, target }).groups[0]?.assurance;
    expect([icon('increase', 40), icon('increase', 30), icon('increase', 10)]).toEqual([
      'consistent_fail',
      'inconsistent',
      'consistent_pass',
    ]);
    expect([icon('decrease', 40), icon('decrease', 30), icon('decrease', 10)]).toEqual([
      'consistent_pass',
      'inconsistent',
      'consistent_fail',
    ]);
    expect(icon('neutral', 40)).toBeNull();
  });

  it('assurance after a recalculation uses the latest limits', () => {
    // Points 16–30: mean 455/15 = 30.33, MR̄ 52/14 = 3.714, UPL 40.21, LPL 20.45.
    const { values } = mdcDocCase('Summary icons - assurance - high is good');
    const result = makingDataCount({ values, improvement: 'increase', target: 40, rebase: 16 });
    expect(result.groups.map((g) => g.assurance)).toEqual([null, 'inconsistent']);
    expect(result.groups[1]?.upl?.toFixed(2)).toBe('40.21');
    expect(result.groups[1]?.lpl?.toFixed(2)).toBe('20.45');
  });

  it.each([
    ['Summary icons - variation - High is good', 'increase', 'improvement_high'],
    ['Summary icons - variation - High is good 2', 'increase', 'common_cause'],
    ['Summary icons - variation - High is good 3', 'increase', 'concern_low'],
    ['Summary icons - variation - Low is good', 'decrease', 'concern_high'],
    ['Summary icons - variation - Low is good 3', 'decrease', 'improvement_low'],
    ['Summary icons - variation - Neither', 'neutral', 'neither_high'],
    ['Summary icons - variation - Neither2', 'neutral', 'common_cause'],
    ['Summary icons - variation - Too few points', 'increase', null],
  ] as const)('variation: %s → %s', (metric, improvement, icon) => {
    const result = makingDataCount({ values: mdcDocCase(metric).values, improvement });
    expect(result.groups[0]?.variationIcon).toBe(icon);
  });
});
