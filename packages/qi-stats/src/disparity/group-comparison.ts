import { proportionDifference } from '../intervals/newcombe.js';
import { rateDifference } from '../intervals/rate-difference.js';
import { rateInterval } from '../intervals/rate-interval.js';
import { rateRatioOrReason } from '../intervals/rate-ratio.js';
import { rateRatioExactOrReason } from '../intervals/rate-ratio-exact.js';
import { riskRatioOrReason } from '../intervals/risk-ratio.js';
import { proportionInterval } from '../intervals/wilson.js';
import type { PooledCount } from './pool-counts.js';

/** Limits at one confidence level; null where they do not exist for these counts. */
export interface LevelLimits {
  level: number;
  lower: number | null;
  upper: number | null;
}

/** An estimate with its limits at every requested level. */
export interface EstimateWithLimits {
  /** Null where the estimate does not exist (no denominator; a ratio over a reference with no events). */
  value: number | null;
  /** The method of the limits: 'wilson', 'exact', 'byar', 'katz', 'wald', 'exact-conditional', 'newcombe', ... */
  method: string;
  intervals: LevelLimits[];
  /** Why the value or a limit is null, when one is. */
  reason?: string;
}

/** 'higher' / 'lower' than the reference, 'similar', or 'not compared'. */
export type ComparisonCategory = 'higher' | 'similar' | 'lower' | 'not compared';

/** A group's comparison with the reference, with the rule that produced it. */
export interface Comparison {
  category: ComparisonCategory;
  /** The category read through the favourable direction: 'worse', 'better', 'similar', or null when not compared. */
  assessment: 'better' | 'worse' | 'similar' | null;
  /** The rule used, in words, e.g. "95% exact conditional CI of the rate ratio excludes 1". */
  rule: string;
}

/** Which statistic the counts are. */
export type CountStatistic = 'proportion' | 'rate';

/** Shared settings of a comparison. */
export interface ComparisonSettings {
  statistic: CountStatistic;
  levels: ReadonlyArray<number>;
  comparisonLevel: number;
  multiplier: number;
  favourable: 'lower' | 'higher';
  ratioMethod: 'log' | 'exact';
}

// The rule's wording depends only on the statistic and the level, so it is
// built once per combination rather than once per group.
const ruleWording: Record<CountStatistic, Map<number, string>> = { proportion: new Map(), rate: new Map() };
function comparisonRule(statistic: CountStatistic, level: number): string {
  const known = ruleWording[statistic];
  let rule = known.get(level);
  if (rule === undefined) {
    const percent = `${Number((level * 100).toPrecision(4))}%`;
    rule =
      statistic === 'rate'
        ? `${percent} exact conditional CI of the rate ratio against 1`
        : `${percent} Newcombe CI of the difference against 0`;
    if (known.size < 64) known.set(level, rule);
  }
  return rule;
}

/** A group's own rate (× multiplier) with Wilson (proportions) or exact/Byar (rates) limits. */
export function groupRate(count: PooledCount, settings: ComparisonSettings): EstimateWithLimits {
  if (count.denominator === 0) {
    return {
      value: null,
      method: settings.statistic === 'proportion' ? 'wilson' : 'poisson',
      intervals: settings.levels.map((level) => ({ level, lower: null, upper: null })),
      reason: 'denominator is 0',
    };
  }
  if (settings.statistic === 'proportion') {
    const intervals = settings.levels.map((level) => {
      const interval = proportionInterval(count.events, count.denominator, level);
      return {
        level,
        lower: interval.lower * settings.multiplier,
        upper: interval.upper * settings.multiplier,
      };
    });
    return { value: (count.events / count.denominator) * settings.multiplier, method: 'wilson', intervals };
  }
  let method = 'exact';
  const intervals = settings.levels.map((level) => {
    const interval = rateInterval(count.events, count.denominator, {
      level,
      multiplier: settings.multiplier,
    });
    method = interval.method;
    return { level, lower: interval.lower, upper: interval.upper };
  });
  return { value: (count.events / count.denominator) * settings.multiplier, method, intervals };
}

/**
 * The group's ratio to the reference: Katz risk ratio (proportions) or Wald
 * rate ratio (rates) with `ratioMethod: 'log'`, the exact conditional rate
 * ratio with 'exact' (MBRRACE-UK's method; defined with zero counts). Uses
 * the `...OrReason` variants, so a group with zero events gets null limits
 * and a reason, never an error.
 */
