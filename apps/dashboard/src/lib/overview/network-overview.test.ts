import { NHS_MATERNITY_RULE, riskRatio, rollingSums } from '@maternity-qi/qi-stats';
import { describe, expect, it } from 'vitest';
import { type NetworkCount, publishedCounts, publishNetworkOverview } from './network-overview';
import {
  overviewCounts,
  overviewGroups,
  overviewLevel2Groups,
  overviewMeasures,
  overviewMonths,
  randomCounts,
  seeded,
  splitToLevel2,
} from './testing-overview';

const meta = { preparedAt: '2026-11-26T00:00:00.000Z', source: 'test network' };
const level2 = { counts: splitToLevel2(overviewCounts), groups: overviewLevel2Groups };
const overview = publishNetworkOverview(
  overviewCounts,
  overviewMeasures,
  overviewGroups,
  meta,
  undefined,
  level2,
);
const entry = (id: string) => overview.measures.find((candidate) => candidate.measure.measure_id === id);
const raw = (id: string, group: string) =>
  overviewCounts.filter((row) => row.measure_id === id && row.ethnic_group === group);

/** Whether a published count is allowed by the NHS rule: suppressed, 0, or rounded to 5 and not in 1–7. */
const allowed = (value: number | null) => value === null || value === 0 || (value >= 8 && value % 5 === 0);

/** Counts as the advisory file publishes them: each rounded to the nearest 5. */
function roundedToFive(count: { events: number; denominator: number }) {
  return { events: Math.round(count.events / 5) * 5, denominator: Math.round(count.denominator / 5) * 5 };
}

describe('publishNetworkOverview: the network series', () => {
  it('sums sites and publishes each month rounded to 5, with the rate from the true counts', () => {
    const series = entry('pph')?.series;
    expect(series?.windowMonths).toBe(1);
    expect(series?.periods).toEqual(overviewMonths);
    const [april] = raw('pph', 'ALL');
    expect(series?.numerator[0]).toBe(Math.round((april?.numerator ?? 0) / 5) * 5);
    expect(series?.denominator[0]).toBe(Math.round((april?.denominator ?? 0) / 5) * 5);
    expect(series?.rate[0]).toBeCloseTo(((april?.numerator ?? 0) / (april?.denominator ?? 1)) * 1000, 4);
  });

  it('uses the catalogue window when some months have fewer than 8 events, from rounded counts', () => {
    const series = entry('stillbirth')?.series;
    expect(series?.windowMonths).toBe(12);
    // Complete 12-month windows only: 48 − 11.
    expect(series?.periods).toHaveLength(37);
    expect(series?.periods[0]).toBe('2023-03-01');
    const sums = rollingSums(
      raw('stillbirth', 'ALL').map((row) => ({
        period: row.period,
        events: row.numerator,
        denominator: row.denominator,
      })),
      12,
    ).filter((sum) => sum.complete);
    const first = sums[0];
    const numerator = Math.round((first?.events ?? 0) / 5) * 5;
    const denominator = Math.round((first?.denominator ?? 0) / 5) * 5;
    expect(series?.numerator[0]).toBe(numerator);
    expect(series?.rate[0]).toBeCloseTo((numerator / denominator) * 1000, 4);
    expect(entry('stillbirth')?.seriesNote).toMatch(/sums the 12 months/);
  });

  it('does not chart a context-only measure, and says why', () => {
    expect(entry('maternal_death')?.series).toBeNull();
    expect(entry('maternal_death')?.seriesNote).toMatch(/Context only/);
  });

  it('withholds a rate whose numerator is under 8 even over the window', () => {
    const rows: NetworkCount[] = overviewMonths.map((period, index) => ({
      measure_id: 'stillbirth',
      period,
      ethnic_group: 'ALL',
      // Half a death a month: 12-month windows hold 6 (withheld) or 12 (shown).
      numerator: index % 2,
      denominator: 1000,
    }));
    const sparse = publishNetworkOverview(rows, overviewMeasures, overviewGroups, meta);
    const series = sparse.measures.find((candidate) => candidate.measure.measure_id === 'stillbirth')?.series;
    // Every 12-month window holds 6 deaths: suppressed, and no rate.
    expect(series?.windowMonths).toBe(12);
    expect(series?.numerator.every((value) => value === null)).toBe(true);
    expect(series?.rate.every((value) => value === null)).toBe(true);
    const monthly = publishNetworkOverview(
      rows.map((row) => ({ ...row, numerator: row.numerator * 3 })),
      overviewMeasures.map((measure) => ({ ...measure, window_months: 1 })),
      overviewGroups,
      meta,
    ).measures[1]?.series;
    // No window to fall back on: monthly, with the months of 0 and 3 withheld.
    expect(monthly?.windowMonths).toBe(1);
    expect(monthly?.rate.filter((value) => value == null)).toHaveLength(48);
    expect(monthly?.numerator.filter((value) => value === 3)).toHaveLength(0);
    expect(monthly?.numerator.filter((value) => value === null).length).toBeGreaterThanOrEqual(24);
  });
});

