import { describe, expect, it } from 'vitest';
import { controlChartView } from './control-chart';
import { bookingPChart, runChartWithGap } from './testing/fixtures';
import { serialiseSvg, svgDocument } from './testing/svg-document';

const options = {
  measureLabel: 'Booked by 10 weeks (%)',
  unit: '%',
  target: 65,
  annotations: [
    { date: '2024-04-01', label: 'PDSA 1: interpreter-led booking clinic', kind: 'pdsa' as const },
    { date: '2024-07-01', label: 'Community outreach', kind: 'change_idea' as const },
  ],
};

describe('controlChartView', () => {
  const view = controlChartView(bookingPChart, options);

  it('draws the same SVG for the same result (snapshot)', async () => {
    const svg = serialiseSvg(view.draw(svgDocument(), 640));
    await expect(svg).toMatchFileSnapshot('__snapshots__/control-chart.p-two-parts.svg');
  });

  it('breaks the centre line and limits between parts, as steps', () => {
    const svg = serialiseSvg(view.draw(svgDocument(), 640));
    const centre = svg.match(/<g [^>]*class="centre-line-runs-signal"[^>]*>\n<path[^>]*d="([^"]+)"/);
    // A step curve: a horizontal move (same y), then a vertical one (same x).
    expect(centre?.[1]).toMatch(/^M[\d.]+,([\d.]+)L([\d.]+),\1L\2,/);
    expect(svg.match(/class="upper-limit"[\s\S]*?<\/g>/)?.[0].match(/<path/g)).toHaveLength(2);
  });

  it('marks the point outside the limits with its own shape and colour', () => {
    const svg = serialiseSvg(view.draw(svgDocument(), 640));
    const signals = svg.match(/<g [^>]*class="sigma-signals"[\s\S]*?<\/g>/)?.[0] ?? '';
    expect(signals.match(/<path/g)).toHaveLength(1);
    expect(signals).toContain('fill="#C01F14"');
  });

  it('is one labelled image for assistive technology, with no ARIA on the marks inside', () => {
    const svg = serialiseSvg(view.draw(svgDocument(), 640));
    expect(svg).toMatch(/^<svg [^>]*aria-label="P chart of Booked by 10 weeks \(%\)"[^>]*role="img"/);
    expect(svg.match(/aria-/g)).toHaveLength(1);
  });

  it('summarises the message in words', () => {
    expect(view.summary).toBe(
      'P chart of Booked by 10 weeks (%): 24 values from Apr 2023 to Mar 2025 in 2 parts. ' +
        'The latest value is 66.4% against a centre line of 64.6%. 1 point is outside the control limits. ' +
        'The runs analysis shows non-random variation (an unusually long run or too few crossings) in part 2.',
    );
  });

  it('tabulates every point with its limits, signals and changes', () => {
    expect(view.table.rows).toHaveLength(24);
    expect(view.table.rows[10]).toMatchObject({ value: 71.5, signal: 'Outside limits', part: 1 });
    expect(view.table.rows[12]?.annotation).toBe('1. PDSA 1: interpreter-led booking clinic');
    expect(view.table.columns.map((c) => c.label)).toEqual([
      'Period',
      'Value (%)',
      'Denominator',
      'Centre line',
      'Lower limit',
      'Upper limit',
      'Part',
      'Signal',
      'Change',
    ]);
  });

  it('gives each value a tooltip', () => {
    expect(view.focusPoints).toHaveLength(24);
    expect(view.focusPoints[10]?.text).toBe(
      'Feb 2024: 71.5%; n = 404; Centre line 60.0%; limits 52.7 to 67.3; outside the control limits',
    );
  });
});

describe('controlChartView for a run chart', () => {
  const view = controlChartView(runChartWithGap, {
    measureLabel: 'Women asked about mental health',
    unit: '',
  });

  it('draws no limits and leaves a gap for a missing month (snapshot)', async () => {
    const svg = serialiseSvg(view.draw(svgDocument(), 480));
    expect(svg).not.toContain('upper-limit');
    await expect(svg).toMatchFileSnapshot('__snapshots__/control-chart.run-gap.svg');
  });

  it('skips the missing month in tooltips and says median, not centre line', () => {
    expect(view.focusPoints).toHaveLength(7);
    expect(view.summary).toContain('against a median of 13.0');
    expect(view.table.columns.some((c) => c.key === 'upper')).toBe(false);
  });
});
