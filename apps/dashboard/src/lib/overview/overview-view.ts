import { type MdcSummaryRow, makingDataCount, mdcSummary } from '@maternity-qi/qi-stats';
import type { ChartView } from '$lib/charts/chart-view';
import { formatCount } from '$lib/charts/format';
import type { GapChartPoint } from '$lib/charts/gap-chart';
import type { MdcResult } from '$lib/charts/qi-stats-contract';
import { improvementDirection } from '$lib/site/site-charts';
import type { GroupingLevel, NetworkOverviewFile, OverviewMeasure, PublishedGap } from './network-overview';

/** The gap-to-White choice in the URL: the largest gap, or one group's code. */
export type GapChoice = 'largest' | string;

/** A measure's gap at a grouping level (level 1: White, Asian, Black, Mixed, Other; level 2: the drill-down). */
export function gapFor(entry: OverviewMeasure, level: GroupingLevel): PublishedGap | null {
  return level === 'level2' ? entry.gapLevel2 : entry.gap;
}

/** The groups compared with White at a grouping level. */
export function groupsFor(
  file: NetworkOverviewFile,
  level: GroupingLevel,
): { code: string; label: string }[] {
  return level === 'level2' ? file.level2Groups : file.groups;
}

/** Making Data Count of the network's published rates (null when the measure is not charted). */
export function networkMdc(entry: OverviewMeasure): { result: MdcResult; dates: string[] } | null {
  const series = entry.series;
  if (!series || series.rate.every((value) => value == null)) return null;
  const result = makingDataCount({
    values: series.rate,
    dates: series.periods,
    improvement: improvementDirection(entry.measure),
    target: entry.measure.target_value,
  });
  return { result, dates: series.periods };
}

/**
 * Adds the published counts behind each point to an MDC chart's table (and so to
 * its CSV): numerator and denominator as the advisory file has them, '*' where
 * suppressed. They come from the disclosure-controlled file, so no count of 1–7
 * can appear.
 */
export function withPublishedCounts(view: ChartView, entry: OverviewMeasure): ChartView {
  const series = entry.series;
  if (!series) return view;
  const format = (value: unknown) => (typeof value === 'number' ? formatCount(value) : String(value ?? ''));
  return {
    ...view,
    table: {
      caption: `${view.table.caption}. Counts rounded to 5; * suppressed.${series.windowMonths > 1 ? ` Each point sums ${series.windowMonths} months.` : ''}`,
      columns: [
        ...view.table.columns,
        { key: 'numerator', label: 'Numerator (published)', kind: 'number', format },
        { key: 'denominator', label: 'Denominator (published)', kind: 'number', format },
      ],
      rows: view.table.rows.map((row, index) => ({
        ...row,
        numerator: series.numerator[index] ?? '*',
        denominator: series.denominator[index] ?? '*',
      })),
    },
  };
}

/** One group's windows, ready for `gapChartView`. */
export function gapPoints(gap: PublishedGap, code: string): GapChartPoint[] {
  const group = gap.groups.find((candidate) => candidate.code === code);
  if (!group) return [];
  return gap.periods.map((period, index) => ({
    period,
    ratio: group.ratio[index] ?? null,
    lower: group.lower[index] ?? null,
    upper: group.upper[index] ?? null,
    events: group.events[index] ?? null,
    denominator: group.denominator[index] ?? null,
    referenceEvents: gap.reference.events[index] ?? null,
    referenceDenominator: gap.reference.denominator[index] ?? null,
    reason: group.reason[index] ?? null,
  }));
}

/** Whether any window of a group has a ratio: a chart of nothing but gaps is not drawn. */
export function hasAnyRatio(points: readonly GapChartPoint[]): boolean {
  return points.some((point) => point.ratio != null);
}

/** The headline gap of a measure for the icon matrix. */
export interface GapHeadline {
  code: string;
  label: string;
  ratio: number;
  lower: number;
  upper: number;
  /** Last month of the latest window. */
  period: string;
  windowMonths: number;
  /** The 95% interval excludes 1. */
  clear: boolean;
  /** 'worse' / 'better' than White for measures with a direction, null for neutral ones. */
  assessment: 'worse' | 'better' | null;
}

