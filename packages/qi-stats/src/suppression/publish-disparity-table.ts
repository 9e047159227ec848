import type { DisparityGroup, DisparityTable } from '../disparity/disparity-table.js';
import type { EstimateWithLimits } from '../disparity/group-comparison.js';
import { NHS_MATERNITY_RULE, type SuppressionRule } from './rule.js';
import { type PublishedCell, suppress } from './suppress.js';

/** A group's row as it may be published. */
export interface PublishedDisparityGroup
  extends Omit<DisparityGroup, 'events' | 'denominator' | 'rate' | 'ratio' | 'difference' | 'excessEvents'> {
  events: PublishedCell;
  denominator: PublishedCell;
  /** Null when withheld. */
  rate: EstimateWithLimits | null;
  ratio: EstimateWithLimits | null;
  difference: EstimateWithLimits | null;
  excessEvents: EstimateWithLimits | null;
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
 * For a group whose events are suppressed or below the rule's rate
 * threshold (8 under the NHS rule), the rate is withheld and so are its
 * ratio, difference and excess events: with the denominator published, any
 * of them would give the count back (rate × denominator). The comparison
 * category (higher / similar / lower) stays, as does every summary measure
 * and the total excess events: NHS Digital does not control such "complex"
 * outputs, and none of them pins down one group's count.
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
  const groups = table.groups.map((group: DisparityGroup, i): PublishedDisparityGroup => {
    const eventsCell = events.cells[i] as PublishedCell;
    const denominatorCell = denominators.cells[i] as PublishedCell;
    let withheldReason: string | undefined;
    if (eventsCell.value === null) withheldReason = 'events suppressed (disclosure control)';
    else if (denominatorCell.value === null) withheldReason = 'denominator suppressed (disclosure control)';
    else if (group.events < rule.rateMinNumerator)
      withheldReason = `fewer than ${rule.rateMinNumerator} events (disclosure control)`;
    const withheld = withheldReason !== undefined;
    const published: PublishedDisparityGroup = {
      group: group.group,
      share: group.share,
      isReference: group.isReference,
      comparison: group.comparison,
      events: eventsCell,
      denominator: denominatorCell,
      rate: withheld ? null : group.rate,
      ratio: withheld ? null : group.ratio,
      difference: withheld ? null : group.difference,
      excessEvents: withheld ? null : group.excessEvents,
      withheld,
    };
    if (withheldReason !== undefined) published.withheldReason = withheldReason;
    return published;
  });
  const unknownEvents = controlSingle(table.completeness.unknownEvents, rule);
  const unknownDenominator = controlSingle(table.completeness.unknownDenominator, rule);
  const known = denominators.total;
  const all =
    known.value !== null && unknownDenominator.value !== null ? known.value + unknownDenominator.value : null;
  const { groups: _groups, total: _total, completeness: _completeness, ...rest } = table;
  return {
    ...rest,
    groups,
    total: {
      events: events.total,
      denominator: denominators.total,
      rate:
        events.total.value === null || table.total.events < rule.rateMinNumerator ? null : table.total.rate,
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
