/**
 * The CLI's human-readable output: an aligned table of points (value, centre
 * line, limits, signal marks), then a summary per part that says in words
 * which rule fired and why, so an analyst does not need to know the rules'
 * thresholds by heart. Pure functions from results to text.
 */
import type { controlChart, IhiRunChartResult } from '../index.js';

type ControlChartResult = ReturnType<typeof controlChart>;
type ControlChartPoint = ControlChartResult['points'][number];

/** What the user asked for, to title the output. */
export interface ChartContext {
  /** File name, or 'standard input'. */
  source: string;
  chart: string;
  xLabel: string | null;
  yLabel: string;
  nLabel: string | null;
  multiply: number | null;
  /** `--where` filters as typed. */
  filters: ReadonlyArray<string>;
}

/**
 * A number as an analyst reads it: integers whole, large values to one
 * decimal, small ones to four significant digits; missing as '-'.
 *
 * @example
 * formatNumber(0.135231); // '0.1352'
 * formatNumber(13.5231);  // '13.523'
 * formatNumber(21289);    // '21289'
 * formatNumber(null);     // '-'
 */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '-';
  if (Number.isInteger(value)) return String(value);
  const size = Math.abs(value);
  if (size >= 100) return value.toFixed(1);
  if (size >= 1) return value.toFixed(3);
  return Number(value.toPrecision(4)).toString();
}

/**
 * Lays out rows under headers, numbers right-aligned, text left-aligned.
 *
 * @example
 * alignTable(['#', 'value'], [['1', '10'], ['2', '3']], [true, true]);
 * // '#  value\n1     10\n2      3'
 */
export function alignTable(
  headers: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<string>>,
  rightAligned: ReadonlyArray<boolean>,
): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const render = (cells: ReadonlyArray<string>) =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return rightAligned[column] ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return [render(headers), ...rows.map(render)].join('\n');
}

function title(context: ChartContext, what: string, count: number): string {
  const measure = context.nLabel ? `${context.yLabel} / ${context.nLabel}` : context.yLabel;
  const scaled = context.multiply && context.multiply !== 1 ? ` x ${formatNumber(context.multiply)}` : '';
  const where = context.filters.length > 0 ? ` where ${context.filters.join(' and ')}` : '';
  return `${what} of ${measure}${scaled}: ${context.source}${where}, ${count} points`;
}

const pointLabel = (x: string | number | null | undefined, position: number) =>
  x === null || x === undefined || String(x) === String(position)
    ? `point ${position}`
    : `point ${position} (${x})`;

/**
 * Text report of a controlChart result.
 *
 * @example
 * formatControlChart(controlChart({ chart: 'i', y: [1, 2, 3] }), { source: 'x.csv', chart: 'i', xLabel: null, yLabel: 'y', nLabel: null, multiply: null, filters: [] });
 * // 'I chart of y: x.csv, 3 points\n\n#  x  y  cl  lcl  ucl  signal\n...'
 */
export function formatControlChart(result: ControlChartResult, context: ChartContext): string {
  const { points, parts } = result;
  const usesN = points.some((point) => point.n !== null && point.n !== undefined);
  const headers = ['#', context.xLabel ?? 'x'];
  if (usesN) headers.push(context.nLabel ? `n (${context.nLabel})` : 'n');
  headers.push('y', 'cl', 'lcl', 'ucl', 'signal');
  const rows = points.map((point, index) => {
    const row = [String(index + 1), String(point.x)];
    if (usesN) row.push(formatNumber(point.n));
    row.push(formatNumber(point.y), formatNumber(point.cl), formatNumber(point.lcl), formatNumber(point.ucl));
    row.push(pointMarks(point).join(', '));
    return row;
  });
  const right = headers.map((header, column) => column !== 1 && header !== 'signal');

  const lines = [
    title(context, `${chartName(result.chart)}`, points.length),
    '',
    alignTable(headers, rows, right),
    '',
    'signal: "above UCL" / "below LCL" = outside the 3-sigma limits; "runs" = its part has a runs signal; "excluded" = left out of the limits and runs analysis.',
  ];
  for (const part of parts) lines.push('', ...partSummary(result, part));
  return `${lines.join('\n')}\n`;
}

