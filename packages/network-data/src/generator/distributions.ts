import type { Prng } from './prng.js';

/**
 * A standard normal variate (Box-Muller transform; Box & Muller 1958).
 *
 * @example
 * ```ts
 * const rng = createPrng(1);
 * const xs = Array.from({ length: 20000 }, () => normal(rng));
 * Math.abs(xs.reduce((a, b) => a + b, 0) / xs.length) < 0.03; // => true
 * ```
 */
export function normal(rng: Prng): number {
  const u = 1 - rng.next(); // (0, 1]: log(0) never happens
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * A Poisson variate with mean `lambda`. Multiplication method (Knuth, TAOCP vol. 2) below 30,
 * where it is exact and cheap; above, the PTRS transformed-rejection method (Hörmann 1993,
 * "The transformed rejection method for generating Poisson random variables"), also exact.
 * Used for births per site-month.
 *
 * @example
 * ```ts
 * const rng = createPrng(2);
 * const xs = Array.from({ length: 5000 }, () => poisson(rng, 400));
 * Math.abs(xs.reduce((a, b) => a + b, 0) / xs.length - 400) < 2; // => true
 * ```
 */
export function poisson(rng: Prng, lambda: number): number {
  if (!(lambda > 0)) return 0;
  if (lambda < 30) {
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = rng.next();
    while (p > limit) {
      k++;
      p *= rng.next();
    }
    return k;
  }
  const slam = Math.sqrt(lambda);
  const loglam = Math.log(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.next() - 0.5;
    const v = rng.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (
      Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <=
      -lambda + k * loglam - logFactorial(k)
    ) {
      return k;
    }
  }
}

/**
 * A binomial variate: successes in `n` trials with probability `p`. Exact inversion (sequential
 * search over the probability mass function; Kachitvichyanukul & Schmeiser 1988, "BINV") when
 * the expected count min(np, n(1-p)) is below 30, which covers every rare outcome and every
 * small group; above that, the normal approximation with continuity correction, clamped to
 * [0, n], whose error there is far smaller than the model's own uncertainty.
 *
 * @example
 * ```ts
 * const rng = createPrng(3);
 * const xs = Array.from({ length: 5000 }, () => binomial(rng, 400, 0.0033));
 * Math.abs(xs.reduce((a, b) => a + b, 0) / xs.length - 1.32) < 0.06; // => true
 * binomial(rng, 0, 0.5); // => 0
 * ```
 */
export function binomial(rng: Prng, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(rng, n, 1 - p);
  const mean = n * p;
  if (mean < 30) {
    const q = 1 - p;
    const s = p / q;
    const a = (n + 1) * s;
    let r = q ** n;
    let u = rng.next();
    let x = 0;
    while (u > r) {
      u -= r;
      x++;
      if (x > n) return n;
      r *= a / x - s;
      if (r <= 0) break; // underflow far in the tail
    }
    return Math.min(x, n);
  }
  const x = Math.round(mean + Math.sqrt(mean * (1 - p)) * normal(rng));
  return Math.min(n, Math.max(0, x));
}

/** log(k!) via Stirling's series (exact table below 10). */
function logFactorial(k: number): number {
  if (k < 10) {
    let f = 1;
    for (let i = 2; i <= k; i++) f *= i;
    return Math.log(f);
  }
  const x = k + 1;
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x ** 3);
}

/**
 * The logistic (inverse logit) function.
 *
 * @example
 * ```ts
 * invLogit(0); // => 0.5
 * ```
 */
export function invLogit(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * The logit (log odds) of a probability.
 *
 * @example
 * ```ts
 * logit(0.5); // => 0
 * ```
 */
export function logit(p: number): number {
  return Math.log(p / (1 - p));
}
