import { describe, expect, it } from 'vitest';
import { searchWith } from './url-filters';

describe('searchWith', () => {
  it('matches its documented example', () => {
    expect(
      searchWith(new URLSearchParams('measure=pph_1500&group=BLACK'), {
        measure: 'booking_by_10wk',
        group: null,
      }),
    ).toBe('?measure=booking_by_10wk');
  });

  it('keeps the other filters, removes empty values and never changes the current parameters', () => {
    const current = new URLSearchParams('site=S1&measure=pph_1500&chart=run');
    expect(searchWith(current, { chart: '', measure: 'stillbirth_rate' })).toBe(
      '?site=S1&measure=stillbirth_rate',
    );
    expect(current.toString()).toBe('site=S1&measure=pph_1500&chart=run');
  });
});
