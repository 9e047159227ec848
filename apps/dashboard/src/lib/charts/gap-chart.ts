import * as Plot from '@observablehq/plot';
import type { ChartView, FocusPoint, TableColumn } from './chart-view';
import { asAccessibleImage, chartStyle } from './chart-view';
import { formatCount, formatNumber, formatPeriod, parseIsoDate } from './format';
import { lineColours, nhsColours } from './palette';

/** One window of a group's gap: its ratio to the reference with the 95% interval, and the published counts. */
export interface GapChartPoint {
  /** Last month of the window, yyyy-mm-dd. */
  period: string;
  ratio: number | null;
  lower: number | null;
  upper: number | null;
  /** Published (disclosure-controlled) counts: null is suppressed, shown as '*'. */
  events: number | null;
  denominator: number | null;
  referenceEvents: number | null;
  referenceDenominator: number | null;
  /** Why there is no ratio, when there is none. */
  reason: string | null;
}

export interface GapChartOptions {
  /** The group in users' words: "Black or Black British". */
  groupLabel: string;
  /** "White". */
  referenceLabel: string;
  measureLabel: string;
  /** Months summed per window. */
  windowMonths: number;
  /** Ratio axis (log scale), shared by a page's small multiples so they compare at a glance. */
  domain?: [number, number];
  height?: number;
}

/** A count as published: '*' when suppressed. */
const publishedCount = (value: number | null) => (value == null ? '*' : value);
const formatPublished = (value: unknown) =>
  typeof value === 'number' ? formatCount(value) : String(value ?? '');

/** The axis of a set of gap charts: at least 0.5 to 2, widened to hold every interval. */
export function gapDomain(points: readonly GapChartPoint[]): [number, number] {
  let low = 0.5;
  let high = 2;
  for (const point of points) {
    if (point.lower != null && point.lower > 0) low = Math.min(low, point.lower);
    if (point.upper != null) high = Math.max(high, point.upper);
  }
  return [low, high];
}

/**
 * The gap between one ethnic group and the reference over time: each rolling
 * window's risk ratio (qi-stats, published after disclosure control) as a line
 * with points, its 95% interval as a band, and a rule at 1 (no difference), on a
 * log scale so that 0.5 and 2 are equally far from 1. Windows whose ratio was
 * withheld are gaps, never zeros; the table says why.
 */
