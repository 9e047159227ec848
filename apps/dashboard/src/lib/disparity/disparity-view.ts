import {
  type CountRow,
  type DisparityTable,
  type DisparityTableOptions,
  disparityTable,
  type EstimateWithLimits,
  funnelLimits,
  type InequalityMeasure,
  type InequalityResult,
  type InequalityUnavailable,
  proportionInterval,
} from '@maternity-qi/qi-stats';
import type { ForestRow } from '$lib/charts/forest-plot';
import type { FunnelResult } from '$lib/charts/funnel-plot';
import type { Level2GroupRow, MeasureDefinitionRow } from '$lib/queries/disparity-queries';
import type { EthnicGroupRow, MeasureRow, SiteRow } from '$lib/queries/network-queries';
import type { MeasureCount } from './disparity-bundle';

/**
 * The Disparity explorer's and Measure page's pure functions: from the precomputed
 * counts and the filters in the URL to what the charts draw. Counts are pooled by
 * summing numerators and denominators; every statistic comes from qi-stats.
 */

/** Level 1 (White, Asian, Black, Mixed, Other) or level 2 (Indian, Black Caribbean, …). */
export type GroupingLevel = 'level1' | 'level2';

/** A choice of months: the latest 3 or 12, or an NHS financial year (April to March). */
export interface PeriodWindow {
  /** What the URL holds: '3', '12' or 'fy2023' (April 2023 to March 2024). */
  value: string;
  label: string;
  /** The months it covers that have data, 'yyyy-mm', ascending. */
  months: string[];
}

/** The group every other group is compared with (as MBRRACE-UK). */
export const referenceGroup = 'WHITE';
/** The group code of unknown or not-stated ethnicity. */
export const unknownGroup = 'UNKNOWN';

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 'Apr 2024' from '2024-04'. */
export function monthLabel(month: string): string {
  return `${monthNames[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

function span(months: readonly string[]): string {
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) return 'no months';
  return first === last ? monthLabel(first) : `${monthLabel(first)} to ${monthLabel(last)}`;
}

/**
 * The windows a user can pick for the months with data: the latest 3 and 12 months
 * (rolling, NHS CQIM conventions), then each financial year, newest first. A year
 * with missing months says how many it has.
 */
export function periodWindows(months: readonly string[]): PeriodWindow[] {
  if (months.length === 0) return [];
  const sorted = [...months].sort();
  const windows: PeriodWindow[] = [3, 12].map((count) => {
    const chosen = sorted.slice(-count);
    return { value: String(count), label: `Latest ${count} months (${span(chosen)})`, months: chosen };
  });
  const years = new Map<number, string[]>();
  for (const month of sorted) {
    const year = Number(month.slice(0, 4)) - (Number(month.slice(5, 7)) < 4 ? 1 : 0);
    years.set(year, [...(years.get(year) ?? []), month]);
  }
  for (const [year, yearMonths] of [...years].sort((a, b) => b[0] - a[0])) {
    const name = `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
    windows.push({
      value: `fy${year}`,
      label:
        yearMonths.length === 12
          ? `Financial year ${name}`
          : `Financial year ${name} (${yearMonths.length} months: ${span(yearMonths)})`,
      months: yearMonths,
    });
  }
  return windows;
}

/** The window the URL names, else the latest 12 months. */
export function chooseWindow(
  windows: readonly PeriodWindow[],
  value: string | null,
): PeriodWindow | undefined {
  return windows.find((window) => window.value === value) ?? windows.find((window) => window.value === '12');
}

/** A group of the chosen level: its code (what qi-stats sees) and its label. */
export interface GroupOption {
  code: string;
  label: string;
  isReference: boolean;
  isUnknown: boolean;
}

const level2Names: Record<string, string> = {
  WHITE: 'White',
  MIXED: 'Mixed',
  OTHER: 'Any other ethnic group',
  UNKNOWN: 'Not stated / not known',
};

