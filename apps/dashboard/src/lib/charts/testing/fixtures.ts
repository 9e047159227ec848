import type { FunnelResult } from '../funnel-plot';
import type { ControlChartResult, MdcResult } from '../qi-stats-contract';

/**
 * Hand-built qi-stats results for chart tests, shaped exactly as the contract
 * (shared/spec/qi-stats-api.d.ts) describes. Numbers are fixed, not computed by the
 * dashboard: they stand in for what qi-stats returns.
 */

const months = Array.from({ length: 24 }, (_, i) => {
  const date = new Date(Date.UTC(2023, 3 + i, 1));
  return date.toISOString().slice(0, 10);
});

/** Booking by 10 weeks, P chart ×100, 24 months in two parts split after month 12. */
export const bookingPChart: ControlChartResult = (() => {
  const y = [
    58.1, 60.2, 57.4, 59.9, 61.0, 56.8, 58.7, 60.4, 59.2, 57.9, 71.5, 58.8, 63.0, 64.1, 62.7, 65.3, 64.8,
    63.9, 66.0, 65.1, 64.4, 65.9, 63.6, 66.4,
  ];
  const n = [
    410, 395, 420, 405, 400, 415, 398, 402, 410, 399, 404, 412, 408, 401, 396, 410, 407, 402, 399, 405, 410,
    403, 398, 406,
  ];
  const partMeans = [60.0, 64.6];
  return {
    chart: 'p',
    points: y.map((value, i) => {
      const part = i < 12 ? 1 : 2;
      const cl = partMeans[part - 1] as number;
      const size = n[i] as number;
      const sigma = 100 * Math.sqrt(((cl / 100) * (1 - cl / 100)) / size);
      return {
        x: months[i] as string,
        y: value,
        n: size,
        cl,
        lcl: Math.round((cl - 3 * sigma) * 100) / 100,
        ucl: Math.round((cl + 3 * sigma) * 100) / 100,
        lcl95: Math.round((cl - 2 * sigma) * 100) / 100,
        ucl95: Math.round((cl + 2 * sigma) * 100) / 100,
        part,
        include: true,
        baseline: part === 1,
        sigmaSignal: i === 10,
        runsSignal: part === 2,
      };
    }),
    parts: [
      {
        part: 1,
        nObs: 12,
        nUseful: 12,
        longestRun: 3,
        longestRunMax: 7,
        crossings: 7,
        crossingsMin: 3,
        runsSignal: false,
      },
      {
        part: 2,
        nObs: 12,
        nUseful: 12,
        longestRun: 8,
        longestRunMax: 7,
        crossings: 2,
        crossingsMin: 3,
        runsSignal: true,
      },
    ],
  };
})();

/** A run chart (no limits) with a missing month. */
export const runChartWithGap: ControlChartResult = {
  chart: 'run',
  points: [12, 14, null, 11, 15, 13, 16, 12].map((value, i) => ({
    x: months[i] as string,
    y: value,
    n: null,
    cl: 13,
    lcl: null,
    ucl: null,
    lcl95: null,
    ucl95: null,
    part: 1,
    include: true,
    baseline: true,
    sigmaSignal: false,
    runsSignal: false,
  })),
  parts: [
    {
      part: 1,
      nObs: 8,
      nUseful: 6,
      longestRun: 2,
      longestRunMax: 6,
      crossings: 4,
      crossingsMin: 1,
      runsSignal: false,
    },
  ],
};

/** Monthly dates for the MDC fixture. */
export const mdcDates = months.slice(0, 20);

