import { describe, expect, it } from 'vitest';
import { mdcChartView } from '$lib/charts/mdc-chart';
import { publishNetworkOverview } from './network-overview';
import {
  gapFor,
  gapHeadline,
  gapPoints,
  groupsFor,
  hasAnyRatio,
  networkMdc,
  overviewRows,
  sharedGapDomain,
  withPublishedCounts,
} from './overview-view';
import {
  overviewCounts,
  overviewGroups,
  overviewLevel2Groups,
  overviewMeasures,
  splitToLevel2,
} from './testing-overview';

const overview = publishNetworkOverview(
  overviewCounts,
  overviewMeasures,
  overviewGroups,
  { preparedAt: '2026-11-26T00:00:00.000Z', source: 'test network' },
  undefined,
  { counts: splitToLevel2(overviewCounts), groups: overviewLevel2Groups },
);
const entry = (id: string) => {
  const found = overview.measures.find((candidate) => candidate.measure.measure_id === id);
  if (!found) throw new Error(id);
  return found;
};

describe('networkMdc', () => {
  it('runs Making Data Count on the published network rates, with the catalogue target', () => {
    const mdc = networkMdc(entry('pph'));
    expect(mdc?.dates).toHaveLength(48);
    expect(mdc?.result.points.map((point) => point.value)).toEqual(entry('pph').series?.rate);
    expect(mdc?.result.groups[0]?.assurance).not.toBeNull();
  });

  it('has nothing to chart for a context-only measure', () => {
    expect(networkMdc(entry('maternal_death'))).toBeNull();
  });
});

describe('withPublishedCounts', () => {
  it('adds the published numerator and denominator to the table and CSV, * where suppressed', () => {
    const mdc = networkMdc(entry('pph'));
    if (!mdc) throw new Error('no chart');
    const view = withPublishedCounts(
      mdcChartView(mdc.result, {
        dates: mdc.dates,
        measureLabel: 'PPH',
        unit: 'per 1,000',
        improvement: 'decrease',
      }),
      entry('pph'),
    );
    expect(view.table.columns.map((column) => column.key).slice(-2)).toEqual(['numerator', 'denominator']);
    expect(view.table.rows[0]?.numerator).toBe(entry('pph').series?.numerator[0]);
    expect(view.table.caption).toMatch(/Counts rounded to 5; \* suppressed/);
  });
});

describe('gapHeadline', () => {
  it('picks the group furthest from White in the unfavourable direction', () => {
    // Black women's rate is 1.5 × White's, Asian 1.2 ×: where lower is better, Black has the largest gap.
    const headline = gapHeadline(entry('pph'), overview.groups, 'largest');
    expect(headline).toMatchObject({
      code: 'BLACK',
      label: 'Black or Black British',
      clear: true,
      assessment: 'worse',
    });
    const higherIsBetter = {
      ...entry('pph'),
      measure: { ...entry('pph').measure, direction: 'higher_is_better' as const },
    };
    // Where higher is better the lowest ratio is the worst gap: Mixed or Other (about 1), not Black.
    expect(gapHeadline(higherIsBetter, overview.groups, 'largest')).toMatchObject({
      assessment: expect.any(String),
    });
    expect((gapHeadline(higherIsBetter, overview.groups, 'largest') as { code: string }).code).not.toBe(
      'BLACK',
    );
  });

  it('reads the level-2 groups when asked', () => {
    const headline = gapHeadline(entry('pph'), groupsFor(overview, 'level2'), 'largest', 'level2');
    // Where lower is better, the largest gap is the highest ratio among the level-2 groups in the latest window.
    const latest = (entry('pph').gapLevel2?.groups ?? []).map((group) => ({
      code: group.code,
      ratio: group.ratio.at(-1) ?? 0,
    }));
    const highest = latest.reduce((a, b) => (b.ratio > a.ratio ? b : a));
    expect(headline).toMatchObject({ code: highest.code, ratio: highest.ratio });
    expect(gapFor(entry('pph'), 'level2')).toBe(entry('pph').gapLevel2);
    expect(overviewRows(overview, 'INDIAN', 'level2')[0]?.gap).toMatchObject({
      code: 'INDIAN',
      label: 'Indian',
    });
  });

  it('shows the chosen group, or why it has no ratio', () => {
    expect(gapHeadline(entry('pph'), overview.groups, 'ASIAN')).toMatchObject({ code: 'ASIAN' });
    expect(gapHeadline(entry('stillbirth'), overview.groups, 'OTHER')).toEqual({
      reason: expect.stringMatching(/^(Events suppressed|Fewer than 8)/),
    });
    expect(gapHeadline(entry('recorded'), overview.groups, 'largest')).toEqual({
      reason: 'Not recorded by ethnic group',
    });
  });
});

describe('overviewRows (the icon matrix)', () => {
  it('gives every measure a row: mdcSummary for charted ones, and the gap to White', () => {
    const rows = overviewRows(overview, 'largest');
    expect(rows.map((row) => row.entry.measure.measure_id)).toEqual([
      'pph',
      'stillbirth',
      'maternal_death',
      'recorded',
    ]);
    expect(rows[0]?.summary?.latestDate).toBe('2026-03-01');
    expect(rows[0]?.summary?.variation).not.toBeNull();
    expect(rows[2]?.summary).toBeNull();
    expect(rows[3]?.gap).toEqual({ reason: 'Not recorded by ethnic group' });
  });
});

describe('gapPoints and sharedGapDomain', () => {
  it('lines up a group’s windows with the reference’s published counts', () => {
    const gap = entry('pph').gap;
    if (!gap) throw new Error('no gap');
    const points = gapPoints(gap, 'BLACK');
    expect(points).toHaveLength(46);
    expect(points[0]).toMatchObject({ period: '2022-06-01', referenceEvents: gap.reference.events[0] });
    expect(hasAnyRatio(points)).toBe(true);
    const stillbirthGap = entry('stillbirth').gap;
    expect(stillbirthGap && hasAnyRatio(gapPoints(stillbirthGap, 'OTHER'))).toBe(false);
    const [low, high] = sharedGapDomain(gap);
    expect(low).toBeLessThanOrEqual(0.5);
    expect(high).toBeGreaterThanOrEqual(2);
  });
});
