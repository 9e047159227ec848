import * as Plot from '@observablehq/plot';
import type { ChartTable, ChartView } from './chart-view';
import { asAccessibleImage, chartStyle } from './chart-view';
import { controlPointStyles, lineColours, mdcPointStyles, nhsColours } from './palette';

/**
 * How a point reads: against the reference group ('worse', 'better', 'similar',
 * or 'different' when the measure has no better direction), the reference itself,
 * or a plain estimate with no comparison.
 */
export type IntervalStyle = 'worse' | 'better' | 'different' | 'similar' | 'reference' | 'plain';

/** One estimate with its interval, on one row of the chart. */
export interface IntervalPoint {
  /** Unique row key (site and group, say). */
  key: string;
  /** What the axis shows for the row. */
  label: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
  style: IntervalStyle;
  /** The tooltip, in words. */
  text: string;
}

/** Rows under a heading (a site), or without one. */
export interface IntervalSection {
  heading?: string;
  points: IntervalPoint[];
}

export interface IntervalPlotOptions {
  /** The chart's accessible name: "Rates by ethnic group at each site, PPH ≥1500 ml". */
  ariaLabel: string;
  /** The x axis: the measure and its unit, or "Excess events". */
  axisLabel: string;
  /** The chart's message in one or two sentences, built by the caller's pure function. */
  summary: string;
  table: ChartTable;
  /** Vertical lines: a network value, a target, or zero. */
  rules?: { value: number; kind: 'reference' | 'target' | 'zero' }[];
  /** Pixels per row; default 22. */
  rowHeight?: number;
  /** Pixels left of the plot for the row labels; default fits the longest label. */
  marginLeft?: number;
}

/** Point styles: colour, Plot symbol and fill, each meaning with its own shape (WCAG 1.4.1, 1.4.11). */
export const intervalStyles: Record<
  IntervalStyle,
  { colour: string; symbol: string; hollow: boolean; label: string }
> = {
  worse: {
    colour: controlPointStyles.sigmaSignal.colour,
    symbol: 'diamond',
    hollow: false,
    label: 'Worse than White women (95% interval)',
  },
  better: {
    colour: mdcPointStyles.special_cause_improvement.colour,
    symbol: 'triangle',
    hollow: false,
    label: 'Better than White women (95% interval)',
  },
  different: {
    colour: mdcPointStyles.special_cause_neutral_high.colour,
    symbol: 'square',
    hollow: false,
    label: 'Different from White women (95% interval)',
  },
  similar: {
    colour: nhsColours.darkGrey,
    symbol: 'square',
    hollow: true,
    label: 'No clear difference from White women',
  },
  reference: {
    colour: nhsColours.black,
    symbol: 'circle',
    hollow: false,
    label: 'White women (the reference)',
  },
  plain: { colour: nhsColours.blue, symbol: 'circle', hollow: false, label: 'Estimate' },
};

const headingKey = (heading: string) => `\u0000${heading}`;

/**
 * Estimates with their 95% intervals as horizontal lines and points, one row
 * each, grouped under headings (a site's ethnic groups under the site's name):
 * rates by group at each site, or sites ranked by excess events. Points that
 * differ from the reference are filled and shaped by their reading, so the chart
 * never relies on colour alone. Rows with no estimate keep their place, empty.
 */
export function intervalPlotView(
  sections: readonly IntervalSection[],
  options: IntervalPlotOptions,
): ChartView {
  const points = sections.flatMap((section) => section.points);
  const domain: string[] = [];
  const labels = new Map<string, string>();
  for (const section of sections) {
    if (section.heading) {
      domain.push(headingKey(section.heading));
      labels.set(headingKey(section.heading), section.heading);
    }
    for (const point of section.points) {
      domain.push(point.key);
      labels.set(point.key, section.heading ? `  ${point.label}` : point.label);
    }
  }
  const estimated = points.filter((point) => point.value != null);
  return {
    summary: options.summary,
    table: options.table,
    focusPoints: estimated.map((point) => ({ x: point.value, y: point.key, text: point.text })),
    draw(document, width) {
      const values = points.flatMap((point) => [point.lower, point.value, point.upper]);
      const rules = options.rules ?? [];
      const extent = [...values, ...rules.map((rule) => rule.value)].filter(
        (value): value is number => value != null && Number.isFinite(value),
      );
      const headings = sections.flatMap((section) => (section.heading ? [headingKey(section.heading)] : []));
      const rowHeight = options.rowHeight ?? 22;
      const styled = (Object.keys(intervalStyles) as IntervalStyle[]).map((style) => {
        const look = intervalStyles[style];
        return Plot.dot(
          estimated.filter((point) => point.style === style),
          {
            x: 'value',
            y: 'key',
            symbol: look.symbol,
            r: 5,
            fill: look.hollow ? 'white' : look.colour,
            stroke: look.colour,
            strokeWidth: look.hollow ? 2 : 1,
            className: `points-${style}`,
          },
        );
      });
      const svg = Plot.plot({
        document,
        width,
        height: 56 + rowHeight * domain.length,
        // Room for the longest label (about 7 px a character at 13 px).
        marginLeft:
          options.marginLeft ??
          Math.min(
            320,
            Math.max(120, 16 + 7 * Math.max(...[...labels.values()].map((label) => label.length))),
          ),
        marginRight: 24,
        marginBottom: 44,
        className: 'qi-chart',
        style: chartStyle,
        ariaLabel: options.ariaLabel,
        x: {
          label: options.axisLabel,
          labelAnchor: 'center',
          labelArrow: 'none',
          grid: true,
          nice: true,
          domain: extent.length > 0 ? [Math.min(0, ...extent), Math.max(...extent)] : [0, 1],
        },
        y: {
          domain,
          label: null,
          tickSize: 0,
          tickFormat: (key: string) => labels.get(key) ?? key,
        },
        marks: [
          Plot.ruleY(headings, {
            stroke: nhsColours.paleGrey,
            strokeWidth: rowHeight - 4,
            className: 'headings',
          }),
          ...rules.map((rule) =>
            Plot.ruleX([rule.value], {
              stroke: rule.kind === 'target' ? lineColours.target : nhsColours.black,
              strokeDasharray: rule.kind === 'target' ? '6,3' : rule.kind === 'reference' ? '2,3' : undefined,
              strokeWidth: 1.5,
              className: `rule-${rule.kind}`,
            }),
          ),
          Plot.ruleY(
            points.filter((point) => point.lower != null && point.upper != null),
            {
              y: 'key',
              x1: 'lower',
              x2: 'upper',
              stroke: nhsColours.darkGrey,
              strokeWidth: 2,
              className: 'intervals',
            },
          ),
          ...styled,
        ],
      }) as SVGSVGElement;
      // Headings read as headings: bold tick labels.
      const headingLabels = new Set(headings.map((key) => labels.get(key)));
      for (const text of svg.querySelectorAll('text')) {
        if (headingLabels.has(text.textContent ?? '')) text.setAttribute('font-weight', 'bold');
      }
      return asAccessibleImage(svg);
    },
  };
}