/** 'Black Caribbean' from 'BLACK_CARIBBEAN'. */
export function level2Label(code: string): string {
  return (
    level2Names[code] ??
    code
      .toLowerCase()
      .split('_')
      .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
      .join(' ')
  );
}

/** The groups of a level, in display order. */
export function groupOptions(
  level: GroupingLevel,
  groups: readonly EthnicGroupRow[],
  level2: readonly Level2GroupRow[],
): GroupOption[] {
  if (level === 'level1') {
    return groups.map((group) => ({
      code: group.code,
      label: group.label,
      isReference: group.is_reference,
      isUnknown: group.is_unknown,
    }));
  }
  return level2.map((group) => ({
    code: group.code,
    label: level2Label(group.code),
    isReference: group.is_reference,
    isUnknown: group.is_unknown,
  }));
}

/**
 * Each site's counts over the window by group of the chosen level: level-1
 * groups are sums of their level-2 groups. The site total ('ALL') is left out:
 * comparisons use the groups, and unknown ethnicity stays as its own group so
 * that qi-stats can report recording completeness.
 */
export function siteGroupCounts(
  counts: readonly MeasureCount[],
  months: readonly string[],
  level: GroupingLevel,
  level2: readonly Level2GroupRow[],
): Map<string, CountRow[]> {
  const window = new Set(months);
  const toLevel1 = new Map(level2.map((group) => [group.code, group.level1_group]));
  const bySite = new Map<string, Map<string, CountRow>>();
  for (const [site, month, group, numerator, denominator] of counts) {
    if (group === 'ALL' || !window.has(month)) continue;
    const code = level === 'level1' ? (toLevel1.get(group) ?? unknownGroup) : group;
    const groups = bySite.get(site) ?? new Map<string, CountRow>();
    bySite.set(site, groups);
    const row = groups.get(code) ?? { group: code, events: 0, denominator: 0 };
    row.events += numerator;
    row.denominator += denominator;
    groups.set(code, row);
  }
  return new Map([...bySite].map(([site, groups]) => [site, [...groups.values()]]));
}

/** qi-stats' settings for a catalogue measure: events among a denominator, on the measure's scale. */
export function disparityOptions(
  measure: Pick<MeasureRow, 'multiplier' | 'direction'>,
): DisparityTableOptions {
  return {
    statistic: 'proportion',
    multiplier: measure.multiplier,
    favourable: measure.direction === 'higher_is_better' ? 'higher' : 'lower',
    reference: referenceGroup,
    unknownGroups: [unknownGroup],
    levels: [0.95, 0.998],
  };
}

/** Every site's disparity table and the network's (all sites pooled). */
export interface NetworkDisparity {
  sites: { site: SiteRow; table: DisparityTable }[];
  network: DisparityTable;
}

/**
 * qi-stats' `disparityTable` for each site with data in the window, and for the
 * network (every site's rows pooled by summing). Groups come out in the display
 * order of `order`, so every site lists them alike. Null when no site has data.
 */
export function networkDisparity(
  bySite: ReadonlyMap<string, CountRow[]>,
  sites: readonly SiteRow[],
  order: readonly GroupOption[],
  measure: Pick<MeasureRow, 'multiplier' | 'direction'>,
): NetworkDisparity | null {
  const rank = new Map(order.map((group, index) => [group.code, index]));
  const sorted = (rows: readonly CountRow[]) =>
    [...rows].sort((a, b) => (rank.get(a.group) ?? 99) - (rank.get(b.group) ?? 99));
  const options = disparityOptions(measure);
  const result: NetworkDisparity['sites'] = [];
  const all: CountRow[] = [];
  for (const site of sites) {
    const rows = bySite.get(site.site_id);
    if (!rows || rows.every((row) => row.denominator === 0)) continue;
    result.push({ site, table: disparityTable(sorted(rows), options) });
    all.push(...rows);
  }
  if (result.length === 0) return null;
  return { sites: result, network: disparityTable(sorted(all), options) };
}

