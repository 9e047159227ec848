/**
 * A seeded pseudo-random number generator: xoshiro128** (Blackman & Vigna, "Scrambled linear
 * pseudorandom number generators", ACM TOMS 2021), state seeded with SplitMix32. 32-bit integer
 * arithmetic only (`Math.imul`, `>>>`), so the stream is identical on every platform and the
 * generated network is byte-identical for the same seed. Not for cryptography.
 */
export interface Prng {
  /** A float in [0, 1) with 32 random bits. */
  next(): number;
}

/**
 * Makes a generator from a seed (any 32-bit integer) and an optional stream key, so that each
 * site gets its own independent stream and a national batch can be made without the others.
 *
 * @example
 * ```ts
 * const a = createPrng(42, 'S1');
 * const b = createPrng(42, 'S1');
 * a.next() === b.next(); // => true
 * createPrng(42, 'S1').next() === createPrng(42, 'S2').next(); // => false
 * ```
 */
export function createPrng(seed: number, stream = ''): Prng {
  let h = seed >>> 0;
  for (let i = 0; i < stream.length; i++) h = Math.imul(h ^ stream.charCodeAt(i), 0x01000193) >>> 0;
  let sm = h;
  const splitmix = () => {
    sm = (sm + 0x9e3779b9) >>> 0;
    let z = sm;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let s0 = splitmix();
  let s1 = splitmix();
  let s2 = splitmix();
  let s3 = splitmix();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
  return {
    next() {
      const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
      const t = (s1 << 9) >>> 0;
      s2 = (s2 ^ s0) >>> 0;
      s3 = (s3 ^ s1) >>> 0;
      s1 = (s1 ^ s2) >>> 0;
      s0 = (s0 ^ s3) >>> 0;
      s2 = (s2 ^ t) >>> 0;
      s3 = rotl(s3, 11);
      return result / 4294967296;
    },
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
