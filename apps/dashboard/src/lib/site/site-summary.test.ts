import { describe, expect, it } from 'vitest';
import type { MeasureRow, SiteTotalRow } from '$lib/queries/network-queries';
import { siteMeasureSummaries } from './site-summary';

const measure = (id: string, extra: Partial<MeasureRow> = {}): MeasureRow => ({
  measure_id: id,
  name: id,
  domain: 'process',
  multiplier: 100,
  unit_label: '%',
  direction: 'higher_is_better',
  target_value: null,
  default_chart: 'p',
  window_months: 1,
  rare_event: false,
  by_ethnic_group: true,
  min_denominator_for_display: 20,
  ...extra,
});

const totals: SiteTotalRow[] = Array.from({ length: 24 }, (_, i) => ({
  measure_id: 'booking_by_10wk',
  period: new Date(Date.UTC(2024, i, 1)),
  numerator: i < 12 ? 50 + (i % 2) : 70 + (i % 2),
  denominator: 100,
}));

describe('siteMeasureSummaries', () => {
  const rows = siteMeasureSummaries(
    totals,
    [measure('booking_by_10wk', { target_value: 60 }), measure('no_data')],
    new Map([['booking_by_10wk', 65]]),
  );

  it('summarises every measure that has data, with the site’s own target', () => {
    expect(rows).toHaveLength(1);
    expect(rows[0]?.summary).toMatchObject({
      id: 'booking_by_10wk',
      target: 65,
      latestValue: 71,
      latestDate: '2025-12-01',
    });
  });

  it('reports an improvement when the rate rises on a higher-is-better measure', () => {
    expect(rows[0]?.summary.variation).toBe('special_cause_improvement');
  });
});
