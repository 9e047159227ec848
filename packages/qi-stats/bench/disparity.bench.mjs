// Benchmarks for the disparity module: `disparityTable` over a network-sized
// extract, 7 sites × 48 months × 20 measures × 16 ethnic categories
// (107,520 rows), pooled per site-year (560 tables of 16 groups each).
import { disparityTable, funnelLimits, gapOverTime, suppress } from '../dist/index.js';

// Fifteen known categories (NHS codes A-S, less two folded into 'S' here for
// a round 16 with Z) plus Z ('not stated'), which the table reports as completeness.
const GROUPS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'P', 'R', 'Z'];
const SITES = 7;
const MONTHS = 48;
const MEASURES = 20;

/** Deterministic data: a small LCG so every run times the same rows. */
function makeRows() {
  let state = 20261126;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const rows = [];
  for (let site = 0; site < SITES; site++) {
    for (let month = 0; month < MONTHS; month++) {
      const period = `${2022 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
      for (let measure = 0; measure < MEASURES; measure++) {
        const baseRate = 0.005 + (0.15 * ((measure * 37) % 20)) / 20;
        for (let g = 0; g < GROUPS.length; g++) {
          // White British is the largest group; small groups have single-digit denominators.
          const denominator = Math.round((g === 0 ? 250 : 4 + 40 * random()) * (0.6 + 0.8 * random()));
          const rate = baseRate * (1 + (0.6 * ((g * 7) % 5)) / 5);
          let events = 0;
          for (let k = 0; k < denominator; k++) if (random() < rate) events++;
          rows.push({
            site,
            period,
            year: 2022 + Math.floor(month / 12),
            measure,
            group: GROUPS[g],
            events,
            denominator,
          });
        }
      }
    }
  }
  return rows;
}

/** Pools per site-year-measure and builds one table per bucket. */
function tablesPerSiteYear(rows, options) {
  const buckets = new Map();
  for (const row of rows) {
    const key = (row.site * 10_000 + row.year) * 100 + row.measure;
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = [];
      buckets.set(key, bucket);
    }
    bucket.push(row);
  }
  const tables = [];
  for (const bucket of buckets.values()) tables.push(disparityTable(bucket, options));
  return tables;
}

export default [
  {
    name: 'disparityTable: 107,520 rows -> 560 site-year tables (proportion, Taylor summary CIs)',
    target: '< 50 ms',
    setup: makeRows,
    run: (rows) => tablesPerSiteYear(rows, { reference: 'A' }),
  },
  {
    name: 'disparityTable: same, rates with exact conditional ratios',
    setup: makeRows,
    run: (rows) => tablesPerSiteYear(rows, { reference: 'A', statistic: 'rate', multiplier: 1000 }),
  },
  {
    name: 'disparityTable: same, proportion, 1000 simulated summary CIs',
    setup: makeRows,
    seconds: 4,
    run: (rows) =>
      tablesPerSiteYear(rows, { reference: 'A', summaryIntervals: 'simulation', simulations: 1000 }),
  },
  {
    name: 'gapOverTime: one group vs reference, 12-month windows, 7 sites pooled',
    setup: () => makeRows().filter((r) => r.measure === 0),
    run: (rows) => gapOverTime(rows, { group: 'M', reference: 'A', window: 12 }),
  },
  {
    name: 'funnelLimits: 7 sites, proportion and rate curves (100 points each)',
    setup: () =>
      Array.from({ length: 7 }, (_, i) => ({
        label: `S${i}`,
        events: 40 + 9 * i,
        denominator: 3000 + 800 * i,
      })),
    run: (points) => [
      funnelLimits(points, { statistic: 'proportion' }),
      funnelLimits(points, { statistic: 'rate', multiplier: 1000 }),
    ],
  },
  {
    name: 'suppress: 16 groups × 48 months table with secondary suppression',
    setup: () => {
      const rows = makeRows().filter((r) => r.site === 0 && r.measure === 3);
      const counts = GROUPS.map((g) => rows.filter((r) => r.group === g).map((r) => r.events));
      return { rowLabels: GROUPS, columnLabels: counts[0].map((_, j) => `m${j + 1}`), counts };
    },
    run: (table) => suppress(table),
  },
];
