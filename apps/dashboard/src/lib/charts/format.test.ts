import { describe, expect, it } from 'vitest';
import {
  formatNumber,
  formatPeriod,
  formatWithUnit,
  parseIsoDate,
  shortUnit,
  timeAxisValues,
} from './format';

describe('format', () => {
  it('reads months as UTC, so April never becomes March in BST', () => {
    expect(parseIsoDate('2024-04').toISOString()).toBe('2024-04-01T00:00:00.000Z');
    expect(formatPeriod(parseIsoDate('2024-04-01'))).toBe('Apr 2024');
    expect(formatPeriod(parseIsoDate('2024-04-03'))).toBe('3 Apr 2024');
  });

  it('turns x values into dates only when every one is an ISO date', () => {
    expect(timeAxisValues(['2024-04-01', '2024-05-01'])[1]).toEqual(new Date(Date.UTC(2024, 4, 1)));
    expect(timeAxisValues(['Site A', '2024-05-01'])).toEqual(['Site A', '2024-05-01']);
  });

  it('writes numbers the British way, with units', () => {
    expect(formatNumber(12345.678, 1)).toBe('12,345.7');
    expect(formatNumber(null)).toBe('');
    expect(formatWithUnit(61.25, '%')).toBe('61.3%');
    expect(formatWithUnit(3.2, 'per 1,000 births')).toBe('3.2 per 1,000 births');
    expect(shortUnit('per 1,000 term vaginal births')).toBe('per 1,000');
    expect(shortUnit('%')).toBe('%');
  });
});