describe('publishNetworkOverview: the gap to White', () => {
  it('gives each group its risk ratio against White over 3-month windows, from the published (rounded) counts', () => {
    const gap = entry('pph')?.gap;
    expect(gap?.windowMonths).toBe(3);
    expect(gap?.periods).toHaveLength(46);
    expect(gap?.periods[0]).toBe('2022-06-01');
    const window = (group: string) =>
      raw('pph', group)
        .slice(0, 3)
        .reduce(
          (sum, row) => ({
            events: sum.events + row.numerator,
            denominator: sum.denominator + row.denominator,
          }),
          { events: 0, denominator: 0 },
        );
    // qi-stats publishDisparityTable computes every published figure from the
    // rounded counts, so no ratio can be turned back into an unrounded count.
    const expected = riskRatio(roundedToFive(window('WHITE')), roundedToFive(window('BLACK')));
    const black = gap?.groups.find((group) => group.code === 'BLACK');
    expect(black?.ratio[0]).toBeCloseTo(expected.value, 4);
    expect(black?.lower[0]).toBeCloseTo(expected.lower, 4);
    expect(black?.upper[0]).toBeCloseTo(expected.upper, 4);
    expect(black?.events[0]).toBe(Math.round(window('BLACK').events / 5) * 5);
    expect(gap?.recorded[0]).toBeGreaterThan(0.9);
  });

  it('uses the catalogue window when it is longer, and withholds groups with too few events', () => {
    const gap = entry('stillbirth')?.gap;
    expect(gap?.windowMonths).toBe(12);
    const other = gap?.groups.find((group) => group.code === 'OTHER');
    // About 0.16 stillbirths a month among Other women: never 8 in a year.
    expect(other?.ratio.every((value) => value === null)).toBe(true);
    expect(other?.reason[0]).toMatch(/suppressed|fewer than 8/);
  });

  it('breaks the gap down by level-2 group too, with the same windows and reference', () => {
    const gap = entry('pph')?.gapLevel2;
    expect(overview.level2Groups.map((group) => group.code)).toEqual(
      overviewLevel2Groups.filter((code) => code !== 'WHITE' && code !== 'UNKNOWN'),
    );
    expect(overview.level2Groups.find((group) => group.code === 'BLACK_AFRICAN')?.label).toBe(
      'Black African',
    );
    expect(gap?.periods).toEqual(entry('pph')?.gap?.periods);
    expect(gap?.reference).toEqual(entry('pph')?.gap?.reference);
    const window = (group: string) =>
      level2.counts
        .filter((row) => row.measure_id === 'pph' && row.ethnic_group === group)
        .slice(0, 3)
        .reduce(
          (sum, row) => ({
            events: sum.events + row.numerator,
            denominator: sum.denominator + row.denominator,
          }),
          { events: 0, denominator: 0 },
        );
    const expected = riskRatio(roundedToFive(window('WHITE')), roundedToFive(window('INDIAN')));
    expect(gap?.groups.find((group) => group.code === 'INDIAN')?.ratio[0]).toBeCloseTo(expected.value, 4);
    // Smaller groups: more windows withheld than at level 1.
    const withheld = (g: typeof gap) =>
      g?.groups.flatMap((group) => group.ratio).filter((v) => v == null).length ?? 0;
    expect(withheld(entry('stillbirth')?.gapLevel2)).toBeGreaterThan(withheld(entry('stillbirth')?.gap));
    expect(entry('recorded')?.gapLevel2).toBeNull();
  });

  it('has no gap for a measure recorded for all women only', () => {
    expect(entry('recorded')?.gap).toBeNull();
  });

  it('withholds every ratio when White women’s rate is withheld', () => {
    const rows = overviewCounts
      .filter((row) => row.measure_id === 'pph')
      .map((row) =>
        row.ethnic_group === 'WHITE'
          ? { ...row, numerator: row.period < '2022-07' ? 1 : row.numerator }
          : row,
      );
    const gap = publishNetworkOverview(rows, overviewMeasures, overviewGroups, meta).measures[0]?.gap;
    const asian = gap?.groups.find((group) => group.code === 'ASIAN');
    expect(asian?.ratio[0]).toBeNull();
    expect(asian?.reason[0]).toMatch(/White women's rate withheld/);
    expect(asian?.ratio.at(-1)).not.toBeNull();
  });
});

describe('publishNetworkOverview: disclosure control (property test over random networks)', () => {
  it('never publishes a count of 1 to 7; counts are rounded to 5; rates and ratios withheld under 8 events', () => {
    const random = seeded(20261126);
    let counts = 0;
    let withheld = 0;
    for (let run = 0; run < 150; run++) {
      const rows = randomCounts(random);
      const level2Rows = splitToLevel2(rows);
      const file = publishNetworkOverview(rows, overviewMeasures, overviewGroups, meta, undefined, {
        counts: level2Rows,
        groups: overviewLevel2Groups,
      });
      const published = publishedCounts(file);
      counts += published.length;
      for (const value of published) expect(allowed(value), `run ${run}: count ${value}`).toBe(true);
      // The whole file, not just the fields we know: every count-named number.
      JSON.stringify(file, (key, value) => {
        if (['numerator', 'denominator', 'events'].includes(key) && Array.isArray(value))
          for (const item of value) expect(allowed(item), `run ${run}: ${key} ${item}`).toBe(true);
        return value;
      });
      for (const { measure, series, gap: level1Gap, gapLevel2 } of file.measures) {
        if (series?.windowMonths === 1) {
          const all = new Map(
            rows
              .filter((row) => row.measure_id === measure.measure_id && row.ethnic_group === 'ALL')
              .map((row) => [row.period, row]),
          );
          series.periods.forEach((period, index) => {
            const truth = all.get(period);
            if ((truth?.numerator ?? 0) < NHS_MATERNITY_RULE.rateMinNumerator) {
              expect(series.rate[index], `run ${run} ${measure.measure_id} ${period}`).toBeNull();
              withheld++;
            }
          });
        }
        for (const [gap, source] of [
          [level1Gap, rows],
          [gapLevel2, level2Rows],
        ] as const) {
          for (const group of gap?.groups ?? []) {
            group.ratio.forEach((ratio, index) => {
              const end = gap?.periods[index] as string;
              const last = overviewMonths.indexOf(end);
              const months = overviewMonths.slice(last - ((gap?.windowMonths ?? 3) - 1), last + 1);
              const events = source
                .filter(
                  (row) =>
                    row.measure_id === measure.measure_id &&
                    row.ethnic_group === group.code &&
                    months.includes(row.period),
                )
                .reduce((sum, row) => sum + row.numerator, 0);
              if (events < NHS_MATERNITY_RULE.rateMinNumerator) {
                expect(ratio, `run ${run} ${measure.measure_id} ${group.code} ${end}`).toBeNull();
                withheld++;
              }
            });
          }
        }
      }
    }
    // The random networks really exercised the rule.
    expect(counts).toBeGreaterThan(10_000);
    expect(withheld).toBeGreaterThan(1_000);
  });
});
