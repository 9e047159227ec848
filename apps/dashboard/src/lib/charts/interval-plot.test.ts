import { describe, expect, it } from 'vitest';
import { groupRatesChart, impactChart, siteRatesChart } from '$lib/disparity/disparity-charts';
import {
  groupOptions,
  groupRateRows,
  impactRanking,
  networkDisparity,
  siteGroupCounts,
  siteRates,
} from '$lib/disparity/disparity-view';
import { testCounts, testGroups, testLevel2, testSites } from '$lib/disparity/testing-disparity';
import { intervalPlotView } from './interval-plot';
import { serialiseSvg, svgDocument } from './testing/svg-document';

const pph = {
  name: 'PPH ≥1500 ml',
  multiplier: 1000,
  direction: 'lower_is_better' as const,
  unit_label: 'per 1,000 maternities',
  target_value: 30,
};
const level1 = groupOptions('level1', testGroups, testLevel2);
const disparity = networkDisparity(
  siteGroupCounts(testCounts, ['2024-04', '2024-05'], 'level1', testLevel2),
  testSites,
  level1,
  pph,
);
if (!disparity) throw new Error('expected a disparity');

describe('intervalPlotView: rates by ethnic group at each site', () => {
  const chart = groupRatesChart(groupRateRows(disparity, level1), pph, 'Apr 2024 to May 2024');
  const view = intervalPlotView(chart.sections, chart.options);
  const svg = serialiseSvg(view.draw(svgDocument(), 640));

  it('draws the same SVG for the same rates (snapshot)', async () => {
    await expect(svg).toMatchFileSnapshot('__snapshots__/interval-plot.group-rates.svg');
  });

  it('marks worse groups with red diamonds and the reference with black circles', () => {
    const count = (name: string) =>
      (svg.match(new RegExp(`<g [^>]*class="${name}"[\\s\\S]*?</g>`))?.[0].match(/<path|<circle/g) ?? [])
        .length;
    expect(count('points-reference')).toBe(3); // White at 2 sites and the network
    expect(count('points-worse')).toBe(2); // Black at Site A and across the network
    expect(svg).toContain('font-weight="bold"'); // site headings
  });

  it('says how many site-group rates are worse, and who is worse off across the network', () => {
    expect(view.summary).toBe(
      'PPH ≥1500 ml by ethnic group at 2 sites and across the network, Apr 2024 to May 2024, with 95% intervals. ' +
        '1 site-group rate is clearly worse than White women’s at the same site. ' +
        'Across the network, Black or Black British is clearly worse off than White women.',
    );
    expect(view.focusPoints[0]?.text).toMatch(
      /^Site A \(London\), White: 15\.0 per 1,000 maternities \(95% CI/,
    );
    expect(view.table.rows).toHaveLength(8);
  });
});

describe('intervalPlotView: sites ranked by excess events', () => {
  const chart = impactChart(impactRanking(disparity, pph), pph, 'Apr 2024 to May 2024');
  const view = intervalPlotView(chart.sections, chart.options);

  it('draws the same SVG for the same ranking (snapshot)', async () => {
    await expect(serialiseSvg(view.draw(svgDocument(), 640))).toMatchFileSnapshot(
      '__snapshots__/interval-plot.impact.svg',
    );
  });

  it('names the site with the most excess events and where the interval clears zero', () => {
    expect(view.summary).toMatch(/^Site A \(London\) has the most excess events against White women’s rate/);
    expect(view.summary).toMatch(/The interval lies wholly above zero at Site A \(London\)\.$/);
    expect(view.table.rows.map((row) => row.rank)).toEqual([1, 2]);
  });
});

describe('intervalPlotView: every site side by side', () => {
  it('draws the network value and the target as rules and mentions both', () => {
    const { sites, network } = siteRates(testCounts, ['2024-04', '2024-05'], testSites, pph);
    const chart = siteRatesChart(sites, network, pph, 'Apr 2024 to May 2024');
    const view = intervalPlotView(chart.sections, chart.options);
    const svg = serialiseSvg(view.draw(svgDocument(), 640));
    expect(svg).toContain('class="rule-reference"');
    expect(svg).toContain('class="rule-target"');
    expect(view.summary).toBe(
      'PPH ≥1500 ml at 2 sites, Apr 2024 to May 2024, all women, with 95% intervals. ' +
        'Network: 47.5 per 1,000 maternities. From 40.0 per 1,000 maternities at Site B (Midlands) to ' +
        '50.0 per 1,000 maternities at Site A (London). Target: 30.0 per 1,000 maternities.',
    );
  });
});

describe('impactChart when every gap favours the other groups', () => {
  it('does not call a negative figure the most excess events, and marks intervals below zero', () => {
    const chart = impactChart(
      [{ site: 'Site G (South West)', excess: -14.3, lower: -19.1, upper: -9.4, denominator: 500, rank: 1 }],
      pph,
      'Jan 2026 to Mar 2026',
    );
    expect(chart.options.summary).toMatch(/^No site has excess events against White women’s rate/);
    expect(chart.sections[0]?.points[0]?.style).toBe('better');
  });
});
