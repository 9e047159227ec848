import { QiStatsInputError } from '../errors.js';
import { exactPoissonLimitsContinuous } from '../intervals/exact-poisson.js';
import { rateInterval } from '../intervals/rate-interval.js';
import { checkCount, checkMultiplier, checkPositive } from '../intervals/validate.js';
import { normalQuantile } from '../math/normal-quantile.js';

/** One site (or other unit) on a funnel plot. */
export interface FunnelPoint {
  label?: string;
  events: number;
  denominator: number;
}

/** Funnel limits at one denominator, on the multiplier's scale. */
export interface FunnelLimitsAt {
  denominator: number;
  baseline: number;
  /** 95% limits (≈2σ, two-sided 0.025 in each tail). */
  lower95: number;
  upper95: number;
  /** 99.8% limits (≈3σ, 0.001 in each tail). */
  lower998: number;
  upper998: number;
}

/** PHE's significance labels. */
export type FunnelSignificance =
  | 'High (0.001)'
  | 'High (0.025)'
  | 'Low (0.001)'
  | 'Low (0.025)'
  | 'Not significant';

/** A point with its value, the limits at its own denominator and its significance. */
export interface FunnelPointResult extends FunnelLimitsAt {
  label: string | null;
  events: number;
  value: number;
  significance: FunnelSignificance;
}

/** Options of `funnelLimits`. */
export interface FunnelOptions {
  /** 'proportion' (inverse Wilson limits) or 'rate' (Poisson limits). */
  statistic: 'proportion' | 'rate';
  /** Default 100 for proportions, 100,000 for rates. */
  multiplier?: number;
  /** The benchmark on the multiplier's scale; default the pooled average Σevents/Σdenominators. */
  benchmark?: number;
  /** Points on the plotted curve; default 100, as PHE. */
  steps?: number;
}

/**
 * PHE's `sigma_adjustment`: the proportion at which a Wilson interval for a
 * sample of `n` just touches the average `p` (on the 0-1 scale), i.e. the
 * inverse Wilson limit, at normal quantile `q` (0.975 or 0.999).
 */
function inverseWilson(q: number, n: number, p: number, side: 'low' | 'high'): number {
  const z2 = normalQuantile(q) ** 2;
  const first = p * (n / z2 + 1);
  const inner =
    (-8 * p * (n / z2 + 1)) ** 2 - 64 * (1 / z2 + 1 / n) * p * (n * (p * (n / z2 + 2) - 1) + z2 * (p - 1));
  const adjustment = Math.sqrt(Math.max(0, inner));
  const last = 1 / z2 + 1 / n;
  return (side === 'low' ? first - adjustment / 8 : first + adjustment / 8) / last / n;
}

/**
 * Smallest count O >= 0 with f(O) >= target for an increasing f, by
 * bisection (50 halvings: well below a millionth of a count).
 */
