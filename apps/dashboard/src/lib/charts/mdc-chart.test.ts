import { describe, expect, it } from 'vitest';
import { mdcChartView } from './mdc-chart';
import { assuranceIcon, variationIcon } from './mdc-icons';
import { mdcDates, pphMdc } from './testing/fixtures';
import { serialiseSvg, svgDocument } from './testing/svg-document';

const options = {
  dates: mdcDates,
  measureLabel: 'PPH ≥1500 ml (per 1,000 maternities)',
  unit: 'per 1,000',
  digits: 1,
  improvement: 'decrease' as const,
  target: 28,
  annotations: [{ date: '2024-04-01', label: 'PPH risk assessment on admission' }],
};

describe('mdcChartView', () => {
  const view = mdcChartView(pphMdc, options);
  const svg = serialiseSvg(view.draw(svgDocument(), 640));

  it('draws the same SVG for the same result (snapshot)', async () => {
    await expect(svg).toMatchFileSnapshot('__snapshots__/mdc-chart.pph-rebased.svg');
  });

  it('draws mean and limits separately for each rebase period', () => {
    for (const mark of ['mean', 'upper-limit', 'lower-limit']) {
      const group = svg.match(new RegExp(`<g [^>]*class="${mark}"[\\s\\S]*?</g>`))?.[0] ?? '';
      expect(group.match(/<path/g), mark).toHaveLength(2);
    }
  });

  it('draws each meaning in its own accessible colour', () => {
    const group = (name: string) => svg.match(new RegExp(`<g [^>]*class="${name}"[^>]*>`))?.[0] ?? '';
    expect(group('special-cause-improvement')).toContain('fill="#0069B4"');
    expect(group('special-cause-concern')).toContain('fill="#B35200"');
    expect(group('common-cause')).toContain('fill="#6B7780"');
    expect(svg).not.toMatch(/#00B0F0|#A6A6A6/i); // MDC's defaults fail WCAG 1.4.11
  });

  it('summarises values, limits, variation and assurance in words', () => {
    expect(view.summary).toBe(
      'Making Data Count chart of PPH ≥1500 ml (per 1,000 maternities): 20 values from Apr 2023 to Nov 2024 in 2 periods. ' +
        'The latest value is 25.0 per 1,000; the mean is 28.1 per 1,000 with process limits 22.9 to 33.3. ' +
        'Variation: Special cause variation of an improving nature: values are unusually low. ' +
        'Assurance: The process will hit and miss the target: it lies within the process limits.',
    );
  });

  it('names the meaning and the rules in each tooltip and table row', () => {
    expect(view.focusPoints[7]?.text).toBe(
      'Nov 2023: 52.0 per 1,000; mean 38.3 per 1,000; process limits 26.1 to 50.5; concern (high); rules: outside limits',
    );
    expect(view.table.rows[15]).toMatchObject({
      variation: 'improvement (low)',
      rules: 'shift',
      period_group: 2,
    });
  });

  it('refuses dates that do not match the values', () => {
    expect(() => mdcChartView(pphMdc, { ...options, dates: mdcDates.slice(1) })).toThrow(
      'mdcChartView: 19 dates for 20 values of "PPH ≥1500 ml (per 1,000 maternities)"',
    );
  });
});

describe('Making Data Count icons', () => {
  it('reads improvement as low when lower is better, and concern as high', () => {
    expect(variationIcon('special_cause_improvement', 'decrease').letter).toBe('L');
    expect(variationIcon('special_cause_improvement', 'increase').letter).toBe('H');
    expect(variationIcon('special_cause_concern', 'decrease').letter).toBe('H');
    expect(variationIcon('special_cause_concern', 'increase').letter).toBe('L');
  });

  it('uses P, F and ? for assurance', () => {
    expect(
      ['consistent_pass', 'consistent_fail', 'inconsistent'].map((a) => assuranceIcon(a as never).letter),
    ).toEqual(['P', 'F', '?']);
  });
});