export function gapChartView(points: readonly GapChartPoint[], options: GapChartOptions): ChartView {
  const drawn = points.map((point) => ({ ...point, at: parseIsoDate(point.period) }));
  const shown = drawn.filter((point) => point.ratio != null);
  const windowText = options.windowMonths === 1 ? 'monthly' : `${options.windowMonths}-month rolling windows`;
  const describe = (point: (typeof drawn)[number]) =>
    point.ratio == null
      ? `${formatPeriod(point.at)}: no ratio (${point.reason ?? 'withheld'})`
      : `${formatPeriod(point.at)}: ${formatNumber(point.ratio, 2)} (95% CI ${formatNumber(point.lower, 2)} to ${formatNumber(point.upper, 2)})`;
  const focusPoints: FocusPoint[] = shown.map((point) => ({
    x: point.at,
    y: point.ratio,
    text: describe(point),
  }));

  const columns: TableColumn[] = [
    { key: 'period', label: 'Window ending', kind: 'date', format: formatPeriod },
    {
      key: 'ratio',
      label: `Risk ratio against ${options.referenceLabel}`,
      kind: 'number',
      format: (v) => formatNumber(v, 2),
    },
    { key: 'lower', label: 'Lower 95% limit', kind: 'number', format: (v) => formatNumber(v, 2) },
    { key: 'upper', label: 'Upper 95% limit', kind: 'number', format: (v) => formatNumber(v, 2) },
    { key: 'events', label: `${options.groupLabel}: events`, kind: 'number', format: formatPublished },
    {
      key: 'denominator',
      label: `${options.groupLabel}: denominator`,
      kind: 'number',
      format: formatPublished,
    },
    {
      key: 'referenceEvents',
      label: `${options.referenceLabel}: events`,
      kind: 'number',
      format: formatPublished,
    },
    {
      key: 'referenceDenominator',
      label: `${options.referenceLabel}: denominator`,
      kind: 'number',
      format: formatPublished,
    },
    { key: 'note', label: 'Note', kind: 'text' },
  ];
  const rows = drawn.map((point) => ({
    period: point.at,
    ratio: point.ratio,
    lower: point.lower,
    upper: point.upper,
    events: publishedCount(point.events),
    denominator: publishedCount(point.denominator),
    referenceEvents: publishedCount(point.referenceEvents),
    referenceDenominator: publishedCount(point.referenceDenominator),
    note: point.ratio == null ? (point.reason ?? 'withheld') : '',
  }));

  return {
    summary: gapSummary(drawn, options, windowText),
    table: {
      caption: `Risk ratio, ${options.groupLabel} against ${options.referenceLabel} women, ${windowText}: ${options.measureLabel}. Counts rounded to 5; * suppressed (1 to 7, or to protect another cell).`,
      columns,
      rows,
    },
    focusPoints,
    draw(document, width) {
      const domain = options.domain ?? gapDomain(points);
      const isolated = drawn.filter(
        (point, index) =>
          point.ratio != null && drawn[index - 1]?.ratio == null && drawn[index + 1]?.ratio == null,
      );
      const ticks = [0.1, 0.2, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 5, 10].filter(
        (tick) => tick >= domain[0] && tick <= domain[1],
      );
      const svg = Plot.plot({
        document,
        width,
        height: options.height ?? 260,
        marginLeft: 48,
        marginRight: 16,
        marginBottom: 40,
        className: 'qi-chart',
        style: chartStyle,
        ariaLabel: `Risk ratio over time, ${options.groupLabel} against ${options.referenceLabel}: ${options.measureLabel}`,
        x: { type: 'utc', label: null },
        y: {
          type: 'log',
          domain,
          label: `Risk ratio (log scale)`,
          grid: true,
          ticks,
          tickFormat: (tick: number) => String(tick),
        },
        marks: [
          Plot.areaY(drawn, {
            x: 'at',
            y1: (point: (typeof drawn)[number]) => (point.ratio == null ? Number.NaN : point.lower),
            y2: (point: (typeof drawn)[number]) => (point.ratio == null ? Number.NaN : point.upper),
            fill: nhsColours.blue,
            fillOpacity: 0.16,
            className: 'interval',
          }),
          // The band's edges in a tone that passes WCAG 1.4.11 (the pale fill alone does not).
          ...(['lower', 'upper'] as const).map((edge) =>
            Plot.lineY(drawn, {
              x: 'at',
              y: (point: (typeof drawn)[number]) => (point.ratio == null ? Number.NaN : point[edge]),
              stroke: lineColours.limits,
              strokeWidth: 1,
              strokeDasharray: '4,3',
              className: `interval-${edge}`,
            }),
          ),
          // A window whose neighbours are withheld has no band to sit in: its interval is a vertical rule.
          Plot.ruleX(isolated, {
            x: 'at',
            y1: 'lower',
            y2: 'upper',
            stroke: lineColours.limits,
            strokeWidth: 1.5,
            className: 'interval-isolated',
          }),
          Plot.ruleY([1], { stroke: nhsColours.black, strokeWidth: 1.25, className: 'no-difference' }),
          Plot.lineY(drawn, {
            x: 'at',
            y: (point: (typeof drawn)[number]) => point.ratio ?? Number.NaN,
            stroke: nhsColours.blue,
            strokeWidth: 1.75,
            className: 'ratio-line',
          }),
          Plot.dot(shown, {
            x: 'at',
            y: 'ratio',
            r: 2.75,
            fill: nhsColours.blue,
            className: 'ratio',
          }),
        ],
      }) as SVGSVGElement;
      return asAccessibleImage(svg);
    },
  };
}

function gapSummary(
  drawn: readonly (GapChartPoint & { at: Date })[],
  options: GapChartOptions,
  windowText: string,
): string {
  const shown = drawn.filter((point) => point.ratio != null);
  const withheld = drawn.length - shown.length;
  const lead = `Risk ratio of ${options.measureLabel}, ${options.groupLabel} against ${options.referenceLabel} women, ${windowText}.`;
  const last = shown.at(-1);
  if (!last) return `${lead} No window has enough events to show a ratio (fewer than 8, or suppressed).`;
  const first = shown[0] as (typeof shown)[number];
  const verdict =
    (last.lower ?? 0) > 1
      ? 'higher than for White women: the interval lies wholly above 1'
      : (last.upper ?? Number.POSITIVE_INFINITY) < 1
        ? 'lower than for White women: the interval lies wholly below 1'
        : 'not clearly different from White women: the interval includes 1';
  return [
    lead,
    `${shown.length} window${shown.length === 1 ? '' : 's'} from ${formatPeriod(first.at)} to ${formatPeriod(last.at)}${withheld > 0 ? `; ${withheld} withheld (too few events or suppressed)` : ''}.`,
    `Latest, window ending ${formatPeriod(last.at)}: ${formatNumber(last.ratio, 2)} (95% CI ${formatNumber(last.lower, 2)} to ${formatNumber(last.upper, 2)}), ${verdict.replace('White', options.referenceLabel)}.`,
    `First shown: ${formatNumber(first.ratio, 2)}.`,
  ].join(' ');
}
