import * as Plot from '@observablehq/plot';
import { annotationMarks } from './annotation-marks';
import type { ChartAnnotation, ChartView, FocusPoint, TableColumn } from './chart-view';
import { asAccessibleImage, chartStyle } from './chart-view';
import { formatNumber, formatPeriod, formatWithUnit, parseIsoDate } from './format';
import { assuranceIcon, type ImprovementDirection, variationIcon } from './mdc-icons';
import { lineColours, mdcPointStyles, nhsColours } from './palette';
import type { MdcPoint, MdcPointType, MdcResult } from './qi-stats-contract';

export interface MdcChartOptions {
  /** ISO dates (yyyy-mm-dd), one per value, as passed to `makingDataCount()`. */
  dates: readonly string[];
  measureLabel: string;
  unit: string;
  digits?: number;
  improvement: ImprovementDirection;
  target?: number | null;
  annotations?: readonly ChartAnnotation[];
  height?: number;
}

interface DrawnPoint extends MdcPoint {
  at: Date;
}

const pointOrder: MdcPointType[] = [
  'common_cause',
  'special_cause_neutral_high',
  'special_cause_neutral_low',
  'special_cause_concern',
  'special_cause_improvement',
];

/**
 * A Making Data Count XmR chart from qi-stats' `makingDataCount()`: mean and process
 * limits per rebase period, points in MDC's meanings (accessible tones, and a shape
 * per meaning), the target, and numbered change markers. The variation and assurance
 * icons are drawn beside the chart by the component (`MdcIcon.svelte`).
 */
