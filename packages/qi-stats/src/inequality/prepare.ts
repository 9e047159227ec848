import { QiStatsInputError } from '../errors.js';
import { checkLevel, checkMultiplier, zForLevel } from '../intervals/validate.js';
import type { GroupEstimate, InequalityOptions } from './types.js';

/** Groups and options after validation, with the derived quantities every measure uses. */
export interface PreparedGroups {
  names: string[];
  /** Estimates y_j on the indicator's scale. */
  y: number[];
  /** Standard errors σ_j, or null when any group lacks one (then no interval needs them). */
  se: number[] | null;
  population: number[];
  /** Population shares p_j = n_j / Σn. */
  share: number[];
  /** Population-weighted setting average μ = Σ p_j y_j (HEAT's rule when populations are known). */
  mean: number;
  /** Index of the reference group, null when none was asked for. */
  reference: number | null;
  favourable: 'lower' | 'higher';
  level: number;
  z: number;
  scale: number | null;
}

/**
 * Validates the groups and options of `inequality` and derives shares and the
 * setting average. Throws QiStatsInputError naming the field and position.
 */
export function prepareGroups(
  groups: ReadonlyArray<GroupEstimate>,
  options: InequalityOptions,
): PreparedGroups {
  if (options.favourable !== 'lower' && options.favourable !== 'higher') {
    throw new QiStatsInputError({
      field: 'favourable',
      rule: 'invalid-direction',
      value: options.favourable,
      message: "favourable must be 'lower' or 'higher'",
    });
  }
  const level = options.level ?? 0.95;
  checkLevel(level);
  if (options.scale !== undefined && options.scale !== null) checkMultiplier(options.scale, 'scale');
  const names: string[] = [];
  const y: number[] = [];
  const population: number[] = [];
  const se: number[] = [];
  let allSe = true;
  groups.forEach((group, index) => {
    const position = index + 1;
    if (typeof group.estimate !== 'number' || !Number.isFinite(group.estimate) || group.estimate < 0) {
      throw new QiStatsInputError({
        field: 'estimate',
        position,
        rule: 'invalid-estimate',
        value: group.estimate,
        message: 'a group estimate must be a finite number >= 0',
      });
    }
    if (typeof group.population !== 'number' || !Number.isFinite(group.population) || group.population <= 0) {
      throw new QiStatsInputError({
        field: 'population',
        position,
        rule: 'non-positive-population',
        value: group.population,
        message: 'a group population must be a finite number > 0',
      });
    }
    if (group.se === undefined || group.se === null) {
      allSe = false;
    } else if (!Number.isFinite(group.se) || group.se < 0) {
      throw new QiStatsInputError({
        field: 'se',
        position,
        rule: 'invalid-standard-error',
        value: group.se,
        message: 'a standard error must be a finite number >= 0',
      });
    } else {
      se.push(group.se);
    }
    names.push(group.group);
    y.push(group.estimate);
    population.push(group.population);
  });
  const total = population.reduce((sum, n) => sum + n, 0);
  const share = population.map((n) => n / total);
  let mean = 0;
  for (let j = 0; j < y.length; j++) mean += (share[j] as number) * (y[j] as number);
  let reference: number | null = null;
  if (options.reference !== undefined && options.reference !== null) {
    const found = names.indexOf(options.reference);
    reference = found === -1 ? -1 : found;
  }
  return {
    names,
    y,
    se: allSe ? se : null,
    population,
    share,
    mean,
    reference,
    favourable: options.favourable,
    level,
    z: zForLevel(level),
    scale: options.scale ?? null,
  };
}

/** Weighted mean Σ p_j y_j, recomputed for simulated replicates. */
export function weightedMean(y: ReadonlyArray<number>, share: ReadonlyArray<number>): number {
  let mean = 0;
  for (let j = 0; j < y.length; j++) mean += (share[j] as number) * (y[j] as number);
  return mean;
}

/**
 * Index of the best group: lowest estimate when lower is favourable (an
 * adverse outcome such as PPH), highest otherwise. Ties go to the first in
 * input order, as HEAT's `which(...)[1]` does.
 */
export function bestIndex(y: ReadonlyArray<number>, favourable: 'lower' | 'higher'): number {
  let best = 0;
  for (let j = 1; j < y.length; j++) {
    const value = y[j] as number;
    const current = y[best] as number;
    if (favourable === 'lower' ? value < current : value > current) best = j;
  }
  return best;
}