/** The limits of an estimate at a level (0.95 by default), or nulls. */
export function limitsAt(estimate: EstimateWithLimits | null, level = 0.95) {
  const limits = estimate?.intervals.find((interval) => interval.level === level);
  return { value: estimate?.value ?? null, lower: limits?.lower ?? null, upper: limits?.upper ?? null };
}

/** One site × group row: the rate with its interval and the comparison with White. */
export interface GroupRateRow {
  site: string;
  group: string;
  groupCode: string;
  events: number;
  denominator: number;
  rate: number | null;
  lower: number | null;
  upper: number | null;
  ratio: number | null;
  ratioLower: number | null;
  ratioUpper: number | null;
  difference: number | null;
  excess: number | null;
  excessLower: number | null;
  excessUpper: number | null;
  isReference: boolean;
  /** 'reference', 'higher', 'lower', 'similar' or 'not compared'. */
  category: string;
  /** qi-stats' reading through the measure's direction: 'better', 'worse', 'similar' or null. */
  assessment: string | null;
}

/** Every site's groups, then the network's, as rows for the rates chart and table. */
export function groupRateRows(disparity: NetworkDisparity, labels: readonly GroupOption[]): GroupRateRow[] {
  const labelOf = new Map(labels.map((group) => [group.code, group.label]));
  const rows: GroupRateRow[] = [];
  const add = (site: string, table: DisparityTable) => {
    for (const group of table.groups) {
      const rate = limitsAt(group.rate);
      const ratio = limitsAt(group.ratio);
      const excess = limitsAt(group.excessEvents);
      rows.push({
        site,
        group: labelOf.get(group.group) ?? group.group,
        groupCode: group.group,
        events: group.events,
        denominator: group.denominator,
        rate: rate.value,
        lower: rate.lower,
        upper: rate.upper,
        ratio: ratio.value,
        ratioLower: ratio.lower,
        ratioUpper: ratio.upper,
        difference: group.difference?.value ?? null,
        excess: excess.value,
        excessLower: excess.lower,
        excessUpper: excess.upper,
        isReference: group.isReference,
        category: group.isReference ? 'reference' : group.comparison.category,
        assessment: group.comparison.assessment,
      });
    }
  };
  for (const { site, table } of disparity.sites) add(site.display_name, table);
  add('Network', disparity.network);
  return rows;
}

/** The groups that can be compared with White: known, not the reference, present somewhere. */
export function comparisonGroups(disparity: NetworkDisparity, labels: readonly GroupOption[]): GroupOption[] {
  const present = new Set(
    disparity.network.groups
      .filter((group) => !group.isReference && group.denominator > 0)
      .map((g) => g.group),
  );
  return labels.filter((group) => present.has(group.code) && !group.isUnknown && !group.isReference);
}

/** Forest plot rows for one group against White, a row per site and the pooled network, with why any is missing. */
export function ratioForest(
  disparity: NetworkDisparity,
  groupCode: string,
): { rows: ForestRow[]; missing: { site: string; reason: string }[] } {
  const rows: ForestRow[] = [];
  const missing: { site: string; reason: string }[] = [];
  const add = (label: string, table: DisparityTable, pooled: boolean) => {
    const group = table.groups.find((candidate) => candidate.group === groupCode);
    if (!group || group.denominator === 0) {
      missing.push({ site: label, reason: 'no women in this group in the window' });
      return;
    }
    const ratio = limitsAt(group.ratio);
    if (ratio.value == null || ratio.lower == null || ratio.upper == null || ratio.value <= 0) {
      missing.push({
        site: label,
        reason: group.ratio?.reason ?? group.comparison.rule ?? 'no ratio could be calculated',
      });
      return;
    }
    rows.push({
      label,
      ratio: { value: ratio.value, lower: ratio.lower, upper: ratio.upper },
      events: group.events,
      denominator: group.denominator,
      pooled,
    });
  };
  for (const { site, table } of disparity.sites) add(site.display_name, table, false);
  add('Network', disparity.network, true);
  return { rows, missing };
}

