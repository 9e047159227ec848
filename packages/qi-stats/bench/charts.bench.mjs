// Control-chart benchmarks (issue: "(a) 3,600 p charts of 48 points (7 sites
// x 20 measures x ~26 ethnic-group cells), (b) one I chart of 1,000,000
// points, (c) every chart type on 48 points. Report median times and peak
// memory. Targets on this 2-core machine: (a) under 20 ms in total, (b) under
// 200 ms, linear in n."). Run: npx tsc -p tsconfig.build.json && node
// --expose-gc bench/run.mjs charts. Each case returns what it computed, so the
// runner's heap figure includes the results a caller would keep. (a) and (b)
// are timed both through controlChart (one object per point) and through
// controlChartColumns (typed-array columns): the same charts, the same numbers.
import { controlChart, controlChartColumns, ihiRunChart } from '../dist/index.js';

const POINTS = 48; // four years of months

/** Deterministic pseudo-random numbers (mulberry32), so every run times the same data. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal by Box–Muller, for measurements. */
function normal(next) {
  return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

/** A binomial-ish count: normal approximation, clamped to 0..n (fast to generate, realistic enough). */
function count(next, n, p) {
  const value = Math.round(n * p + Math.sqrt(n * p * (1 - p)) * normal(next));
  return Math.min(n, Math.max(0, value));
}

const months = Array.from(
  { length: POINTS },
  (_, i) => `${2021 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
);

/** (a) 7 sites x 20 measures x ~26 ethnic groups ≈ 3,600 monthly p-chart series of 48 points. */
function maternityCells() {
  const next = random(7);
  const cells = [];
  for (let site = 0; site < 7; site++) {
    for (let measure = 0; measure < 20; measure++) {
      for (let group = 0; group < 26 && cells.length < 3600; group++) {
        // Small groups are common: births per month from ~5 to ~400 per cell.
        const size = Math.round(5 + 400 * next() ** 2);
        const rate = 0.01 + 0.2 * next();
        const n = Array.from({ length: POINTS }, () => Math.max(1, Math.round(size * (0.8 + 0.4 * next()))));
        const y = n.map((births) => count(next, births, rate));
        cells.push({ y, n });
      }
    }
  }
  return cells;
}

/** (b) one long individuals series. */
function longSeries(length) {
  const next = random(length);
  return Array.from({ length }, () => 100 + 10 * normal(next));
}

/** (c) 48 points (or 48 subgroups of 4) for each chart type. */
function smallInputs() {
  const next = random(48);
  const measurements = Array.from({ length: POINTS }, () => 50 + 5 * normal(next));
  const births = Array.from({ length: POINTS }, () => 150 + Math.round(100 * next()));
  const events = births.map((n) => count(next, n, 0.08));
  const subgroupY = Array.from({ length: POINTS * 4 }, () => 50 + 5 * normal(next));
  const subgroupX = Array.from({ length: POINTS * 4 }, (_, i) => months[Math.floor(i / 4)]);
  const daysBetween = Array.from({ length: POINTS }, () => 1 + Math.round(-30 * Math.log(1 - next())));
  const casesBetween = Array.from({ length: POINTS }, () => Math.round(-400 * Math.log(1 - next())));
  return {
    run: { chart: 'run', y: measurements },
    i: { chart: 'i', y: measurements },
    mr: { chart: 'mr', y: measurements },
    xbar: { chart: 'xbar', y: subgroupY, x: subgroupX },
    s: { chart: 's', y: subgroupY, x: subgroupX },
    t: { chart: 't', y: daysBetween },
    p: { chart: 'p', y: events, n: births },
    pp: { chart: 'pp', y: events, n: births },
    c: { chart: 'c', y: events },
    u: { chart: 'u', y: events, n: births },
    up: { chart: 'up', y: events, n: births },
    g: { chart: 'g', y: casesBetween },
  };
}

const small = smallInputs();

/**
 * Wraps a setup so that each case starts on a collected heap (the runner
 * gives each case its own process, and collects again before timing).
 */
const clean =
  (make = () => undefined) =>
  () => {
    const state = make();
    globalThis.gc?.();
    return state;
  };

const LENGTHS = [250_000, 500_000, 1_000_000];
const linearTarget = (length) =>
  length === 1_000_000 ? '< 200 ms' : `linear: ~${(200 * length) / 1_000_000} ms`;

// The runner times each case in a fresh process, so their order does not matter.
export default [
  {
    // Each result dropped at once: the cost of computing the charts alone,
    // apart from keeping 172,800 point objects alive (old-generation GC).
    name: '(a) 3,600 p charts x 48 points, each result dropped (compute only)',
    target: '< 20 ms in total',
    setup: clean(maternityCells),
    run: (cells) => {
      let points = 0;
      for (const { y, n } of cells) points += controlChart({ chart: 'p', y, n }).points.length;
      return points;
    },
  },
  {
    name: '(a) 3,600 p charts x 48 points, all results kept',
    target: '< 20 ms in total',
    setup: clean(maternityCells),
    run: (cells) => cells.map(({ y, n }) => controlChart({ chart: 'p', y, n })),
  },
  {
    name: '(a) 3,600 p charts x 48 points, columns, all kept',
    target: '< 20 ms in total',
    setup: clean(maternityCells),
    run: (cells) => cells.map(({ y, n }) => controlChartColumns({ chart: 'p', y, n })),
  },
  ...LENGTHS.map((length) => ({
    name: `(b) I chart, ${length.toLocaleString('en-GB')} points`,
    target: linearTarget(length),
    seconds: 4,
    setup: clean(() => longSeries(length)),
    run: (y) => controlChart({ chart: 'i', y }),
  })),
  ...LENGTHS.map((length) => ({
    name: `(b) I chart, ${length.toLocaleString('en-GB')} points, columns`,
    target: linearTarget(length),
    seconds: 4,
    setup: clean(() => longSeries(length)),
    run: (y) => controlChartColumns({ chart: 'i', y }),
  })),
  ...Object.entries(small).map(([chart, input]) => ({
    name: `(c) ${chart} chart, 48 points${chart === 'xbar' || chart === 's' ? ' (subgroups of 4)' : ''}`,
    seconds: 1,
    setup: clean(),
    run: () => controlChart(input),
  })),
  ...Object.entries(small).map(([chart, input]) => ({
    name: `(c) ${chart} chart, 48 points${chart === 'xbar' || chart === 's' ? ' (subgroups of 4)' : ''}, columns`,
    seconds: 1,
    setup: clean(),
    run: () => controlChartColumns(input),
  })),
  {
    name: '(c) ihiRunChart, 48 points',
    seconds: 1,
    setup: clean(),
    run: () => ihiRunChart(small.i.y),
  },
];