function pointMarks(point: ControlChartPoint): string[] {
  const marks: string[] = [];
  if (point.sigmaSignal) {
    marks.push(point.y !== null && point.ucl !== null && point.y > point.ucl ? 'above UCL' : 'below LCL');
  }
  if (point.runsSignal) marks.push('runs');
  if (!point.include) marks.push('excluded');
  return marks;
}

function chartName(chart: string): string {
  const names: Record<string, string> = {
    run: 'Run chart',
    i: 'I chart',
    mr: 'MR chart',
    xbar: 'Xbar chart',
    s: 'S chart',
    t: 'T chart',
    p: 'P chart',
    pp: "P' (Laney) chart",
    c: 'C chart',
    u: 'U chart',
    up: "U' (Laney) chart",
    g: 'G chart',
  };
  return names[chart] ?? `${chart} chart`;
}

function partSummary(result: ControlChartResult, part: ControlChartResult['parts'][number]): string[] {
  const members = result.points
    .map((point, index) => ({ point, position: index + 1 }))
    .filter(({ point }) => point.part === part.part);
  const first = members[0]?.position ?? 0;
  const last = members[members.length - 1]?.position ?? 0;
  const centre = members.find(({ point }) => point.cl !== null)?.point.cl ?? null;
  const out = [
    `Part ${part.part}: points ${first}-${last} (${part.nObs} observations, ${part.nUseful} not on the centre line); centre line ${formatNumber(centre)}`,
  ];

  if (part.longestRun === null || part.crossings === null) {
    out.push('  Runs analysis: not done (no useful observations, or not meaningful for this chart).');
  } else {
    const at = part.longestRunAt;
    const where = at ? `, ${at.side} the centre line at points ${at.start}-${at.end}` : '';
    out.push(
      `  Runs analysis (${part.runsMethod}): longest run ${part.longestRun}${where} (a signal above ${formatNumber(part.longestRunMax)}); crossings ${part.crossings} (a signal below ${formatNumber(part.crossingsMin)})`,
    );
    const reasons = part.runsSignalReasons.map((reason) => {
      if (reason === 'long-run') {
        return `the longest run, ${part.longestRun} points ${at ? `${at.side} the centre line (points ${at.start}-${at.end})` : 'on one side of the centre line'}, is longer than ${formatNumber(part.longestRunMax)}`;
      }
      if (reason === 'few-crossings') {
        return `the series crosses the centre line only ${part.crossings} ${part.crossings === 1 ? 'time' : 'times'}, fewer than the ${formatNumber(part.crossingsMin)} expected of random variation`;
      }
      return `longest run and crossings together fall in a borderline cell that the ${part.runsMethod} rule counts as a signal`;
    });
    if (part.runsSignal) {
      out.push(
        `  Runs signal: YES, because ${reasons.length > 0 ? reasons.join('; and ') : `the longest run and the crossings fall outside the ${part.runsMethod} limits`}. Something has shifted the process: look for what changed.`,
      );
    } else {
      out.push('  Runs signal: no (the runs and crossings are what random variation produces).');
    }
  }

  const outside = members.filter(({ point }) => point.sigmaSignal);
  if (outside.length === 0) {
    out.push('  Points outside the 3-sigma limits: none.');
  } else {
    out.push(`  Points outside the 3-sigma limits: ${outside.length}`);
    for (const { point, position } of outside) {
      const above = point.y !== null && point.ucl !== null && point.y > point.ucl;
      const limit = above
        ? `above the upper limit ${formatNumber(point.ucl)}`
        : `below the lower limit ${formatNumber(point.lcl)}`;
      out.push(`    ${pointLabel(point.x, position)}: ${formatNumber(point.y)} is ${limit}`);
    }
  }
  return out;
}

/**
 * Text report of an ihiRunChart result for `values` (labels by position).
 *
 * @example
 * formatIhiRunChart(ihiRunChart([1, 2, 3]), { x: null, values: [1, 2, 3] }, { source: 'x.csv', chart: 'ihi', xLabel: null, yLabel: 'y', nLabel: null, multiply: null, filters: [] });
 * // 'IHI run chart of y: x.csv, 3 points\n\n#  x  value  side  signal\n...'
 */
