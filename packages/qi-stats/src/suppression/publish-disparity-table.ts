import { type DisparityGroup, type DisparityTable, totalExcess } from '../disparity/disparity-table.js';
import {
  type ComparisonSettings,
  differenceFromReference,
  type EstimateWithLimits,
  excessEvents,
  groupRate,
  ratioToReference,
} from '../disparity/group-comparison.js';
import type { PooledCount } from '../disparity/pool-counts.js';
import { NHS_MATERNITY_RULE, type SuppressionRule } from './rule.js';
import { type PublishedCell, suppress } from './suppress.js';

/** A group's row as it may be published. */
export interface PublishedDisparityGroup
  extends Omit<
    DisparityGroup,
    'events' | 'denominator' | 'share' | 'rate' | 'ratio' | 'difference' | 'excessEvents'
  > {
  events: PublishedCell;
  denominator: PublishedCell;
  /** Null when withheld. */
  rate: EstimateWithLimits | null;
  ratio: EstimateWithLimits | null;
  difference: EstimateWithLimits | null;
  excessEvents: EstimateWithLimits | null;
  /** Published denominator / published known-ethnicity denominator; null when either is hidden. */
  share: number | null;
  /** Whether the rate and everything derived from it were withheld, and why. */
  withheld: boolean;
  withheldReason?: string;
}

/** A disparity table with its counts controlled. */
export interface PublishedDisparityTable extends Omit<DisparityTable, 'groups' | 'total' | 'completeness'> {
  groups: PublishedDisparityGroup[];
  total: { events: PublishedCell; denominator: PublishedCell; rate: EstimateWithLimits | null };
  completeness: {
    unknownGroups: string[];
    unknownEvents: PublishedCell;
    unknownDenominator: PublishedCell;
    knownDenominator: PublishedCell;
    /** From the published (rounded) denominators, as NHS Digital computes percentages; null when one is hidden. */
    proportionKnown: number | null;
  };
  rule: SuppressionRule;
}

/** Controls one column of group counts published with its total (secondary suppression down the column). */
function controlColumn(
  values: ReadonlyArray<number>,
  rule: SuppressionRule,
): { cells: PublishedCell[]; total: PublishedCell } {
  const published = suppress(
    { rowLabels: values.map((_, i) => String(i)), columnLabels: ['count'], counts: values.map((v) => [v]) },
    rule,
  );
  return {
    cells: published.cells.map((row) => row[0] as PublishedCell),
    total: published.columnTotals[0] as PublishedCell,
  };
}

/** One count with no published margin: primary suppression and rounding only. */
function controlSingle(value: number, rule: SuppressionRule): PublishedCell {
  return suppress({ rowLabels: ['x'], columnLabels: ['x'], counts: [[value]] }, { ...rule, secondary: false })
    .cells[0]?.[0] as PublishedCell;
}

/**
 * Applies disclosure control to a `disparityTable` result before it leaves
 * the analyst's machine: each group's events and denominator, and their
 * known-ethnicity totals, go through `suppress` as columns published with
 * their totals (so a suppressed group cannot be recovered from the total);
 * the unknown-ethnicity counts are controlled on their own.
 *
 * Everything published is computed from the published (rounded) counts,
 * never from the true ones, so that no published number gives back a
 * count that rounding or suppression hid (with the true counts, a rate of
 * 52/5003 = 1.0394% beside the published 5005 gives 52.02 events back,
 * not the published 50):
 * - a shown group's rate and its limits: from its rounded events over its
 *   rounded denominator (as `suppress` and NHS Digital compute rates), so
 *   rate × published denominator / multiplier is the published count;
 * - its ratio and difference against the reference, with limits: from the
 *   rounded counts of the group and of the reference, by the table's
 *   methods; excess events: (rounded rate − rounded reference rate) ×
 *   rounded denominator, with the difference's limits likewise;
 * - its share: rounded denominator / published known-ethnicity
 *   denominator (which need not be the sum of the rounded groups);
 * - the total rate: published total events / published total denominator;
 * - total excess events: from the rounded counts of every known group.
 *
 * Withheld (null): the rate, ratio, difference and excess events of a group
 * whose events or denominator are suppressed or whose events are below the
 * rule's rate threshold (8 under the NHS rule); the ratio, difference and
 * excess events of every group when the reference's rate is withheld (they
 * would give its rate back); a group's share when its denominator is
 * hidden; the total rate under the threshold; total excess events when any
 * known group's counts are hidden (its variance term needs them).
 *
 * Kept from the true counts: the comparison category (higher / similar /
 * lower), which is too coarse to pin down a count, and the summary
 * measures: NHS Digital does not control such "complex" outputs. With very
 * few groups some summaries (e.g. a difference between two rates) are
 * exact functions of two groups' true rates; drop `summary` before
 * publishing such a table if that matters.
 *
 * When to use: on every disparity table that will be shown outside the
 * analytical environment (dashboards, reports). Compute first, control last.
 *
 * Cost: O(groups) plus secondary suppression on two columns.
 *
 * Reference: NHS Digital disclosure control methodology (NHS Maternity
 * Statistics); see `NHS_MATERNITY_RULE`.
 *
 * @example
 * const published = publishDisparityTable(disparityTable([
 *   { group: 'White', events: 50, denominator: 5000 },
 *   { group: 'Black', events: 30, denominator: 1500 },
 *   { group: 'Mixed', events: 3, denominator: 210 },
 * ]));
 * published.groups[2].events.display; // '*'
 * published.groups[2].rate;           // null (withheld)
 * published.groups[1].events.display; // '*' (secondary: else total − White − Black gives Mixed)
 * published.groups[1].rate;           // null (withheld with its events)
 * published.groups[0].rate?.value;    // 1 (White: 50 of 5000, shown)
 * published.totalExcessEvents;        // null (Mixed's counts are hidden)
 */
