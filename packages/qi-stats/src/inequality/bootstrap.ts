import type { MeasureDefinition } from './measure-definition.js';
import type { PreparedGroups } from './prepare.js';

/**
 * A seeded pseudo-random generator of uniforms in [0, 1): mulberry32, a
 * 32-bit generator with a full 2³² period, small and fast enough for
 * interval simulation. The same seed gives the same stream on every
 * platform, so a simulated interval can be reproduced from its seed.
 *
 * Cost: O(1) per draw. Reference: Tommy Ettinger's mulberry32 (public domain).
 *
 * @example
 * const random = seededRandom(123456);
 * random(); // 0.38233..., the same on every run
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Standard normal draws from a uniform generator (Box-Muller; the second
 * value of each pair is kept for the next call). Cost: O(1) per draw.
 *
 * @example
 * const normal = seededNormal(seededRandom(1));
 * normal(); // 1.40434 (rounded), the same on every run
 */
export function seededNormal(random: () => number): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    // 1 - random() lies in (0, 1], so the log is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - random()));
    const angle = 2 * Math.PI * random();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}

/**
 * The q-th quantile of ascending values by linear interpolation, R's
 * `quantile(type = 7)` (the default HEAT uses for its simulated limits).
 * Cost: O(1) on sorted input.
 *
 * @example
 * quantileType7([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.025); // 1.225, as R's quantile(1:10, 0.025)
 */
export function quantileType7(sorted: ReadonlyArray<number>, q: number): number {
  const h = (sorted.length - 1) * q;
  const low = Math.floor(h);
  const high = Math.min(low + 1, sorted.length - 1);
  const lowValue = sorted[low] as number;
  return lowValue + (h - low) * ((sorted[high] as number) - lowValue);
}

/** Upper bound of a rejection-sampling draw: 100 for percentages (HEAT's rule), none otherwise. */
function upperBound(scale: number | null): number {
  return scale === 100 ? 100 : Number.POSITIVE_INFINITY;
}

/**
 * A percentile interval for a summary measure by parametric simulation, as
 * HEAT computes one for BGSD, COV, MDxx and IDISx (HEAT technical notes v6.0
 * and healthequal 1.0.1 `bgsd.R` etc.): each replicate draws every group's
 * estimate from N(y_j, σ_j), redrawing until it is >= 0 (and <= 100 for a
 * percentage), recomputes the measure, with the setting average μ
 * recomputed per replicate as healthequal does, and the limits are the
 * α/2 and 1 − α/2 quantiles (R type 7) of the replicates.
 *
 * The draws use qi-stats' seeded generator, not R's Mersenne Twister, so
 * the limits differ from HEAT's by simulation noise only; record the seed
 * and the number of replicates to reproduce them. Replicates where the
 * measure is undefined (μ = 0) are dropped; if all are, there is no interval.
 *
 * Cost: O(simulations × groups).
 */
export function simulateInterval(
  groups: PreparedGroups,
  definition: MeasureDefinition,
  simulations: number,
  seed: number,
): { lower: number; upper: number } | null {
  if (groups.se === null || simulations < 2) return null;
  const normal = seededNormal(seededRandom(seed));
  const max = upperBound(groups.scale);
  const replicate = new Array<number>(groups.y.length);
  const results: number[] = [];
  for (let s = 0; s < simulations; s++) {
    for (let j = 0; j < groups.y.length; j++) {
      const centre = groups.y[j] as number;
      const spread = groups.se[j] as number;
      let draw = centre + spread * normal();
      // Rejection sampling, bounded so a pathological input cannot loop forever;
      // the estimate itself always satisfies the bounds, so it is the fallback.
      for (let tries = 0; (draw < 0 || draw > max) && tries < 1000; tries++)
        draw = centre + spread * normal();
      replicate[j] = draw < 0 || draw > max ? centre : draw;
    }
    const value = definition.estimate(replicate, groups);
    if (typeof value === 'number' && Number.isFinite(value)) results.push(value);
  }
  if (results.length < 2) return null;
  results.sort((a, b) => a - b);
  const alpha = 1 - groups.level;
  return { lower: quantileType7(results, alpha / 2), upper: quantileType7(results, 1 - alpha / 2) };
}