function solveIncreasing(f: (count: number) => number, target: number, high: number): number {
  let lo = 0;
  let hi = high;
  while (f(hi) < target) hi *= 2;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Poisson funnel limits for a rate at denominator n around rate `theta`
 * (per unit): the counts whose exact interval just touches the expected
 * count θn. Upper limit: L(O) = θn; lower limit: U(O) = θn (0 if even O = 0
 * has U(0) > θn). The exact limits are continuous in O through the
 * chi-squared distribution, so the curve is smooth.
 */
function poissonLimits(n: number, theta: number, level: number): { lower: number; upper: number } {
  const expected = theta * n;
  const high = expected + 10 * Math.sqrt(expected) + 20;
  const upperCount = solveIncreasing((o) => exactPoissonLimitsContinuous(o, level).lower, expected, high);
  const lowerCount =
    exactPoissonLimitsContinuous(0, level).upper >= expected
      ? 0
      : solveIncreasing((o) => exactPoissonLimitsContinuous(o, level).upper, expected, high);
  return { lower: lowerCount / n, upper: upperCount / n };
}

function limitsAt(
  denominator: number,
  average: number,
  statistic: 'proportion' | 'rate',
  multiplier: number,
): FunnelLimitsAt {
  if (statistic === 'proportion') {
    const clamp = (v: number) => Math.min(1, Math.max(0, v)) * multiplier;
    return {
      denominator,
      baseline: average * multiplier,
      lower95: clamp(inverseWilson(0.975, denominator, average, 'low')),
      upper95: clamp(inverseWilson(0.975, denominator, average, 'high')),
      lower998: clamp(inverseWilson(0.999, denominator, average, 'low')),
      upper998: clamp(inverseWilson(0.999, denominator, average, 'high')),
    };
  }
  const l95 = poissonLimits(denominator, average, 0.95);
  const l998 = poissonLimits(denominator, average, 0.998);
  return {
    denominator,
    baseline: average * multiplier,
    lower95: l95.lower * multiplier,
    upper95: l95.upper * multiplier,
    lower998: l998.lower * multiplier,
    upper998: l998.upper * multiplier,
  };
}

/** PHE's `signif.floor` / `signif.ceiling` axis rounding. */
function axisFloor(x: number): number {
  if (x === 0) return 0;
  const digits = String(Math.floor(x * 0.95)).length - 1;
  return Math.floor((x * 0.95) / 10 ** digits) * 10 ** digits;
}
function axisCeiling(x: number): number {
  if (x === 0) return 0;
  const digits = Math.max(0, String(Math.ceil(x * 1.05)).length - 2);
  return Math.ceil((x * 1.05) / 10 ** digits) * 10 ** digits;
}

/** PHE's 100 denominators for the curve: geometric spacing from the axis minimum to maximum. */
function curveDenominators(min: number, max: number, steps: number): number[] {
  const axisMin = max > 2 * min ? 0 : axisFloor(min);
  const axisMax = axisCeiling(max);
  const values = [Math.max(1, axisMin)];
  for (let j = 2; j <= steps; j++) {
    const previous = values[j - 2] as number;
    values.push(Math.max(Math.round((axisMax / previous) ** (1 / (steps + 1 - j)) * previous), previous + 1));
  }
  return values;
}

/**
 * Funnel-plot control limits (95% and 99.8%) for comparing sites on a
 * proportion or a rate, with each site's significance, as UKHSA's
 * PHEindicatormethods computes them (`calculate_funnel_limits`,
 * `assign_funnel_significance`) following the Fingertips technical guidance.
 *
 * - Proportions: limits are inverse Wilson intervals around the benchmark
 *   (`sigma_adjustment` at 0.975 and 0.999); a site is "High (0.001)" when
 *   its proportion is above the 99.8% upper limit at its own denominator.
 *   PHE clamps the limits to [0, 100] whatever the multiplier; qi-stats
 *   clamps to [0, multiplier], which is the same for percentages and right
 *   for per-1,000 scales.
 * - Rates: a site is significant when its exact (under 10 events) or Byar
 *   interval excludes the benchmark (PHE's `funnel_ratio_significance`). The
 *   curve uses exact Poisson limits throughout, continuous in the count, on
 *   the same denominators as for proportions (PHE plots rates on an events
 *   axis; the limits are the same curve).
 *
 * When to use: to see which sites differ from the network (or national)
 * rate more than chance allows, without ranking them. Use 99.8% for
 * action, 95% as a warning.
 *
 * Cost: O(points + steps); rate curves solve each limit by bisection
 * (about 60 chi-squared quantiles per limit).
 *
 * Reference: Spiegelhalter DJ (2005) Stat Med 24:1185; PHEindicatormethods
 * 2.0.0 `Funnels.R`; Fingertips technical guidance.
 *
 * @example
 * const result = funnelLimits(
 *   [
 *     { label: 'A', events: 10232, denominator: 15232 },
 *     { label: 'B', events: 12321, denominator: 16123 },
 *     { label: 'C', events: 15123, denominator: 17932 },
 *     { label: 'D', events: 13213, denominator: 18475 },
 *   ],
 *   { statistic: 'proportion' },
 * );
 * result.points.map((p) => p.significance);
 * // ['Low (0.001)', 'High (0.001)', 'High (0.001)', 'Low (0.001)'] (PHE's documented example data)
 */
export function funnelLimits(
  points: ReadonlyArray<FunnelPoint>,
  options: FunnelOptions,
): { baseline: number; curve: FunnelLimitsAt[]; points: FunnelPointResult[] } {
  const { statistic } = options;
  if (statistic !== 'proportion' && statistic !== 'rate') {
    throw new QiStatsInputError({
      field: 'statistic',
      rule: 'invalid-statistic',
      value: statistic,
      message: "statistic must be 'proportion' or 'rate'",
    });
  }
  if (points.length === 0) {
    throw new QiStatsInputError({
      field: 'points',
      rule: 'empty',
      value: points,
      message: 'give at least one point',
    });
  }
  const multiplier = options.multiplier ?? (statistic === 'proportion' ? 100 : 100_000);
  checkMultiplier(multiplier);
  const steps = options.steps ?? 100;
  let totalEvents = 0;
  let totalDenominator = 0;
  points.forEach((point, i) => {
    checkCount('events', point.events, i + 1);
    checkPositive('denominator', point.denominator, i + 1);
    if (statistic === 'proportion' && point.events > point.denominator) {
      throw new QiStatsInputError({
        field: 'events',
        position: i + 1,
        rule: 'count-exceeds-denominator',
        value: point.events,
        message: 'events exceed the denominator for a proportion',
      });
    }
    totalEvents += point.events;
    totalDenominator += point.denominator;
  });
  const average =
    options.benchmark === undefined ? totalEvents / totalDenominator : options.benchmark / multiplier;
  const denominators = points.map((point) => point.denominator);
  const curve = curveDenominators(Math.min(...denominators), Math.max(...denominators), steps).map((n) =>
    limitsAt(n, average, statistic, multiplier),
  );
  const results = points.map((point): FunnelPointResult => {
    const limits = limitsAt(point.denominator, average, statistic, multiplier);
    const value = (point.events / point.denominator) * multiplier;
    let significance: FunnelSignificance = 'Not significant';
    if (statistic === 'proportion') {
      if (value < limits.lower998) significance = 'Low (0.001)';
      else if (value < limits.lower95) significance = 'Low (0.025)';
      else if (value > limits.upper998) significance = 'High (0.001)';
      else if (value > limits.upper95) significance = 'High (0.025)';
    } else {
      const benchmark = average * multiplier;
      const at998 = rateInterval(point.events, point.denominator, { level: 0.998, multiplier });
      const at95 = rateInterval(point.events, point.denominator, { level: 0.95, multiplier });
      if (benchmark < at998.lower) significance = 'High (0.001)';
      else if (benchmark < at95.lower) significance = 'High (0.025)';
      else if (benchmark > at998.upper) significance = 'Low (0.001)';
      else if (benchmark > at95.upper) significance = 'Low (0.025)';
    }
    return { ...limits, label: point.label ?? null, events: point.events, value, significance };
  });
  return { baseline: average * multiplier, curve, points: results };
}