export function ratioToReference(
  group: PooledCount,
  reference: PooledCount,
  settings: ComparisonSettings,
): EstimateWithLimits {
  const method =
    settings.ratioMethod === 'exact'
      ? 'exact-conditional'
      : settings.statistic === 'proportion'
        ? 'katz'
        : 'wald';
  if (group.denominator === 0 || reference.denominator === 0) {
    return {
      value: null,
      method,
      intervals: settings.levels.map((level) => ({ level, lower: null, upper: null })),
      reason: group.denominator === 0 ? 'group denominator is 0' : 'reference denominator is 0',
    };
  }
  let value: number | null = null;
  let reason: string | undefined;
  const intervals = settings.levels.map((level) => {
    const result =
      settings.ratioMethod === 'exact'
        ? rateRatioExactOrReason(reference, group, level)
        : settings.statistic === 'proportion'
          ? riskRatioOrReason(reference, group, level)
          : rateRatioOrReason(reference, group, level);
    value = result.value;
    if ('reason' in result) reason = result.reason;
    return { level, lower: result.lower, upper: result.upper };
  });
  return reason === undefined ? { value, method, intervals } : { value, method, intervals, reason };
}

/** The group's difference from the reference (× multiplier): Newcombe (proportions) or Wald (rates). */
export function differenceFromReference(
  group: PooledCount,
  reference: PooledCount,
  settings: ComparisonSettings,
): EstimateWithLimits {
  const method = settings.statistic === 'proportion' ? 'newcombe' : 'wald';
  if (group.denominator === 0 || reference.denominator === 0) {
    return {
      value: null,
      method,
      intervals: settings.levels.map((level) => ({ level, lower: null, upper: null })),
      reason: group.denominator === 0 ? 'group denominator is 0' : 'reference denominator is 0',
    };
  }
  let value = 0;
  const intervals = settings.levels.map((level) => {
    if (settings.statistic === 'proportion') {
      const result = proportionDifference(reference, group, level);
      value = result.value * settings.multiplier;
      return { level, lower: result.lower * settings.multiplier, upper: result.upper * settings.multiplier };
    }
    const result = rateDifference(reference, group, { level, multiplier: settings.multiplier });
    value = result.value;
    return { level, lower: result.lower, upper: result.upper };
  });
  return { value, method, intervals };
}

/**
 * Excess events: the group's events minus those it would have had at the
 * reference rate, (p_g − p_ref)·n_g, with the difference's limits times
 * n_g. Negative when the group does better than the reference.
 */
export function excessEvents(
  difference: EstimateWithLimits,
  group: PooledCount,
  multiplier: number,
): EstimateWithLimits {
  const perUnit = group.denominator / multiplier;
  const result: EstimateWithLimits = {
    value: difference.value === null ? null : difference.value * perUnit,
    method: difference.method,
    intervals: difference.intervals.map(({ level, lower, upper }) => ({
      level,
      lower: lower === null ? null : lower * perUnit,
      upper: upper === null ? null : upper * perUnit,
    })),
  };
  if (difference.reason !== undefined) result.reason = difference.reason;
  return result;
}

/**
 * The comparison category against the reference at the comparison level.
 *
 * Rule for rates: the exact conditional CI of the rate ratio excludes 1
 * (MBRRACE-UK's test; defined with zero counts). Rule for proportions: the
 * Newcombe CI of the difference excludes 0 (defined for every count). Not
 * compared: the reference itself, a group or reference with no denominator,
 * or no events in either group (rates). The category is then read through
 * the favourable direction to say better or worse.
 */
export function compareWithReference(
  group: PooledCount,
  reference: PooledCount,
  settings: ComparisonSettings,
  computed: { ratio?: EstimateWithLimits; difference?: EstimateWithLimits } = {},
): Comparison {
  const level = settings.comparisonLevel;
  if (group.denominator === 0 || reference.denominator === 0) {
    return {
      category: 'not compared',
      assessment: null,
      rule: group.denominator === 0 ? 'group denominator is 0' : 'reference denominator is 0',
    };
  }
  let lower: number;
  let upper: number;
  let neutral: number;
  // Reuse the limits the table already computed when they are the ones the
  // rule needs (same method, same level); otherwise compute them.
  const reuse = (estimate: EstimateWithLimits | undefined, method: string) =>
    estimate?.method === method ? estimate.intervals.find((limits) => limits.level === level) : undefined;
  if (settings.statistic === 'rate') {
    const known = reuse(computed.ratio, 'exact-conditional');
    const ratio = known ?? rateRatioExactOrReason(reference, group, level);
    if (ratio.lower === null) {
      return { category: 'not compared', assessment: null, rule: 'no events in either group' };
    }
    lower = ratio.lower;
    upper = ratio.upper ?? Number.POSITIVE_INFINITY;
    neutral = 1;
  } else {
    const known = reuse(computed.difference, 'newcombe');
    // The sign is all that matters here, so the scale of the limits does not.
    const difference = known ?? proportionDifference(reference, group, level);
    lower = difference.lower as number;
    upper = difference.upper as number;
    neutral = 0;
  }
  const category: ComparisonCategory = lower > neutral ? 'higher' : upper < neutral ? 'lower' : 'similar';
  const assessment =
    category === 'similar'
      ? 'similar'
      : (category === 'higher') === (settings.favourable === 'higher')
        ? 'better'
        : 'worse';
  return { category, assessment, rule: comparisonRule(settings.statistic, level) };
}
