import type { FixtureColumns } from '$lib/data/testing-tables';

/**
 * A two-site network shaped like network-data's demo tables, small enough to
 * reason about by hand: site S1 has a resubmitted month (version 2 replaces 1),
 * Black women coded N and M, an unknown (Z) code, a PDSA cycle for Black women and
 * a site-wide event. Test-only.
 */
export const fixtureNetwork: Record<string, FixtureColumns> = {
  sites: {
    site_id: ['text', ['S2', 'S1']],
    display_name: ['text', ['Site B (Midlands)', 'Site A (London)']],
    region_code: ['text', ['Y60', 'Y56']],
    annual_births: ['int', [5930, 12630]],
  },
  measures: {
    measure_id: ['text', ['booking_by_10wk', 'pph_1500']],
    name: ['text', ['Booked by 10 weeks', 'PPH ≥1500 ml']],
    domain: ['text', ['process', 'outcome']],
    multiplier: ['int', [100, 1000]],
    unit_label: ['text', ['%', 'per 1,000 maternities']],
    direction: ['text', ['higher_is_better', 'lower_is_better']],
    target_value: ['real', [null, 24]],
    default_chart: ['text', ['p', 'p']],
    window_months: ['int', [1, 3]],
    rare_event: ['flag', [false, false]],
    by_ethnic_group: ['flag', [true, true]],
    min_denominator_for_display: ['int', [20, 20]],
  },
  ethnic_categories: {
    code: ['text', ['A', 'N', 'M', 'Z', 'WHITE', 'BLACK', 'UNKNOWN', 'ALL']],
    label: [
      'text',
      [
        'White - British',
        'Black - African',
        'Black - Caribbean',
        'Not stated',
        'White',
        'Black or Black British',
        'Not known',
        'All',
      ],
    ],
    level: ['text', ['nhs2001', 'nhs2001', 'nhs2001', 'nhs2001', 'level1', 'level1', 'level1', 'total']],
    level1_group: ['text', ['WHITE', 'BLACK', 'BLACK', 'UNKNOWN', 'WHITE', 'BLACK', 'UNKNOWN', null]],
    level2_group: ['text', ['WHITE', 'BLACK_AFRICAN', 'BLACK_CARIBBEAN', 'UNKNOWN', null, null, null, null]],
    is_reference: ['flag', [true, false, false, false, true, false, false, false]],
    is_unknown: ['flag', [false, false, false, true, false, false, true, false]],
    sort_order: ['int', [1, 13, 12, 17, 101, 103, 106, 0]],
  },
  submissions: {
    site_id: ['code', ['S1', 'S1', 'S1', 'S1', 'S1', 'S1', 'S1', 'S2']],
    period: [
      'month',
      ['2024-04', '2024-04', '2024-04', '2024-04', '2024-04', '2024-05', '2024-04', '2024-04'],
    ],
    measure_id: ['code', Array(8).fill('booking_by_10wk')],
    ethnic_category: ['code', ['ALL', 'A', 'N', 'M', 'ALL', 'ALL', 'Z', 'ALL']],
    numerator: ['int', [60, 40, 8, 4, 62, 70, 2, 30]],
    denominator: ['int', [100, 60, 20, 10, 100, 110, 10, 50]],
    version: ['version', [1, 1, 1, 1, 2, 1, 1, 1]],
  },
  annotations: {
    annotation_id: ['text', ['ANN-1', 'ANN-2', 'ANN-3']],
    site_id: ['text', ['S1', 'S1', 'S2']],
    period: ['month', ['2024-05', '2024-04', '2024-04']],
    measure_id: ['text', ['booking_by_10wk', null, 'booking_by_10wk']],
    ethnic_groups: ['text', ['BLACK', null, null]],
    kind: ['text', ['pdsa', 'event', 'pdsa']],
    text: ['text', ['PDSA 1: phone referrals', 'New maternity record', 'Other site']],
  },
  aims: {
    aim_id: ['text', ['AIM-1']],
    site_id: ['text', ['S1']],
    measure_id: ['text', ['booking_by_10wk']],
    ethnic_groups: ['text', ['BLACK']],
    statement: ['text', ['Book 65% of Black women by 10 weeks']],
    baseline_value: ['real', [48]],
    target_value: ['real', [65]],
    target_period: ['month', ['2026-03']],
  },
};
