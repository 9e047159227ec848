import type { NetworkCount, OverviewMeasureInfo } from './network-overview';

/**
 * Network totals for overview tests, made up (no randomness unless a seed is
 * given): 48 months from April 2022, level-1 groups plus 'ALL'. Test-only.
 */
export const overviewGroups = [
  { code: 'WHITE', label: 'White', is_reference: true, is_unknown: false },
  { code: 'ASIAN', label: 'Asian or Asian British', is_reference: false, is_unknown: false },
  { code: 'BLACK', label: 'Black or Black British', is_reference: false, is_unknown: false },
  { code: 'MIXED', label: 'Mixed', is_reference: false, is_unknown: false },
  { code: 'OTHER', label: 'Other (incl. Chinese)', is_reference: false, is_unknown: false },
  { code: 'UNKNOWN', label: 'Not stated / not known / missing', is_reference: false, is_unknown: true },
];

const measure = (id: string, changes: Partial<OverviewMeasureInfo>): OverviewMeasureInfo => ({
  measure_id: id,
  name: id,
  domain: 'outcome',
  unit_label: 'per 1,000 births',
  multiplier: 1000,
  direction: 'lower_is_better',
  target_value: null,
  window_months: 1,
  rare_event: false,
  by_ethnic_group: true,
  default_chart: 'p',
  ...changes,
});

export const overviewMeasures: OverviewMeasureInfo[] = [
  measure('pph', { name: 'PPH ≥1500 ml', window_months: 3, target_value: 28 }),
  measure('stillbirth', {
    name: 'Stillbirth rate',
    window_months: 12,
    rare_event: true,
    default_chart: 'run',
  }),
  measure('maternal_death', {
    name: 'Maternal death',
    window_months: 36,
    rare_event: true,
    default_chart: 'none',
  }),
  measure('recorded', {
    name: 'Ethnicity recorded',
    multiplier: 100,
    unit_label: '%',
    by_ethnic_group: false,
    direction: 'higher_is_better',
  }),
];

export const overviewMonths = Array.from({ length: 48 }, (_, index) => {
  const date = new Date(Date.UTC(2022, 3 + index, 1));
  return date.toISOString().slice(0, 10);
});

/** Share of births by group, and each group's rate relative to White. */
const mix = { WHITE: 0.6, ASIAN: 0.15, BLACK: 0.1, MIXED: 0.04, OTHER: 0.03, UNKNOWN: 0.08 } as const;
const relative = { WHITE: 1, ASIAN: 1.2, BLACK: 1.5, MIXED: 1, OTHER: 1, UNKNOWN: 1 } as const;

/** A network of `births` a month where a measure's rate is `perThousand` among White women. */
function network(measureId: string, births: number, perThousand: number): NetworkCount[] {
  return overviewMonths.flatMap((period, month) => {
    const rows = Object.entries(mix).map(([group, share]) => {
      const denominator = Math.round(births * share);
      const wobble = 1 + 0.1 * Math.sin(month);
      const numerator = Math.round(
        ((denominator * perThousand * relative[group as keyof typeof relative]) / 1000) * wobble,
      );
      return { measure_id: measureId, period, ethnic_group: group, numerator, denominator };
    });
    const all = rows.reduce(
      (sum, row) => ({
        numerator: sum.numerator + row.numerator,
        denominator: sum.denominator + row.denominator,
      }),
      { numerator: 0, denominator: 0 },
    );
    return [...rows, { measure_id: measureId, period, ethnic_group: 'ALL', ...all }];
  });
}

/** PPH: plenty of events monthly; stillbirth: a few a month (rolling windows); maternal deaths: next to none. */
export const overviewCounts: NetworkCount[] = [
  ...network('pph', 4000, 30),
  ...network('stillbirth', 1500, 3.5),
  ...network('maternal_death', 4000, 0.1),
  ...network('recorded', 4000, 950).filter((row) => row.ethnic_group === 'ALL'),
];

/** A seeded generator (mulberry32) for property tests. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random network of small counts: many cells of 1 to 7, some zeros, some gaps. */
export function randomCounts(random: () => number, months = 18): NetworkCount[] {
  const rows: NetworkCount[] = [];
  for (const { measure_id } of overviewMeasures) {
    const scale = [3, 12, 40, 400][Math.floor(random() * 4)] as number;
    for (const period of overviewMonths.slice(0, months)) {
      if (random() < 0.05) continue; // a month nobody submitted
      let numerator = 0;
      let denominator = 0;
      for (const { code } of overviewGroups) {
        const d = Math.floor(random() * scale * 2);
        const n = Math.min(d, Math.floor(random() * random() * 12));
        numerator += n;
        denominator += d;
        rows.push({ measure_id, period, ethnic_group: code, numerator: n, denominator: d });
      }
      rows.push({ measure_id, period, ethnic_group: 'ALL', numerator, denominator });
    }
  }
  return rows;
}

/** How each level-1 group splits into level-2 groups in the test networks (shares of its counts). */
const level2Split: Record<string, [string, number][]> = {
  WHITE: [['WHITE', 1]],
  MIXED: [['MIXED', 1]],
  ASIAN: [
    ['INDIAN', 0.4],
    ['PAKISTANI', 0.3],
    ['BANGLADESHI', 0.1],
    ['OTHER_ASIAN', 0.2],
  ],
  BLACK: [
    ['BLACK_CARIBBEAN', 0.3],
    ['BLACK_AFRICAN', 0.6],
    ['OTHER_BLACK', 0.1],
  ],
  OTHER: [
    ['CHINESE', 0.3],
    ['OTHER', 0.7],
  ],
  UNKNOWN: [['UNKNOWN', 1]],
};

/** The level-2 groups in display order. */
export const overviewLevel2Groups = Object.values(level2Split).flatMap((parts) =>
  parts.map(([code]) => code),
);

/** Splits level-1 rows into level-2 rows (the last part takes the rounding remainder); drops 'ALL'. */
export function splitToLevel2(rows: readonly NetworkCount[]): NetworkCount[] {
  return rows.flatMap((row) => {
    const parts = level2Split[row.ethnic_group];
    if (!parts) return [];
    let numerator = row.numerator;
    let denominator = row.denominator;
    return parts.map(([code, share], index) => {
      const last = index === parts.length - 1;
      const d = last ? denominator : Math.floor(row.denominator * share);
      const n = Math.min(d, last ? numerator : Math.floor(row.numerator * share));
      numerator -= n;
      denominator -= d;
      return { ...row, ethnic_group: code, numerator: n, denominator: d };
    });
  });
}
