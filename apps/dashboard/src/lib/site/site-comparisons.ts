import { funnelLimits, isCompleteInterval, riskRatioOrReason } from '@maternity-qi/qi-stats';
import type { ForestRow } from '$lib/charts/forest-plot';
import type { FunnelResult } from '$lib/charts/funnel-plot';
import type {
  EthnicGroupRow,
  MeasureRow,
  MonthlyCountRow,
  SiteWindowRow,
} from '$lib/queries/network-queries';
import { isoDay } from './site-charts';

/**
 * The network's sites on a funnel plot for one measure over a window, through
 * qi-stats' `funnelLimits()`. Every catalogue measure counts events among the
 * denominator (a proportion, whatever its multiplier), so the funnels are PHE's
 * proportion funnels on the measure's own scale.
 */
export function networkFunnel(
  rows: readonly SiteWindowRow[],
  measure: Pick<MeasureRow, 'multiplier'>,
): FunnelResult | null {
  const points = rows
    .filter((row) => row.denominator > 0)
    .map((row) => ({ label: row.display_name, events: row.events, denominator: row.denominator }));
  if (points.length < 2) return null;
  return funnelLimits(points, { statistic: 'proportion', multiplier: measure.multiplier });
}

/** Ratios against White for one site, and the groups for which no ratio exists (with qi-stats' reason). */
export interface GapToReference {
  rows: ForestRow[];
  missing: { group: string; reason: string }[];
}

/**
 * Each ethnic group's risk ratio against the reference group (White) at one site
 * over the given months, from qi-stats' `riskRatioOrReason()` (Katz log interval). Groups
 * with no events, or a reference with none, get no ratio; qi-stats says why.
 */
export function gapToReference(
  counts: readonly MonthlyCountRow[],
  months: readonly string[],
  groups: readonly EthnicGroupRow[],
): GapToReference | null {
  const window = new Set(months);
  const totals = new Map<string, { events: number; denominator: number }>();
  for (const row of counts) {
    if (!window.has(isoDay(row.period))) continue;
    const total = totals.get(row.ethnic_group) ?? { events: 0, denominator: 0 };
    total.events += row.numerator;
    total.denominator += row.denominator;
    totals.set(row.ethnic_group, total);
  }
  const reference = groups.find((group) => group.is_reference);
  const referenceCount = reference ? totals.get(reference.code) : undefined;
  if (!reference || !referenceCount || referenceCount.denominator === 0) return null;
  const result: GapToReference = { rows: [], missing: [] };
  for (const group of groups) {
    if (group === reference || group.is_unknown) continue;
    const count = totals.get(group.code);
    if (!count || count.denominator === 0) continue;
    // The variant that returns a reason instead of throwing when a group has no events.
    const ratio = riskRatioOrReason(referenceCount, count);
    if (isCompleteInterval(ratio)) {
      result.rows.push({ label: group.label, ratio, events: count.events, denominator: count.denominator });
    } else {
      result.missing.push({ group: group.label, reason: 'reason' in ratio ? ratio.reason : 'no interval' });
    }
  }
  return result;
}
