import * as Plot from '@observablehq/plot';
import type { ChartView, TableColumn } from './chart-view';
import { asAccessibleImage, chartStyle } from './chart-view';
import { formatCount, formatNumber } from './format';
import { lineColours, nhsColours } from './palette';
import type { Interval } from './qi-stats-contract';

/** One row of a forest plot: a ratio with its interval, as qi-stats' `rateRatio()`/`riskRatio()` return. */
export interface ForestRow {
  /** What the row is, in users' words: a site, an ethnic group, or "Network". */
  label: string;
  ratio: Interval;
  /** Events and denominator in the compared group, for the table. */
  events?: number | null;
  denominator?: number | null;
  /** The pooled network estimate is drawn as a diamond below the sites. */
  pooled?: boolean;
}

export interface ForestPlotOptions {
  /** What the ratio compares: "Rate ratio, Black vs White women". */
  ratioLabel: string;
  /** The compared outcome, e.g. "PPH ≥1500 ml". */
  measureLabel: string;
  /** What each row is, for the summary: sites across the network, or ethnic groups at one site. Default 'site'. */
  rowKind?: 'site' | 'ethnic group';
  height?: number;
}

/**
 * A forest plot of ratios against a reference group: one row per site, the interval
 * as a line and the estimate as a square, a rule at 1 (no difference), on a log
 * scale so that 0.5 and 2 are equally far from 1. Intervals that exclude 1 are drawn
 * solid, those that include it hollow, so the reading does not depend on colour.
 */
export function forestPlotView(rows: readonly ForestRow[], options: ForestPlotOptions): ChartView {
  const drawn = rows.map((row) => ({
    ...row,
    value: row.ratio.value,
    lower: row.ratio.lower,
    upper: row.ratio.upper,
    excludesOne: row.ratio.lower > 1 || row.ratio.upper < 1,
  }));
  const describe = (row: (typeof drawn)[number]) =>
    `${row.label}: ${formatNumber(row.value, 2)} (95% CI ${formatNumber(row.lower, 2)} to ${formatNumber(row.upper, 2)})${row.excludesOne ? (row.lower > 1 ? ', higher than the reference' : ', lower than the reference') : ', no clear difference'}`;
  const columns: TableColumn[] = [
    { key: 'label', label: 'Site or group', kind: 'text' },
    { key: 'ratio', label: options.ratioLabel, kind: 'number', format: (v) => formatNumber(v, 2) },
    { key: 'lower', label: 'Lower 95% limit', kind: 'number', format: (v) => formatNumber(v, 2) },
    { key: 'upper', label: 'Upper 95% limit', kind: 'number', format: (v) => formatNumber(v, 2) },
    { key: 'events', label: 'Events', kind: 'number', format: formatCount },
    { key: 'denominator', label: 'Denominator', kind: 'number', format: formatCount },
  ];
  const higher = drawn.filter((row) => !row.pooled && row.lower > 1).map((row) => row.label);
  const lower = drawn.filter((row) => !row.pooled && row.upper < 1).map((row) => row.label);
  const kind = options.rowKind ?? 'site';
  const count = drawn.filter((row) => !row.pooled).length;
  const pooled = drawn.find((row) => row.pooled);
  const summary = [
    kind === 'site'
      ? `${options.ratioLabel} for ${options.measureLabel} at ${count} sites.`
      : `${options.ratioLabel} for ${options.measureLabel}, ${count} ethnic groups.`,
    pooled ? `Across the network: ${describe(pooled).replace(`${pooled.label}: `, '')}.` : null,
    higher.length === 0
      ? `No ${kind}’s interval lies wholly above 1.`
      : `The interval lies wholly above 1 ${kind === 'site' ? 'at' : 'for'} ${higher.join(', ')}.`,
    lower.length === 0
      ? null
      : `It lies wholly below 1 ${kind === 'site' ? 'at' : 'for'} ${lower.join(', ')}.`,
  ]
    .filter(Boolean)
    .join(' ');

  return {
    summary,
    table: {
      caption: `${options.ratioLabel}: ${options.measureLabel}`,
      columns,
      rows: drawn.map((row) => ({
        label: row.label,
        ratio: row.value,
        lower: row.lower,
        upper: row.upper,
        events: row.events ?? null,
        denominator: row.denominator ?? null,
      })),
    },
    focusPoints: drawn.map((row) => ({ x: row.value, y: row.label, text: describe(row) })),
    draw(document, width) {
      const extent = [
        Math.min(0.5, ...drawn.map((row) => row.lower)),
        Math.max(2, ...drawn.map((row) => row.upper)),
      ];
      const sites = drawn.filter((row) => !row.pooled);
      const svg = Plot.plot({
        document,
        width,
        height: options.height ?? Math.max(160, 48 + 30 * drawn.length),
        // Room for the longest label (about 7 px a character at 13 px), at least 160 px.
        marginLeft: Math.min(320, Math.max(160, 12 + 7 * Math.max(...drawn.map((row) => row.label.length)))),
        marginRight: 24,
        marginBottom: 44,
        className: 'qi-chart',
        style: chartStyle,
        ariaLabel: `Forest plot: ${options.ratioLabel}, ${options.measureLabel}`,
        x: {
          type: 'log',
          domain: extent,
          label: `${options.ratioLabel} (log scale)`,
          labelAnchor: 'center',
          labelArrow: 'none',
          grid: true,
          ticks: [0.0625, 0.125, 0.25, 0.5, 1, 2, 4, 8, 16].filter(
            (t) => t >= (extent[0] as number) && t <= (extent[1] as number),
          ),
          tickFormat: (t: number) => String(t),
        },
        y: { domain: drawn.map((row) => row.label), label: null },
        marks: [
          Plot.ruleX([1], { stroke: nhsColours.black, strokeWidth: 1.25, className: 'no-difference' }),
          Plot.ruleY(drawn, {
            y: 'label',
            x1: 'lower',
            x2: 'upper',
            stroke: nhsColours.darkGrey,
            strokeWidth: 2,
            className: 'intervals',
          }),
          Plot.dot(
            sites.filter((row) => row.excludesOne),
            {
              x: 'value',
              y: 'label',
              symbol: 'square',
              r: 6,
              fill: nhsColours.blue,
              className: 'estimates-clear',
            },
          ),
          Plot.dot(
            sites.filter((row) => !row.excludesOne),
            {
              x: 'value',
              y: 'label',
              symbol: 'square',
              r: 6,
              fill: 'white',
              stroke: nhsColours.blue,
              strokeWidth: 2,
              className: 'estimates-unclear',
            },
          ),
          Plot.dot(
            drawn.filter((row) => row.pooled),
            {
              x: 'value',
              y: 'label',
              symbol: 'diamond',
              r: 9,
              fill: lineColours.annotation,
              className: 'pooled',
            },
          ),
        ],
      }) as SVGSVGElement;
      return asAccessibleImage(svg);
    },
  };
}