export function mdcChartView(result: MdcResult, options: MdcChartOptions): ChartView {
  if (options.dates.length !== result.points.length) {
    throw new Error(
      `mdcChartView: ${options.dates.length} dates for ${result.points.length} values of "${options.measureLabel}"`,
    );
  }
  const digits = options.digits ?? 1;
  const value = (v: number | null) => formatWithUnit(v, options.unit, digits);
  const points: DrawnPoint[] = result.points.map((point, index) => ({
    ...point,
    at: parseIsoDate(options.dates[index] as string),
  }));
  const annotations = (options.annotations ?? []).map((annotation, index) => ({
    ...annotation,
    number: index + 1,
    at: parseIsoDate(annotation.date),
  }));
  const meaning = (type: MdcPointType) =>
    type === 'common_cause' ? 'common cause' : variationIcon(type, options.improvement).label.toLowerCase();

  const focusPoints: FocusPoint[] = points
    .filter((point) => point.value != null)
    .map((point) => ({
      x: point.at,
      y: point.value,
      text: [
        `${formatPeriod(point.at)}: ${value(point.value)}`,
        `mean ${value(point.mean)}`,
        point.lpl != null && point.upl != null
          ? `process limits ${formatNumber(point.lpl, digits)} to ${formatNumber(point.upl, digits)}`
          : null,
        meaning(point.pointType),
        point.rules?.length
          ? `rules: ${point.rules.map((rule) => rule.replaceAll('_', ' ')).join(', ')}`
          : null,
      ]
        .filter(Boolean)
        .join('; '),
    }));

  const columns: TableColumn[] = [
    { key: 'period', label: 'Period', kind: 'date', format: formatPeriod },
    {
      key: 'value',
      label: `Value (${options.unit})`,
      kind: 'number',
      format: (v) => formatNumber(v, digits),
    },
    { key: 'mean', label: 'Mean', kind: 'number', format: (v) => formatNumber(v, digits) },
    { key: 'lower', label: 'Lower process limit', kind: 'number', format: (v) => formatNumber(v, digits) },
    { key: 'upper', label: 'Upper process limit', kind: 'number', format: (v) => formatNumber(v, digits) },
    { key: 'period_group', label: 'Period group', kind: 'number', format: (v) => String(v) },
    { key: 'variation', label: 'Variation', kind: 'text' },
    { key: 'rules', label: 'Rules', kind: 'text' },
  ];
  const rows = points.map((point) => ({
    period: point.at,
    value: point.value,
    mean: point.mean,
    lower: point.lpl,
    upper: point.upl,
    period_group: point.rebaseGroup + 1,
    variation: point.value == null ? '' : meaning(point.pointType),
    rules: (point.rules ?? []).map((rule) => rule.replaceAll('_', ' ')).join(', '),
  }));

  return {
    summary: mdcSummary(result, points, options),
    table: { caption: `Making Data Count chart data: ${options.measureLabel}`, columns, rows },
    focusPoints,
    draw(document, width) {
      const plotted = points.filter((point) => point.value != null);
      const x = 'at';
      const byGroup = { x, z: 'rebaseGroup' } as const;
      const marginLeft = 56;
      const marginRight = 20;
      const changes = annotationMarks(
        annotations,
        points.map((point) => point.at),
        width - marginLeft - marginRight,
      );
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
        ariaLabel: `Making Data Count chart of ${options.measureLabel}`,
        x: { type: 'utc', label: null },
        // The unit only: the measure is in the chart's title, and a long label collides with the change markers.
        y: { label: options.unit || null, grid: true, nice: true },
        marks: [
          Plot.line(points, {
            ...byGroup,
            y: 'upl',
            stroke: lineColours.limits,
            strokeDasharray: '6,3',
            className: 'upper-limit',
          }),
          Plot.line(points, {
            ...byGroup,
            y: 'lpl',
            stroke: lineColours.limits,
            strokeDasharray: '6,3',
            className: 'lower-limit',
          }),
          Plot.line(points, { ...byGroup, y: 'mean', stroke: lineColours.centre, className: 'mean' }),
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
            y: 'value',
            stroke: nhsColours.darkGrey,
            strokeWidth: 1.25,
            strokeOpacity: 0.8,
          }),
          pointOrder.map((type) =>
            Plot.dot(
              plotted.filter((point) => point.pointType === type),
              {
                x,
                y: 'value',
                r: type === 'common_cause' ? 3.5 : 5.5,
                symbol: mdcPointStyles[type].symbol,
                fill: mdcPointStyles[type].colour,
                stroke: 'white',
                strokeWidth: 0.75,
                className: type.replaceAll('_', '-'),
              },
            ),
          ),
          changes.marks,
        ],
      }) as SVGSVGElement;
      return asAccessibleImage(svg);
    },
  };
}

function mdcSummary(result: MdcResult, points: readonly DrawnPoint[], options: MdcChartOptions): string {
  const digits = options.digits ?? 1;
  const value = (v: number | null) => formatWithUnit(v, options.unit, digits);
  const plotted = points.filter((point) => point.value != null);
  if (plotted.length === 0)
    return `Making Data Count chart of ${options.measureLabel}: there are no values to plot.`;
  const first = plotted[0] as DrawnPoint;
  const last = plotted.at(-1) as DrawnPoint;
  const group = result.groups.at(-1);
  const sentences = [
    `Making Data Count chart of ${options.measureLabel}: ${plotted.length} values from ${formatPeriod(first.at)} to ${formatPeriod(last.at)}${result.groups.length > 1 ? ` in ${result.groups.length} periods` : ''}.`,
    `The latest value is ${value(last.value)}; the mean is ${value(last.mean)}${last.lpl != null && last.upl != null ? ` with process limits ${formatNumber(last.lpl, digits)} to ${formatNumber(last.upl, digits)}` : ' (too few points for process limits)'}.`,
  ];
  // Making Data Count gives no verdict for a period too short to have process limits.
  if (group && group.lpl != null && group.upl != null) {
    sentences.push(`Variation: ${variationIcon(group.variation, options.improvement).description}`);
    if (group.assurance) sentences.push(`Assurance: ${assuranceIcon(group.assurance).description}`);
  }
  return sentences.join(' ');
}
