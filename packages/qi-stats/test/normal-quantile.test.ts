import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../src/math/normal-quantile.js';

describe('normalQuantile', () => {
  it('matches R qnorm()', () => {
    // R 4.3: qnorm(0.975) = 1.959963984540054, qnorm(0.999) = 3.090232306167813
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306167813, 14);
    expect(normalQuantile(0.5)).toBe(0);
  });
});