/**
 * The gap to White a board can read in one cell: in the latest window, either
 * the chosen group's ratio, or (choice 'largest') the group furthest from White
 * in the unfavourable direction: the highest ratio where lower is better, the
 * lowest where higher is better, and the furthest from 1 on the log scale for
 * measures with no preferred direction. Groups whose ratio was withheld are not
 * candidates. Returns the reason when there is nothing to show.
 */
export function gapHeadline(
  entry: OverviewMeasure,
  groups: readonly { code: string; label: string }[],
  choice: GapChoice,
  level: GroupingLevel = 'level1',
): GapHeadline | { reason: string } {
  const gap = gapFor(entry, level);
  if (!gap) return { reason: 'Not recorded by ethnic group' };
  const last = gap.periods.length - 1;
  if (last < 0) return { reason: 'No complete window' };
  const direction = entry.measure.direction;
  const candidates = gap.groups
    .filter((group) => choice === 'largest' || group.code === choice)
    .flatMap((group) => {
      const ratio = group.ratio[last];
      const lower = group.lower[last];
      const upper = group.upper[last];
      if (ratio == null || lower == null || upper == null) return [];
      return [{ code: group.code, ratio, lower, upper }];
    });
  const badness = (ratio: number) =>
    direction === 'lower_is_better'
      ? ratio
      : direction === 'higher_is_better'
        ? 1 / ratio
        : Math.abs(Math.log(ratio));
  const best = candidates.reduce<(typeof candidates)[number] | null>(
    (worst, candidate) =>
      worst == null || badness(candidate.ratio) > badness(worst.ratio) ? candidate : worst,
    null,
  );
  if (!best) {
    const reason =
      choice === 'largest'
        ? 'Withheld (too few events)'
        : (gap.groups.find((group) => group.code === choice)?.reason[last] ?? 'Withheld');
    return { reason: reason.charAt(0).toUpperCase() + reason.slice(1) };
  }
  const clear = best.lower > 1 || best.upper < 1;
  const higher = best.ratio > 1;
  return {
    code: best.code,
    label: groups.find((group) => group.code === best.code)?.label ?? best.code,
    ratio: best.ratio,
    lower: best.lower,
    upper: best.upper,
    period: gap.periods[last] as string,
    windowMonths: gap.windowMonths,
    clear,
    assessment:
      direction === 'neutral' ? null : (direction === 'lower_is_better') === higher ? 'worse' : 'better',
  };
}

/** One row of the advisory group's icon matrix. */
export interface OverviewRow {
  entry: OverviewMeasure;
  /** qi-stats' `mdcSummary` of the network series; null when the measure is not charted. */
  summary: MdcSummaryRow | null;
  gap: GapHeadline | { reason: string };
}

/** The icon matrix: every measure's network series through `mdcSummary`, with the gap to White. */
export function overviewRows(
  file: NetworkOverviewFile,
  choice: GapChoice,
  level: GroupingLevel = 'level1',
): OverviewRow[] {
  const charted = file.measures.filter((entry) => entry.series?.rate.some((value) => value != null));
  const summaries = mdcSummary(
    charted.map((entry) => ({
      id: entry.measure.measure_id,
      label: entry.measure.name,
      values: entry.series?.rate ?? [],
      dates: entry.series?.periods ?? [],
      improvement: improvementDirection(entry.measure),
      target: entry.measure.target_value,
    })),
  );
  const byId = new Map(summaries.map((summary) => [summary.id, summary]));
  return file.measures.map((entry) => ({
    entry,
    summary: byId.get(entry.measure.measure_id) ?? null,
    gap: gapHeadline(entry, groupsFor(file, level), choice, level),
  }));
}

/** A gap chart axis shared by every group of a measure, so the small multiples compare at a glance. */
export function sharedGapDomain(gap: PublishedGap): [number, number] {
  let low = 0.5;
  let high = 2;
  for (const group of gap.groups) {
    for (const [index, lower] of group.lower.entries()) {
      if (lower != null && lower > 0) low = Math.min(low, lower);
      const upper = group.upper[index];
      if (upper != null) high = Math.max(high, upper);
    }
  }
  return [low, high];
}