/**
 * The sites' rates for one group on a funnel plot (qi-stats' `funnelLimits`,
 * proportion funnels on the measure's scale) around the group's network rate.
 * Null with fewer than two sites.
 */
export function groupFunnel(
  bySite: ReadonlyMap<string, CountRow[]>,
  sites: readonly SiteRow[],
  groupCode: string | null,
  measure: Pick<MeasureRow, 'multiplier'>,
): FunnelResult | null {
  const points = sites.flatMap((site) => {
    const rows = bySite.get(site.site_id) ?? [];
    const chosen = groupCode == null ? rows : rows.filter((row) => row.group === groupCode);
    const events = chosen.reduce((sum, row) => sum + row.events, 0);
    const denominator = chosen.reduce((sum, row) => sum + row.denominator, 0);
    return denominator > 0 ? [{ label: site.display_name, events, denominator }] : [];
  });
  if (points.length < 2) return null;
  return funnelLimits(points, { statistic: 'proportion', multiplier: measure.multiplier });
}

/** One site's potential for impact: the events its gaps cost against the White rate. */
export interface ImpactRow {
  site: string;
  /** Events in the unfavourable direction (positive: more harm, or fewer women reached, than at White women's rate). */
  excess: number;
  lower: number;
  upper: number;
  /** Women in the compared (non-White, known) groups. */
  denominator: number;
  rank: number;
}

/**
 * Sites ranked by potential for impact: the sum over non-White groups of the
 * events that would not have happened (or, for a measure where higher is better,
 * the women who would have been reached) had each group had White women's rate at
 * that site. qi-stats' `totalExcessEvents`, a Wald interval with the reference
 * variance counted once. Largest first; sites with no White women are left out.
 */
export function impactRanking(
  disparity: NetworkDisparity,
  measure: Pick<MeasureRow, 'direction'>,
): ImpactRow[] {
  const sign = measure.direction === 'higher_is_better' ? -1 : 1;
  const rows = disparity.sites.flatMap(({ site, table }) => {
    const total = table.totalExcessEvents;
    const limits = limitsAt(total);
    if (total?.value == null || limits.lower == null || limits.upper == null) return [];
    const [lower, upper] = [sign * limits.lower, sign * limits.upper].sort((a, b) => a - b) as [
      number,
      number,
    ];
    const compared = table.groups.filter((group) => !group.isReference);
    return [
      {
        site: site.display_name,
        excess: sign * total.value,
        lower,
        upper,
        denominator: compared.reduce((sum, group) => sum + group.denominator, 0),
        rank: 0,
      },
    ];
  });
  rows.sort((a, b) => b.excess - a.excess || a.site.localeCompare(b.site));
  rows.forEach((row, index) => {
    row.rank = index + 1;
  });
  return rows;
}

/** HEAT's names for its summary measures (WHO HEAT technical notes v6.0). */
export const summaryMeasureNames: Record<InequalityMeasure, string> = {
  d: 'Difference (D)',
  r: 'Ratio (R)',
  bgv: 'Between-group variance (BGV)',
  bgsd: 'Between-group standard deviation (BGSD)',
  covar: 'Coefficient of variation (COV)',
  idisu: 'Index of disparity, unweighted (IDISU)',
  idisw: 'Index of disparity, weighted (IDISW)',
  mdbu: 'Mean difference from best, unweighted (MDBU)',
  mdbw: 'Mean difference from best, weighted (MDBW)',
  mdmu: 'Mean difference from mean, unweighted (MDMU)',
  mdmw: 'Mean difference from mean, weighted (MDMW)',
  ti: 'Theil index (TI)',
  mld: 'Mean log deviation (MLD)',
  paf: 'Population attributable fraction (PAF, %)',
  parisk: 'Population attributable risk (PAR)',
};

/** One summary measure as the table shows it. */
export interface SummaryRow {
  measure: string;
  estimate: number | null;
  lower: number | null;
  upper: number | null;
  method: string | null;
  note: string;
}