/** PPH ≥1500 ml per 1,000, improvement 'decrease', rebased at point 13, target 28. */
export const pphMdc: MdcResult = (() => {
  const values = [36, 38, 35, 41, 37, 39, 36, 52, 38, 36, 37, 35, 30, 29, 31, 28, 27, 29, 26, 25];
  const groups = [
    { rebaseGroup: 0, mean: 38.3, lpl: 26.1, upl: 50.5, n: 12, variation: 'common_cause', assurance: null },
    {
      rebaseGroup: 1,
      mean: 28.1,
      lpl: 22.9,
      upl: 33.3,
      n: 8,
      variation: 'special_cause_improvement',
      assurance: 'inconsistent',
    },
  ] as const;
  return {
    points: values.map((value, i) => {
      const group = groups[i < 12 ? 0 : 1];
      const pointType =
        i === 7 ? 'special_cause_concern' : i >= 14 ? 'special_cause_improvement' : 'common_cause';
      return {
        value,
        rebaseGroup: group.rebaseGroup,
        mean: group.mean,
        lpl: group.lpl,
        upl: group.upl,
        outsideLimits: i === 7,
        relativeToMean: value > group.mean ? 1 : value < group.mean ? -1 : 0,
        closeToLimits: false,
        specialCauseFlag: pointType !== 'common_cause',
        pointType,
        rules: i === 7 ? ['outside_limits'] : i >= 14 ? ['shift'] : [],
      };
    }),
    groups: groups.map((group) => ({ ...group })),
  };
})();

/** Rate ratios (Black vs White) at seven sites and pooled, as `rateRatio()` returns them. */
export const blackWhiteRatios = [
  {
    label: 'Site A – London',
    ratio: { value: 1.42, lower: 1.08, upper: 1.87 },
    events: 58,
    denominator: 1480,
  },
  {
    label: 'Site B – Midlands',
    ratio: { value: 1.18, lower: 0.86, upper: 1.62 },
    events: 41,
    denominator: 1210,
  },
  {
    label: 'Site C – North East and Yorkshire',
    ratio: { value: 0.91, lower: 0.42, upper: 1.97 },
    events: 7,
    denominator: 225,
  },
  {
    label: 'Site D – North West',
    ratio: { value: 1.55, lower: 1.17, upper: 2.05 },
    events: 66,
    denominator: 1680,
  },
  {
    label: 'Site E – East of England',
    ratio: { value: 1.1, lower: 0.7, upper: 1.73 },
    events: 22,
    denominator: 690,
  },
  {
    label: 'Site F – South East',
    ratio: { value: 1.3, lower: 0.72, upper: 2.35 },
    events: 12,
    denominator: 330,
  },
  {
    label: 'Site G – South West',
    ratio: { value: 0.8, lower: 0.3, upper: 2.13 },
    events: 4,
    denominator: 250,
  },
  {
    label: 'Network',
    ratio: { value: 1.33, lower: 1.16, upper: 1.52 },
    events: 210,
    denominator: 5865,
    pooled: true,
  },
];

/**
 * PPH ≥1500 ml per 1,000 at seven sites, shaped as `funnelLimits()` returns it. The
 * limits here are normal approximations written out for the test, standing in for
 * qi-stats' exact Poisson/Byar funnels.
 */
export const pphFunnel: FunnelResult = (() => {
  const baseline = 32.1;
  const limitsAt = (denominator: number) => {
    const sigma = Math.sqrt(baseline / 1000 / denominator) * 1000;
    const round = (v: number) => Math.round(v * 100) / 100;
    return {
      denominator,
      baseline,
      lower95: round(baseline - 1.96 * sigma),
      upper95: round(baseline + 1.96 * sigma),
      lower998: round(baseline - 3.09 * sigma),
      upper998: round(baseline + 3.09 * sigma),
    };
  };
  const sites = [
    ['Site A', 12630, 394],
    ['Site B', 5930, 231],
    ['Site C', 4645, 126],
    ['Site D', 14120, 520],
    ['Site E', 7465, 219],
    ['Site F', 8100, 248],
    ['Site G', 5300, 119],
  ] as const;
  return {
    baseline,
    curve: [500, 1000, 2000, 4000, 6000, 8000, 10000, 12000, 15000].map(limitsAt),
    points: sites.map(([label, denominator, events]) => {
      const limits = limitsAt(denominator);
      const value = (1000 * events) / denominator;
      const significance =
        value > limits.upper998
          ? 'High (0.001)'
          : value > limits.upper95
            ? 'High (0.025)'
            : value < limits.lower998
              ? 'Low (0.001)'
              : value < limits.lower95
                ? 'Low (0.025)'
                : 'Not significant';
      return { ...limits, label, events, value, significance } as const;
    }),
  };
})();
