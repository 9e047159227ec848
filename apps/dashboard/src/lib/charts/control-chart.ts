import * as Plot from '@observablehq/plot';
import { annotationMarks } from './annotation-marks';
import type { ChartAnnotation, ChartView, FocusPoint, TableColumn } from './chart-view';
import { asAccessibleImage, chartStyle } from './chart-view';
import {
  formatCount,
  formatNumber,
  formatPeriod,
  formatWithUnit,
  parseIsoDate,
  timeAxisValues,
} from './format';
import { controlPointStyles, lineColours, nhsColours } from './palette';
import type { ChartType, ControlChartPoint, ControlChartResult } from './qi-stats-contract';

/** Chart names as QI teams know them (qicharts2 / Provost & Murray). */
export const chartTypeNames: Record<ChartType, string> = {
  run: 'Run chart',
  i: 'I chart (XmR)',
  mr: 'Moving range chart',
  xbar: 'X-bar chart',
  s: 'S chart',
  t: 'T chart (time between events)',
  p: 'P chart',
  pp: 'P′ chart (Laney)',
  c: 'C chart',
  u: 'U chart',
  up: 'U′ chart (Laney)',
  g: 'G chart (cases between events)',
};

export interface ControlChartOptions {
  /** What is measured, for the y axis: "PPH ≥1500 ml (per 1,000 maternities)". */
  measureLabel: string;
  /** '%' or 'per 1,000' etc.: how values read in tooltips and the summary. */
  unit: string;
  /** Decimal places for values. Default 1. */
  digits?: number;
  /** A target drawn as a line (from the measure catalogue or a site aim). */
  target?: number | null;
  /** PDSA cycles and change ideas, drawn on the time axis and listed below the chart. */
  annotations?: readonly ChartAnnotation[];
  height?: number;
}

interface DrawnPoint extends ControlChartPoint {
  at: Date | string | number;
  index: number;
}

/**
 * A run or Shewhart control chart exactly as qi-stats' `controlChart()` computed it:
 * the centre line and limits drawn as steps within each part (phase) and broken
 * between parts; points beyond the 3-sigma limits in red diamonds; the centre line
 * dashed red in a part with a runs signal (qicharts2's convention); the target as a
 * red dashed rule; numbered PDSA/change markers on the time axis.
 */
