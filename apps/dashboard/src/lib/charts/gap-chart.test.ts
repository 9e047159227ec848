import { describe, expect, it } from 'vitest';
import { type GapChartPoint, gapChartView, gapDomain } from './gap-chart';
import { serialiseSvg, svgDocument } from './testing/svg-document';

/** Twelve 3-month windows of Black vs White women's PPH; two withheld (fewer than 8 events). */
const points: GapChartPoint[] = Array.from({ length: 12 }, (_, index) => {
  const period = new Date(Date.UTC(2024, 2 + index, 1)).toISOString().slice(0, 10);
  const withheld = index === 4 || index === 5;
  const ratio = 1.5 - index * 0.04;
  return {
    period,
    ratio: withheld ? null : ratio,
    lower: withheld ? null : ratio * 0.8,
    upper: withheld ? null : ratio * 1.25,
    events: withheld ? null : 45,
    denominator: 1210,
    referenceEvents: 160,
    referenceDenominator: 6400,
    reason: withheld ? 'fewer than 8 events (disclosure control)' : null,
  };
});

const options = {
  groupLabel: 'Black or Black British',
  referenceLabel: 'White',
  measureLabel: 'PPH ≥1500 ml',
  windowMonths: 3,
};

describe('gapChartView', () => {
  const view = gapChartView(points, options);
  const svg = serialiseSvg(view.draw(svgDocument(), 480));

  it('draws the same SVG for the same ratios (snapshot)', async () => {
    await expect(svg).toMatchFileSnapshot('__snapshots__/gap-chart.black-white.svg');
  });

  it('draws a line at 1, the ratio, its interval, and gaps for withheld windows', () => {
    for (const mark of [
      'no-difference',
      'ratio-line',
      'interval',
      'interval-lower',
      'interval-upper',
      'ratio',
    ]) {
      expect(svg, mark).toContain(`class="${mark}"`);
    }
    const dots = svg.match(/<g [^>]*class="ratio"[\s\S]*?<\/g>/)?.[0].match(/<circle|<path/g) ?? [];
    expect(dots).toHaveLength(10);
    // The ratio line breaks at the withheld windows: two pieces.
    const line = svg.match(/<g [^>]*class="ratio-line"[\s\S]*?<\/g>/)?.[0] ?? '';
    expect(line.match(/M/g)).toHaveLength(2);
    expect(svg).toContain('role="img"');
  });

  it('summarises the latest window and the withheld ones in words', () => {
    expect(view.summary).toBe(
      'Risk ratio of PPH ≥1500 ml, Black or Black British against White women, 3-month rolling windows. ' +
        '10 windows from Mar 2024 to Feb 2025; 2 withheld (too few events or suppressed). ' +
        'Latest, window ending Feb 2025: 1.06 (95% CI 0.85 to 1.33), not clearly different from White women: the interval includes 1. ' +
        'First shown: 1.50.',
    );
  });

  it('has a table with published counts (* when suppressed) and the reason for each gap', () => {
    expect(view.table.rows).toHaveLength(12);
    expect(view.table.rows[4]).toMatchObject({
      ratio: null,
      events: '*',
      note: 'fewer than 8 events (disclosure control)',
    });
    expect(view.table.caption).toMatch(/\* suppressed/);
    const events = view.table.columns.find((column) => column.key === 'events');
    expect(events?.format?.('*')).toBe('*');
    expect(events?.format?.(1210)).toBe('1,210');
  });

  it('lets the keyboard step through every shown window', () => {
    expect(view.focusPoints).toHaveLength(10);
    expect(view.focusPoints[0]?.text).toBe('Mar 2024: 1.50 (95% CI 1.20 to 1.88)');
  });

  it('draws the interval of a window with no neighbours as a rule, and counts it in words', () => {
    const lonely = gapChartView(
      points.map((point, index) =>
        index === 7 ? point : { ...point, ratio: null, lower: null, upper: null },
      ),
      options,
    );
    const drawn = serialiseSvg(lonely.draw(svgDocument(), 480));
    const rule = drawn.match(/<g [^>]*class="interval-isolated"[\s\S]*?<\/g>/)?.[0] ?? '';
    expect(rule.match(/<line/g)).toHaveLength(1);
    expect(lonely.summary).toMatch(/ 1 window from Oct 2024 to Oct 2024; 11 withheld/);
  });

  it('says so when no window has a ratio', () => {
    const none = gapChartView(
      points.map((point) => ({ ...point, ratio: null, lower: null, upper: null })),
      options,
    );
    expect(none.summary).toMatch(/No window has enough events/);
  });

  it('widens the axis to hold every interval, never narrower than 0.5 to 2', () => {
    expect(gapDomain(points)).toEqual([0.5, 2]);
    expect(gapDomain([{ ...(points[0] as GapChartPoint), lower: 0.3, upper: 3.2 }])).toEqual([0.3, 3.2]);
  });
});
