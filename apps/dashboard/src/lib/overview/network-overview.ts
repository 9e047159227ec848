import {
  disparityTable,
  NHS_MATERNITY_RULE,
  publishDisparityTable,
  rollingSums,
  type SuppressionRule,
  suppress,
} from '@maternity-qi/qi-stats';
import type { EthnicGroupRow, MeasureRow } from '../queries/network-queries.ts';

/**
 * The advisory group's Network overview file: the network's aggregates, and
 * nothing else, after disclosure control. Built at build time by
 * `publishNetworkOverview` from network totals (sums over sites, latest version
 * of every submission); the page reads only this file.
 *
 * Every count in it (`numerator`, `denominator`, `events`, `knownDenominator`) is
 * null (suppressed: shown as '*'), 0, or a multiple of 5 of at least 10: NHS
 * Digital's rule (`NHS_MATERNITY_RULE`) with secondary suppression. Rates are
 * withheld (null) where the true numerator is under 8, and so are the ratios of
 * groups whose events are under 8 or suppressed.
 */
export interface NetworkOverviewFile {
  kind: 'network-overview';
  preparedAt: string;
  source: string;
  /** The disclosure control rule applied. */
  rule: SuppressionRule;
  /** First and last month of the network's data (yyyy-mm-dd). */
  from: string | null;
  to: string | null;
  /** The reference group of every ratio (level-1 code). */
  reference: string;
  /** Level-1 ethnic groups compared with the reference, in display order. */
  groups: { code: string; label: string }[];
  /** Level-2 (drill-down) groups compared with the reference: Indian, Pakistani, Black African ... */
  level2Groups: { code: string; label: string }[];
  measures: OverviewMeasure[];
}

/** The ethnic grouping a gap is broken down by: the network's level-1 groups, or the level-2 drill-down. */
export type GroupingLevel = 'level1' | 'level2';

/** Names of the level-2 groups (ethnic_categories.level2_group) in users' words. */
export const level2Labels: Record<string, string> = {
  WHITE: 'White',
  MIXED: 'Mixed',
  INDIAN: 'Indian',
  PAKISTANI: 'Pakistani',
  BANGLADESHI: 'Bangladeshi',
  OTHER_ASIAN: 'Any other Asian background',
  BLACK_CARIBBEAN: 'Black Caribbean',
  BLACK_AFRICAN: 'Black African',
  OTHER_BLACK: 'Any other Black background',
  CHINESE: 'Chinese',
  OTHER: 'Any other ethnic group',
};

/** The catalogue fields the page needs. */
export type OverviewMeasureInfo = Pick<
  MeasureRow,
  | 'measure_id'
  | 'name'
  | 'domain'
  | 'unit_label'
  | 'multiplier'
  | 'direction'
  | 'target_value'
  | 'window_months'
  | 'rare_event'
  | 'by_ethnic_group'
  | 'default_chart'
>;

export interface OverviewMeasure {
  measure: OverviewMeasureInfo;
  /** The network rate over time for the MDC chart; null with `seriesNote` when not charted. */
  series: PublishedSeries | null;
  seriesNote: string | null;
  /** Each level-1 group's ratio to the reference over rolling windows; null when the measure has no ethnic breakdown. */
  gap: PublishedGap | null;
  /** The same for the level-2 groups (smaller, so more windows are withheld). */
  gapLevel2: PublishedGap | null;
}

/** Columns, one entry per point (the window ending in `periods[i]`). */
export interface PublishedSeries {
  /** Months summed per point: 1 (monthly) or the catalogue's window for rare events. */
  windowMonths: number;
  periods: string[];
  numerator: (number | null)[];
  denominator: (number | null)[];
  /** × the measure's multiplier, 6 significant figures (monthly: from the true counts; rolling windows: from the rounded counts); null when withheld. */
  rate: (number | null)[];
}

export interface PublishedGap {
  windowMonths: number;
  /** Last month of each window (yyyy-mm-dd); only complete windows. */
  periods: string[];
  reference: { events: (number | null)[]; denominator: (number | null)[] };
  groups: PublishedGapGroup[];
  /** Share of the denominator with a recorded ethnic group (from published counts), per window. */
  recorded: (number | null)[];
}

export interface PublishedGapGroup {
  code: string;
  events: (number | null)[];
  denominator: (number | null)[];
  /** Risk ratio against the reference with its 95% interval (Katz); null when withheld or undefined. */
  ratio: (number | null)[];
  lower: (number | null)[];
  upper: (number | null)[];
  /** Why there is no ratio; null when there is one. */
  reason: (string | null)[];
}