export function controlChartView(result: ControlChartResult, options: ControlChartOptions): ChartView {
  const digits = options.digits ?? 1;
  const xs = timeAxisValues(result.points.map((point) => point.x));
  const points: DrawnPoint[] = result.points.map((point, index) => ({
    ...point,
    at: xs[index] as Date | string | number,
    index,
  }));
  const isTime = points.length > 0 && points[0]?.at instanceof Date;
  const showLimits = result.chart !== 'run';
  const signalParts = new Set(result.parts.filter((part) => part.runsSignal).map((part) => part.part));
  const value = (v: number | null) => formatWithUnit(v, options.unit, digits);
  const annotations = (options.annotations ?? []).map((annotation, index) => ({
    ...annotation,
    number: index + 1,
    at: parseIsoDate(annotation.date),
  }));

  const focusPoints: FocusPoint[] = points
    .filter((point) => point.y != null)
    .map((point) => ({
      x: point.at,
      y: point.y,
      text: [
        `${formatPeriod(point.at)}: ${value(point.y)}`,
        point.n != null ? `n = ${formatCount(point.n)}` : null,
        `${showLimits ? 'Centre line' : 'Median'} ${value(point.cl)}`,
        showLimits && point.lcl != null && point.ucl != null
          ? `limits ${formatNumber(point.lcl, digits)} to ${formatNumber(point.ucl, digits)}`
          : null,
        point.sigmaSignal ? 'outside the control limits' : null,
        signalParts.has(point.part) ? `part ${point.part} shows a runs signal` : null,
        point.include ? null : 'excluded from the calculations',
      ]
        .filter(Boolean)
        .join('; '),
    }));

  const columns: TableColumn[] = [
    {
      key: 'period',
      label: isTime ? 'Period' : 'Subgroup',
      kind: isTime ? 'date' : 'text',
      format: formatPeriod,
    },
    {
      key: 'value',
      label: `Value (${options.unit})`,
      kind: 'number',
      format: (v) => formatNumber(v, digits),
    },
    { key: 'n', label: 'Denominator', kind: 'number', format: formatCount },
    {
      key: 'centre',
      label: showLimits ? 'Centre line' : 'Median',
      kind: 'number',
      format: (v) => formatNumber(v, digits),
    },
    ...(showLimits
      ? ([
          { key: 'lower', label: 'Lower limit', kind: 'number', format: (v) => formatNumber(v, digits) },
          { key: 'upper', label: 'Upper limit', kind: 'number', format: (v) => formatNumber(v, digits) },
        ] satisfies TableColumn[])
      : []),
    { key: 'part', label: 'Part', kind: 'number', format: formatCount },
    { key: 'signal', label: 'Signal', kind: 'text' },
    { key: 'annotation', label: 'Change', kind: 'text' },
  ];
  const rows = points.map((point) => ({
    period: point.at,
    value: point.y,
    n: point.n,
    centre: point.cl,
    lower: point.lcl,
    upper: point.ucl,
    part: point.part,
    signal: [
      point.sigmaSignal ? 'Outside limits' : '',
      signalParts.has(point.part) ? 'Runs signal in part' : '',
      point.include ? '' : 'Excluded',
    ]
      .filter(Boolean)
      .join('; '),
    annotation: annotations
      .filter((annotation) => isTime && sameMonth(annotation.at, point.at))
      .map((annotation) => `${annotation.number}. ${annotation.label}`)
      .join('; '),
  }));

  return {
    summary: controlChartSummary(result, points, options),
    table: {
      caption: `${chartTypeNames[result.chart]} data: ${options.measureLabel}`,
      columns,
      rows,
    },
    focusPoints,
    draw(document, width) {
      const plotted = points.filter((point) => point.y != null);
      const included = plotted.filter((point) => point.include);
      const common = included.filter((point) => !point.sigmaSignal);
      const signals = included.filter((point) => point.sigmaSignal);
      const excluded = plotted.filter((point) => !point.include);
      const steadyCentre = points.filter((point) => !signalParts.has(point.part));
      const signalCentre = points.filter((point) => signalParts.has(point.part));
      const x = 'at';
      const line = { x, z: 'part', curve: 'step' } as const;
      const marginLeft = 56;
      const marginRight = 20;
      const changes = isTime
        ? annotationMarks(
            annotations,
            points.map((point) => point.at as Date),
            width - marginLeft - marginRight,
          )
        : { marks: [], marginTop: 20 };
      const svg = Plot.plot({
        document,
        width,
        height: options.height ?? 320,
        marginLeft,
        marginRight,
        marginTop: changes.marginTop,
        // Room for two-line time ticks (month above year) inside the drawing, not overflowing it.
        marginBottom: 40,
        className: 'qi-chart',
        style: chartStyle,
        ariaLabel: `${chartTypeNames[result.chart]} of ${options.measureLabel}`,
        x: isTime ? { type: 'utc', label: null } : { type: 'point', label: null },
        // The unit only: the measure is in the chart's title, and a long label collides with the change markers.
        y: { label: options.unit || null, grid: true, nice: true },
        marks: [
          showLimits
            ? [
                Plot.line(points, {
                  ...line,
                  y: 'ucl',
                  stroke: lineColours.limits,
                  strokeDasharray: '6,3',
                  className: 'upper-limit',
                }),
                Plot.line(points, {
                  ...line,
                  y: 'lcl',
                  stroke: lineColours.limits,
                  strokeDasharray: '6,3',
                  className: 'lower-limit',
                }),
              ]
            : null,
          Plot.line(steadyCentre, { ...line, y: 'cl', stroke: lineColours.centre, className: 'centre-line' }),
          Plot.line(signalCentre, {
            ...line,
            y: 'cl',
            stroke: lineColours.centreSignal,
            strokeDasharray: '3,3',
            strokeWidth: 2,
            className: 'centre-line-runs-signal',
          }),
          options.target != null
            ? [
                Plot.ruleY([options.target], {
                  stroke: lineColours.target,
                  strokeDasharray: '10,4',
                  strokeWidth: 1.5,
                  className: 'target',
                }),
                Plot.text([options.target], {
                  y: (d: number) => d,
                  frameAnchor: 'right',
                  textAnchor: 'end',
                  dy: -7,
                  fill: lineColours.target,
                  stroke: 'white',
                  strokeWidth: 4,
                  text: () => `Target ${value(options.target ?? null)}`,
                }),
              ]
            : null,
          Plot.line(plotted, {
            x,
            y: 'y',
            stroke: nhsColours.darkGrey,
            strokeWidth: 1.25,
            strokeOpacity: 0.8,
          }),
          Plot.dot(common, {
            x,
            y: 'y',
            r: 3.5,
            symbol: 'circle',
            fill: controlPointStyles.common.colour,
            stroke: 'white',
            strokeWidth: 0.75,
            className: 'observations',
          }),
          Plot.dot(excluded, {
            x,
            y: 'y',
            r: 3.5,
            symbol: 'circle',
            fill: 'white',
            stroke: controlPointStyles.common.colour,
            strokeWidth: 1.5,
            className: 'excluded-observations',
          }),
          Plot.dot(signals, {
            x,
            y: 'y',
            r: 6,
            symbol: 'diamond',
            fill: controlPointStyles.sigmaSignal.colour,
            stroke: 'white',
            strokeWidth: 0.75,
            className: 'sigma-signals',
          }),
          changes.marks,
        ],
      }) as SVGSVGElement;
      return asAccessibleImage(svg);
    },
  };
}

