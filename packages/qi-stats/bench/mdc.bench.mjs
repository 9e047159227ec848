// Making Data Count at board scale: 10,000 monthly series of 48 points (four
// years), as the icon matrix of every trust × measure reads them. Target:
// under 100 ms for each call on the development machine (issue "MDC charts").
import { makingDataCount, mdcSummary } from '../dist/index.js';

const SERIES = 10_000;
const POINTS = 48;

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

const dates = Array.from({ length: POINTS }, (_, i) => {
  const year = 2021 + Math.floor(i / 12);
  return `${year}-${String((i % 12) + 1).padStart(2, '0')}-01`;
});

function makeSeries() {
  const next = random(101);
  const improvements = ['increase', 'decrease', 'neutral'];
  return Array.from({ length: SERIES }, (_, s) => {
    const level = 20 + next() * 60;
    // A step change after month 30 in a third of the series, so the rules fire.
    const step = s % 3 === 0 ? 0.15 * level : 0;
    const values = Array.from({ length: POINTS }, (_, i) => {
      if (next() < 0.01) return null;
      return Math.round((level + (i >= 30 ? step : 0) + (next() - 0.5) * 0.3 * level) * 100) / 100;
    });
    return {
      id: `series-${s}`,
      values,
      dates,
      improvement: improvements[s % 3],
      target: s % 2 === 0 ? level : null,
      rebase: s % 5 === 0 ? 31 : null,
    };
  });
}

export default [
  {
    name: 'makingDataCount: 10,000 series × 48 points',
    target: '< 100 ms',
    setup: makeSeries,
    run: (series) => {
      let flagged = 0;
      for (const one of series) flagged += makingDataCount(one).groups.length;
      return flagged;
    },
  },
  {
    name: 'mdcSummary: 10,000 series × 48 points',
    target: '< 100 ms',
    setup: makeSeries,
    run: (series) => mdcSummary(series),
  },
];