/** One measure × month × group (or 'ALL') of network totals, months as yyyy-mm-dd. */
export interface NetworkCount {
  measure_id: string;
  period: string;
  ethnic_group: string;
  numerator: number;
  denominator: number;
}

/** The gap charts sum at least 3 months (NHS CQIM rolling quarters): one month of one group is too few events. */
export const minimumGapWindow = 3;

const unknownGroup = 'UNKNOWN';

/** Six significant figures: more than any chart or table shows, and a file a third smaller. */
function sixFigures(value: number | null | undefined): number | null {
  return value == null ? null : Number(value.toPrecision(6));
}

/** Month arithmetic on yyyy-mm-dd (first of the month). */
function monthNumber(period: string): number {
  return Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
}
function periodOfMonth(month: number): string {
  const year = Math.floor(month / 12);
  return `${year}-${String(month - year * 12 + 1).padStart(2, '0')}-01`;
}

/**
 * Disclosure control of one column of counts with qi-stats' `suppress` (the
 * column's months as rows): primary suppression of 1–7, secondary suppression
 * (the column total is never published, so this errs on the safe side), rounding
 * to 5, and rates withheld where the true numerator is under the rule's minimum.
 *
 * Rates of monthly points come from the true counts, as NHS Digital computes
 * rare-event rates (a network month of 15 stillbirths rounded to 15 or 20 would
 * move the rate by up to a sixth, and Making Data Count's limits with it); the
 * numerator this gives back is 8 or more, which the rule does not protect. Rates
 * of overlapping rolling windows come from the rounded counts: exact window sums
 * would give exact differences between months, and those months are small.
 */
function publishColumn(
  numerators: readonly number[],
  denominators: readonly number[],
  multiplier: number,
  rule: SuppressionRule,
  rateFrom: 'true counts' | 'rounded counts',
) {
  if (numerators.length === 0) return { numerator: [], denominator: [], rate: [] };
  const labels = numerators.map((_, index) => String(index));
  const events = suppress(
    {
      rowLabels: labels,
      columnLabels: ['numerator'],
      counts: numerators.map((value) => [value]),
      denominators: denominators.map((value) => [value]),
      multiplier,
    },
    rule,
  );
  const totals = suppress(
    { rowLabels: labels, columnLabels: ['denominator'], counts: denominators.map((value) => [value]) },
    rule,
  );
  return {
    numerator: events.cells.map((row) => row[0]?.value ?? null),
    denominator: totals.cells.map((row) => row[0]?.value ?? null),
    rate: events.cells.map((row, index) => {
      // A rate is shown only with its denominator: never a rate beside a suppressed total.
      const rounded = row[0]?.rate ?? null;
      if (totals.cells[index]?.[0]?.value == null || rounded == null) return null;
      return sixFigures(
        rateFrom === 'rounded counts'
          ? rounded
          : ((numerators[index] as number) / (denominators[index] as number)) * multiplier,
      );
    }),
  };
}

/**
 * The network series of one measure. Monthly when every month's network
 * numerator is 8 or more; otherwise, for a rare-event measure with a catalogue
 * window (3 or 12 months), rolling sums over that window, complete windows only
 * (sum, then divide: qi-stats' `rollingSums`). Rates still under 8 events are
 * withheld, leaving a gap in the chart.
 */
function networkSeries(
  rows: readonly NetworkCount[],
  measure: OverviewMeasureInfo,
  months: readonly string[],
  rule: SuppressionRule,
): { series: PublishedSeries | null; note: string | null } {
  if ((measure.default_chart ?? '').toLowerCase() === 'none') {
    return {
      series: null,
      note: 'Context only: the catalogue does not chart this measure month by month (too few events).',
    };
  }
  const byMonth = new Map(rows.map((row) => [row.period, row]));
  const present = months.filter((month) => byMonth.has(month));
  if (present.length === 0) return { series: null, note: 'No network data for this measure.' };
  const window = measure.window_months ?? 1;
  const sparse = present.some((month) => (byMonth.get(month)?.numerator ?? 0) < rule.rateMinNumerator);
  let points: { period: string; numerator: number; denominator: number }[];
  let windowMonths = 1;
  if (sparse && window > 1) {
    windowMonths = window;
    points = rollingSums(
      present.map((period) => {
        const row = byMonth.get(period) as NetworkCount;
        return { period, events: row.numerator, denominator: row.denominator };
      }),
      window,
    )
      .filter((sum) => sum.complete)
      .map((sum) => ({ period: `${sum.period}-01`, numerator: sum.events, denominator: sum.denominator }));
  } else {
    points = present.map((period) => {
      const row = byMonth.get(period) as NetworkCount;
      return { period, numerator: row.numerator, denominator: row.denominator };
    });
  }
  const published = publishColumn(
    points.map((point) => point.numerator),
    points.map((point) => point.denominator),
    measure.multiplier,
    rule,
    windowMonths > 1 ? 'rounded counts' : 'true counts',
  );
  const note =
    windowMonths > 1
      ? `Some months have fewer than ${rule.rateMinNumerator} events across the network, so each point sums the ${windowMonths} months to its date (the catalogue’s window). Neighbouring points share months, so Making Data Count’s run rules fire more readily: read signals with care.`
      : null;
  return {
    series: { windowMonths, periods: points.map((point) => point.period), ...published },
    note,
  };
}