function sameMonth(a: Date, b: unknown): boolean {
  return (
    b instanceof Date && a.getUTCFullYear() === b.getUTCFullYear() && a.getUTCMonth() === b.getUTCMonth()
  );
}

/** The chart's message in one or two sentences, read before the chart. */
function controlChartSummary(
  result: ControlChartResult,
  points: readonly DrawnPoint[],
  options: ControlChartOptions,
): string {
  const name = chartTypeNames[result.chart];
  const digits = options.digits ?? 1;
  const plotted = points.filter((point) => point.y != null);
  if (plotted.length === 0) return `${name} of ${options.measureLabel}: there are no values to plot.`;
  const first = plotted[0] as DrawnPoint;
  const last = plotted.at(-1) as DrawnPoint;
  const parts = result.parts.length;
  const sentences = [
    `${name} of ${options.measureLabel}: ${plotted.length} values from ${formatPeriod(first.at)} to ${formatPeriod(last.at)}${parts > 1 ? ` in ${parts} parts` : ''}.`,
    `The latest value is ${formatWithUnit(last.y, options.unit, digits)} against a ${result.chart === 'run' ? 'median' : 'centre line'} of ${formatWithUnit(last.cl, options.unit, digits)}.`,
  ];
  const outside = plotted.filter((point) => point.sigmaSignal).length;
  if (result.chart !== 'run') {
    sentences.push(
      outside === 0
        ? 'No point is outside the control limits.'
        : `${outside} ${outside === 1 ? 'point is' : 'points are'} outside the control limits.`,
    );
  }
  const runParts = result.parts.filter((part) => part.runsSignal).map((part) => part.part);
  sentences.push(
    runParts.length === 0
      ? 'The runs analysis shows no signal of non-random variation.'
      : `The runs analysis shows non-random variation (an unusually long run or too few crossings) in ${parts > 1 ? `part ${runParts.join(' and ')}` : 'the data'}.`,
  );
  return sentences.join(' ');
}