export function publishDisparityTable(
  table: DisparityTable,
  rule: SuppressionRule = NHS_MATERNITY_RULE,
): PublishedDisparityTable {
  const events = controlColumn(
    table.groups.map((g) => g.events),
    rule,
  );
  const denominators = controlColumn(
    table.groups.map((g) => g.denominator),
    rule,
  );
  const settings: ComparisonSettings = {
    statistic: table.statistic,
    levels: table.levels,
    comparisonLevel: table.comparisonLevel,
    multiplier: table.multiplier,
    favourable: table.favourable,
    ratioMethod: table.groups.some((g) => g.ratio?.method === 'exact-conditional')
      ? 'exact'
      : table.groups.some((g) => g.ratio !== null) || table.statistic === 'proportion'
        ? 'log'
        : 'exact',
  };
  const knownTotal = denominators.total.value;
  /** The group's published counts, or null when either is hidden. */
  const roundedCounts = table.groups.map((group, i): PooledCount | null => {
    const e = events.cells[i]?.value ?? null;
    const d = denominators.cells[i]?.value ?? null;
    return e === null || d === null ? null : { group: group.group, events: e, denominator: d };
  });
  const withheldReasons = table.groups.map((group, i): string | undefined => {
    if (events.cells[i]?.value === null) return 'events suppressed (disclosure control)';
    if (denominators.cells[i]?.value === null) return 'denominator suppressed (disclosure control)';
    if (group.events < rule.rateMinNumerator)
      return `fewer than ${rule.rateMinNumerator} events (disclosure control)`;
    return undefined;
  });
  const referenceIndex = table.groups.findIndex((group) => group.isReference);
  // Comparisons need the reference's published rate: null when it is withheld.
  const reference =
    referenceIndex >= 0 && withheldReasons[referenceIndex] === undefined
      ? roundedCounts[referenceIndex]
      : null;
  const groups = table.groups.map((group: DisparityGroup, i): PublishedDisparityGroup => {
    const eventsCell = events.cells[i] as PublishedCell;
    const denominatorCell = denominators.cells[i] as PublishedCell;
    const withheldReason = withheldReasons[i];
    const withheld = withheldReason !== undefined;
    const counts = withheld ? null : (roundedCounts[i] ?? null);
    const compared = counts !== null && reference !== null && reference !== undefined && !group.isReference;
    const difference = compared ? differenceFromReference(counts, reference, settings) : null;
    const published: PublishedDisparityGroup = {
      group: group.group,
      share:
        denominatorCell.value === null || knownTotal === null || knownTotal === 0
          ? null
          : denominatorCell.value / knownTotal,
      isReference: group.isReference,
      comparison: group.comparison,
      events: eventsCell,
      denominator: denominatorCell,
      rate: counts === null ? null : groupRate(counts, settings),
      ratio: compared ? ratioToReference(counts, reference, settings) : null,
      difference,
      excessEvents:
        compared && difference !== null ? excessEvents(difference, counts, table.multiplier) : null,
      withheld,
    };
    if (withheldReason !== undefined) published.withheldReason = withheldReason;
    return published;
  });
  const allCounts = roundedCounts.every((c) => c !== null) ? (roundedCounts as PooledCount[]) : null;
  const totalExcessEvents =
    table.totalExcessEvents === null || allCounts === null || reference === null || reference === undefined
      ? null
      : totalExcess(allCounts, allCounts[referenceIndex] as PooledCount, settings);
  const unknownEvents = controlSingle(table.completeness.unknownEvents, rule);
  const unknownDenominator = controlSingle(table.completeness.unknownDenominator, rule);
  const known = denominators.total;
  const all =
    known.value !== null && unknownDenominator.value !== null ? known.value + unknownDenominator.value : null;
  const { groups: _groups, total: _total, completeness: _completeness, ...rest } = table;
  return {
    ...rest,
    groups,
    totalExcessEvents,
    total: {
      events: events.total,
      denominator: denominators.total,
      rate:
        events.total.value === null ||
        denominators.total.value === null ||
        table.total.events < rule.rateMinNumerator
          ? null
          : groupRate(
              { group: 'Total', events: events.total.value, denominator: denominators.total.value },
              settings,
            ),
    },
    completeness: {
      unknownGroups: table.completeness.unknownGroups,
      unknownEvents,
      unknownDenominator,
      knownDenominator: known,
      proportionKnown: all === null || all === 0 || known.value === null ? null : known.value / all,
    },
    rule,
  };
}