/**
 * Each level-1 group against the reference over rolling windows of the measure's
 * catalogue window (at least `minimumGapWindow` months), complete windows only.
 * Each window's groups go through qi-stats' `disparityTable` (risk ratio, Katz
 * 95% interval) and then `publishDisparityTable`, which suppresses and rounds
 * events and denominators (secondary suppression down each column), recomputes
 * every published ratio and interval from the rounded counts (so none can be
 * turned back into an unrounded count) and withholds ratios where a group has
 * under 8 events. A ratio is also
 * withheld when the reference's own rate is.
 */
function networkGap(
  rows: readonly NetworkCount[],
  measure: OverviewMeasureInfo,
  months: readonly string[],
  groups: readonly { code: string }[],
  reference: string,
  rule: SuppressionRule,
): PublishedGap | null {
  if (!measure.by_ethnic_group || months.length === 0) return null;
  const windowMonths = Math.max(minimumGapWindow, measure.window_months ?? 1);
  const codes = [reference, ...groups.map((group) => group.code), unknownGroup];
  const counts = new Map<string, NetworkCount>();
  for (const row of rows) counts.set(`${row.ethnic_group}|${row.period}`, row);
  if (!rows.some((row) => row.ethnic_group !== 'ALL')) return null;
  const first = monthNumber(months[0] as string);
  const gap: PublishedGap = {
    windowMonths,
    periods: [],
    reference: { events: [], denominator: [] },
    groups: groups.map((group) => ({
      code: group.code,
      events: [],
      denominator: [],
      ratio: [],
      lower: [],
      upper: [],
      reason: [],
    })),
    recorded: [],
  };
  for (const end of months) {
    const last = monthNumber(end);
    if (last - windowMonths + 1 < first) continue;
    const inWindow = Array.from({ length: windowMonths }, (_, index) =>
      periodOfMonth(last - windowMonths + 1 + index),
    );
    const pooled = codes.map((code) => {
      let events = 0;
      let denominator = 0;
      for (const month of inWindow) {
        const row = counts.get(`${code}|${month}`);
        events += row?.numerator ?? 0;
        denominator += row?.denominator ?? 0;
      }
      return { group: code, events, denominator };
    });
    const table = publishDisparityTable(
      disparityTable(pooled, {
        reference,
        levels: [0.95],
        statistic: 'proportion',
        multiplier: measure.multiplier,
        favourable: measure.direction === 'higher_is_better' ? 'higher' : 'lower',
        unknownGroups: [unknownGroup],
        measures: [],
      }),
      rule,
    );
    const byCode = new Map(table.groups.map((group) => [group.group, group]));
    const referenceRow = byCode.get(reference);
    gap.periods.push(end);
    gap.reference.events.push(referenceRow?.events.value ?? null);
    gap.reference.denominator.push(referenceRow?.denominator.value ?? null);
    gap.recorded.push(sixFigures(table.completeness.proportionKnown));
    for (const group of gap.groups) {
      const row = byCode.get(group.code);
      group.events.push(row?.events.value ?? null);
      group.denominator.push(row?.denominator.value ?? null);
      let reason: string | null = null;
      if (!row || row.denominator.value === 0) reason = 'no women in this group';
      else if (row.withheld) reason = row.withheldReason ?? 'withheld (disclosure control)';
      else if (!referenceRow || referenceRow.withheld)
        reason = `White women's rate withheld (${referenceRow?.withheldReason ?? 'no data'})`;
      const ratio = reason == null ? row?.ratio : null;
      const interval = ratio?.intervals[0];
      if (reason == null && (ratio?.value == null || interval?.lower == null || interval.upper == null))
        reason = ratio?.reason ?? 'no ratio';
      const shown = reason == null;
      group.ratio.push(shown ? sixFigures(ratio?.value) : null);
      group.lower.push(shown ? sixFigures(interval?.lower) : null);
      group.upper.push(shown ? sixFigures(interval?.upper) : null);
      group.reason.push(reason);
    }
  }
  return gap;
}