/** A disparity table's HEAT summary measures, in HEAT's order, with the reason for any that is undefined. */
export function summaryRows(table: DisparityTable, labels: readonly GroupOption[] = []): SummaryRow[] {
  // qi-stats' notes name groups by the codes it was given; show users' words.
  const named = (text: string) =>
    labels.reduce((out, group) => out.replace(new RegExp(`\\b${group.code}\\b`, 'g'), group.label), text);
  return table.summary.map((result: InequalityResult | InequalityUnavailable) =>
    'reason' in result
      ? {
          measure: summaryMeasureNames[result.measure],
          estimate: null,
          lower: null,
          upper: null,
          method: null,
          note: named(`Not calculated: ${result.reason}`),
        }
      : {
          measure: summaryMeasureNames[result.measure],
          estimate: result.estimate,
          lower: result.lower,
          upper: result.upper,
          method: result.intervalMethod ?? null,
          note: named((result.notes ?? []).join('; ')),
        },
  );
}

/** One site's recording of ethnicity over the window. */
export interface CompletenessRow {
  site: string;
  known: number | null;
  unknownDenominator: number;
  denominator: number;
}

/** Share of each site's denominator with a recorded ethnic group (qi-stats' completeness), and the network's. */
export function completenessRows(disparity: NetworkDisparity): CompletenessRow[] {
  const row = (site: string, table: DisparityTable): CompletenessRow => ({
    site,
    known: table.completeness.proportionKnown == null ? null : 100 * table.completeness.proportionKnown,
    unknownDenominator: table.completeness.unknownDenominator,
    denominator: table.completeness.knownDenominator + table.completeness.unknownDenominator,
  });
  return [
    ...disparity.sites.map(({ site, table }) => row(site.display_name, table)),
    row('Network', disparity.network),
  ];
}

/** A site's value of a measure over a window, all women, with its 95% Wilson interval. */
export interface SiteRateRow {
  siteId: string;
  site: string;
  events: number;
  denominator: number;
  rate: number | null;
  lower: number | null;
  upper: number | null;
}

/**
 * Every site's submitted totals ('ALL') over the window, with qi-stats' Wilson
 * interval on the measure's scale, and the network's (sites pooled by summing).
 */
export function siteRates(
  counts: readonly MeasureCount[],
  months: readonly string[],
  sites: readonly SiteRow[],
  measure: Pick<MeasureRow, 'multiplier'>,
): { sites: SiteRateRow[]; network: SiteRateRow | null } {
  const window = new Set(months);
  const totals = new Map<string, { events: number; denominator: number }>();
  for (const [site, month, group, numerator, denominator] of counts) {
    if (group !== 'ALL' || !window.has(month)) continue;
    const total = totals.get(site) ?? { events: 0, denominator: 0 };
    total.events += numerator;
    total.denominator += denominator;
    totals.set(site, total);
  }
  const rate = (siteId: string, site: string, events: number, denominator: number): SiteRateRow => {
    if (denominator === 0) return { siteId, site, events, denominator, rate: null, lower: null, upper: null };
    const interval = proportionInterval(events, denominator);
    return {
      siteId,
      site,
      events,
      denominator,
      rate: interval.value * measure.multiplier,
      lower: interval.lower * measure.multiplier,
      upper: interval.upper * measure.multiplier,
    };
  };
  const rows = sites.flatMap((site) => {
    const total = totals.get(site.site_id);
    return total ? [rate(site.site_id, site.display_name, total.events, total.denominator)] : [];
  });
  const events = rows.reduce((sum, row) => sum + row.events, 0);
  const denominator = rows.reduce((sum, row) => sum + row.denominator, 0);
  return { sites: rows, network: rows.length > 0 ? rate('', 'Network', events, denominator) : null };
}

/** How a measure's direction reads. */
export function directionText(measure: Pick<MeasureDefinitionRow, 'direction'>): string {
  return measure.direction === 'lower_is_better'
    ? 'Lower is better'
    : measure.direction === 'higher_is_better'
      ? 'Higher is better'
      : 'Neither direction is better (a balancing measure)';
}