export function formatIhiRunChart(
  result: IhiRunChartResult,
  series: { x: ReadonlyArray<string | number> | null; values: ReadonlyArray<number | null> },
  context: ChartContext & { baseline: number | null },
): string {
  const inShift = new Set(result.shifts.flat());
  const inTrend = new Set(result.trends.flat());
  const candidates = new Set(result.astronomical);
  const label = (position: number) => String(series.x?.[position - 1] ?? position);

  const rows = series.values.map((value, index) => {
    const position = index + 1;
    const side =
      value === null
        ? 'missing'
        : value > result.median
          ? 'above'
          : value < result.median
            ? 'below'
            : 'on median';
    const marks = [
      inShift.has(position) ? 'shift' : '',
      inTrend.has(position) ? 'trend' : '',
      candidates.has(position) ? 'astronomical?' : '',
    ].filter((mark) => mark !== '');
    return [String(position), label(position), formatNumber(value), side, marks.join(', ')];
  });
  const present = series.values.filter((value) => value !== null).length;
  const medianOf = context.baseline === null ? 'all points' : `the first ${context.baseline} points`;

  const lines = [
    title(context, 'IHI run chart', series.values.length),
    '',
    alignTable(['#', context.xLabel ?? 'x', 'value', 'side', 'signal'], rows, [
      true,
      false,
      true,
      false,
      false,
    ]),
    '',
    `Median ${formatNumber(result.median)} (of ${medianOf}); ${present} values, ${result.nUseful} useful (not on the median).`,
    ...runsVerdict(result),
    ...signalList(
      'Shifts (6 or more useful points in a row on one side of the median; points on the median skipped)',
      result.shifts,
      label,
      (group) => {
        const firstValue = series.values[(group[0] ?? 1) - 1] ?? result.median;
        return `${group.length} points ${firstValue > result.median ? 'above' : 'below'} the median`;
      },
    ),
    ...signalList(
      'Trends (5 or more points in a row going the same way; repeated values skipped)',
      result.trends,
      label,
      (group) => {
        const a = series.values[(group[0] ?? 1) - 1] ?? 0;
        const b = series.values[(group[1] ?? 1) - 1] ?? 0;
        return `${group.length} points going ${b > a ? 'up' : 'down'}`;
      },
    ),
  ];
  if (result.astronomical.length === 0) {
    lines.push('Astronomical point candidates (outside I-chart 3-sigma limits): none.');
  } else {
    lines.push(
      'Astronomical point candidates (outside I-chart 3-sigma limits). The rule is a judgement: look at each one.',
    );
    for (const position of result.astronomical) {
      lines.push(`  point ${position} (${label(position)}): ${formatNumber(series.values[position - 1])}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function runsVerdict(result: IhiRunChartResult): string[] {
  const limits = result.runsLimits;
  if (limits === null) {
    return [
      `Runs: ${result.runs}. No runs limits for ${result.nUseful} useful observations: the shipped Table 1 (Perla et al. 2011) covers 10 to 26.`,
    ];
  }
  const verdict =
    result.runs < limits.lower
      ? `TOO FEW runs, a signal: fewer than ${limits.lower} (the data cluster on one side, then the other)`
      : result.runs > limits.upper
        ? `TOO MANY runs, a signal: more than ${limits.upper} (the data alternate more than chance would; often two processes mixed)`
        : 'within the limits, no signal';
  return [
    `Runs: ${result.runs}; Table 1 limits for ${result.nUseful} useful observations: ${limits.lower} to ${limits.upper}. ${verdict}.`,
  ];
}

function signalList(
  heading: string,
  groups: ReadonlyArray<ReadonlyArray<number>>,
  label: (position: number) => string,
  describe: (group: ReadonlyArray<number>) => string,
): string[] {
  if (groups.length === 0) return [`${heading}: none.`];
  return [
    `${heading}: ${groups.length}`,
    ...groups.map((group) => {
      const first = group[0] ?? 0;
      const last = group[group.length - 1] ?? 0;
      return `  points ${first}-${last} (${label(first)} to ${label(last)}): ${describe(group)}`;
    }),
  ];
}