/**
 * Builds the advisory group's file from network totals: per measure, the
 * network rate over time and each ethnic group's risk ratio against White
 * over rolling windows, with every count through disclosure control. Pure:
 * the build step feeds it the SQL's rows, tests feed it anything.
 */
export function publishNetworkOverview(
  counts: readonly NetworkCount[],
  measures: readonly OverviewMeasureInfo[],
  ethnicGroups: readonly Pick<EthnicGroupRow, 'code' | 'label' | 'is_reference' | 'is_unknown'>[],
  meta: { preparedAt: string; source: string },
  rule: SuppressionRule = NHS_MATERNITY_RULE,
  /** Network totals by level-2 group (`ethnic_group` a level-2 code, 'UNKNOWN' for not known; no 'ALL'), and those groups in order. */
  level2: { counts: readonly NetworkCount[]; groups: readonly string[] } = { counts: [], groups: [] },
): NetworkOverviewFile {
  const reference = ethnicGroups.find((group) => group.is_reference)?.code ?? 'WHITE';
  const groups = ethnicGroups
    .filter((group) => !group.is_reference && !group.is_unknown && group.code !== 'ALL')
    .map((group) => ({ code: group.code, label: group.label }));
  const months = [...new Set(counts.map((row) => row.period))].sort();
  const byMeasure = new Map<string, NetworkCount[]>();
  for (const row of counts) {
    const rows = byMeasure.get(row.measure_id);
    if (rows) rows.push(row);
    else byMeasure.set(row.measure_id, [row]);
  }
  const level2Groups = level2.groups
    .filter((code) => code !== reference && code !== unknownGroup)
    .map((code) => ({ code, label: level2Labels[code] ?? code }));
  const level2ByMeasure = new Map<string, NetworkCount[]>();
  for (const row of level2.counts) {
    const rows = level2ByMeasure.get(row.measure_id);
    if (rows) rows.push(row);
    else level2ByMeasure.set(row.measure_id, [row]);
  }
  return {
    kind: 'network-overview',
    preparedAt: meta.preparedAt,
    source: meta.source,
    rule,
    from: months[0] ?? null,
    to: months.at(-1) ?? null,
    reference,
    groups,
    level2Groups,
    measures: measures.map((measure) => {
      const rows = byMeasure.get(measure.measure_id) ?? [];
      const { series, note } = networkSeries(
        rows.filter((row) => row.ethnic_group === 'ALL'),
        measure,
        months,
        rule,
      );
      const info: OverviewMeasureInfo = {
        measure_id: measure.measure_id,
        name: measure.name,
        domain: measure.domain,
        unit_label: measure.unit_label,
        multiplier: measure.multiplier,
        direction: measure.direction,
        target_value: measure.target_value,
        window_months: measure.window_months,
        rare_event: measure.rare_event,
        by_ethnic_group: measure.by_ethnic_group,
        default_chart: measure.default_chart,
      };
      return {
        measure: info,
        series,
        seriesNote: note,
        gap: networkGap(rows, measure, months, groups, reference, rule),
        gapLevel2:
          level2Groups.length > 0
            ? networkGap(
                level2ByMeasure.get(measure.measure_id) ?? [],
                measure,
                months,
                level2Groups,
                reference,
                rule,
              )
            : null,
      };
    }),
  };
}

/** The count fields of the file, for checks: every number in these is null, 0 or a rounded count ≥ 10. */
export function publishedCounts(file: NetworkOverviewFile): (number | null)[] {
  const values: (number | null)[] = [];
  for (const { series, gap: level1, gapLevel2 } of file.measures) {
    if (series) values.push(...series.numerator, ...series.denominator);
    for (const gap of [level1, gapLevel2]) {
      if (!gap) continue;
      values.push(...gap.reference.events, ...gap.reference.denominator);
      for (const group of gap.groups) values.push(...group.events, ...group.denominator);
    }
  }
  return values;
}
