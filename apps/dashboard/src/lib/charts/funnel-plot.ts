import type { FunnelLimitsAt, FunnelPointResult, FunnelSignificance } from '@maternity-qi/qi-stats';
import * as Plot from '@observablehq/plot';
import type { ChartView, TableColumn } from './chart-view';
import { asAccessibleImage, chartStyle } from './chart-view';
import { formatCount, formatNumber, formatWithUnit } from './format';
import { controlPointStyles, lineColours, nhsColours } from './palette';

/** What qi-stats' `funnelLimits()` returns: the benchmark, the limit curves, and each site against them. */
export interface FunnelResult {
  baseline: number;
  curve: FunnelLimitsAt[];
  points: FunnelPointResult[];
}

export interface FunnelPlotOptions {
  measureLabel: string;
  unit: string;
  digits?: number;
  /** A site to pick out (e.g. the user's own), by label. */
  highlight?: string | null;
  height?: number;
}

const positions: Record<FunnelSignificance, string> = {
  'High (0.001)': 'above the 99.8% limit',
  'High (0.025)': 'above the 95% limit',
  'Low (0.001)': 'below the 99.8% limit',
  'Low (0.025)': 'below the 95% limit',
  'Not significant': 'within the limits',
};

/**
 * A funnel plot from qi-stats' `funnelLimits()` (PHE/Spiegelhalter funnels): each
 * site at its denominator, the network benchmark, and the 95% and 99.8% limits
 * that narrow as the denominator grows. Sites beyond 99.8% are red diamonds,
 * beyond 95% only hollow squares, so position is never shown by colour alone.
 */
export function funnelPlotView(result: FunnelResult, options: FunnelPlotOptions): ChartView {
  const digits = options.digits ?? 1;
  const sites = result.points.map((point, index) => ({ ...point, name: point.label ?? `Unit ${index + 1}` }));
  const columns: TableColumn[] = [
    { key: 'site', label: 'Site', kind: 'text' },
    {
      key: 'value',
      label: `Value (${options.unit})`,
      kind: 'number',
      format: (v) => formatNumber(v, digits),
    },
    { key: 'events', label: 'Events', kind: 'number', format: formatCount },
    { key: 'denominator', label: 'Denominator', kind: 'number', format: formatCount },
    { key: 'lower95', label: 'Lower 95%', kind: 'number', format: (v) => formatNumber(v, digits) },
    { key: 'upper95', label: 'Upper 95%', kind: 'number', format: (v) => formatNumber(v, digits) },
    { key: 'lower998', label: 'Lower 99.8%', kind: 'number', format: (v) => formatNumber(v, digits) },
    { key: 'upper998', label: 'Upper 99.8%', kind: 'number', format: (v) => formatNumber(v, digits) },
    { key: 'position', label: 'Position', kind: 'text' },
  ];
  const outside = sites.filter((site) => site.significance.endsWith('(0.001)')).map((site) => site.name);
  return {
    summary: [
      `Funnel plot of ${options.measureLabel} at ${sites.length} sites around a network value of ${formatWithUnit(result.baseline, options.unit, digits)}.`,
      outside.length === 0
        ? 'No site is outside the 99.8% limits.'
        : `${outside.join(', ')} ${outside.length === 1 ? 'is' : 'are'} outside the 99.8% limits.`,
    ].join(' '),
    table: {
      caption: `Funnel plot data: ${options.measureLabel}`,
      columns,
      rows: sites.map((site) => ({
        site: site.name,
        value: site.value,
        events: site.events,
        denominator: site.denominator,
        lower95: site.lower95,
        upper95: site.upper95,
        lower998: site.lower998,
        upper998: site.upper998,
        position: positions[site.significance],
      })),
    },
    focusPoints: sites.map((site) => ({
      x: site.denominator,
      y: site.value,
      text: `${site.name}: ${formatWithUnit(site.value, options.unit, digits)} (${formatCount(site.events)} of ${formatCount(site.denominator)}); ${positions[site.significance]}`,
    })),
    draw(document, width) {
      const beyond998 = sites.filter((site) => site.significance.endsWith('(0.001)'));
      const beyond95 = sites.filter((site) => site.significance.endsWith('(0.025)'));
      const within = sites.filter((site) => site.significance === 'Not significant');
      // Show the funnel from half the smallest site's denominator: nearer zero the limits
      // shoot off towards 0 and 100% and would squash the sites into a line.
      const smallest = Math.min(...sites.map((site) => site.denominator));
      const curve = result.curve.filter((limits) => limits.denominator >= smallest / 2);
      const highlighted = sites.filter((site) => site.name === options.highlight);
      const svg = Plot.plot({
        document,
        width,
        height: options.height ?? 360,
        marginLeft: 56,
        marginRight: 24,
        marginBottom: 44,
        className: 'qi-chart',
        style: chartStyle,
        ariaLabel: `Funnel plot of ${options.measureLabel}`,
        x: { label: 'Denominator', grid: true, nice: true, labelAnchor: 'center', labelArrow: 'none' },
        y: { label: options.unit || null, grid: true, nice: true },
        marks: [
          Plot.ruleY([result.baseline], { stroke: lineColours.centre, className: 'baseline' }),
          Plot.line(curve, {
            x: 'denominator',
            y: 'upper95',
            stroke: lineColours.limits,
            strokeDasharray: '6,3',
            className: 'limit-95',
          }),
          Plot.line(curve, {
            x: 'denominator',
            y: 'lower95',
            stroke: lineColours.limits,
            strokeDasharray: '6,3',
            className: 'limit-95',
          }),
          Plot.line(curve, {
            x: 'denominator',
            y: 'upper998',
            stroke: nhsColours.darkGrey,
            className: 'limit-998',
          }),
          Plot.line(curve, {
            x: 'denominator',
            y: 'lower998',
            stroke: nhsColours.darkGrey,
            className: 'limit-998',
          }),
          Plot.dot(within, {
            x: 'denominator',
            y: 'value',
            r: 5,
            symbol: 'circle',
            fill: controlPointStyles.common.colour,
            stroke: 'white',
            className: 'sites',
          }),
          Plot.dot(beyond95, {
            x: 'denominator',
            y: 'value',
            r: 5.5,
            symbol: 'square',
            fill: 'white',
            stroke: controlPointStyles.sigmaSignal.colour,
            strokeWidth: 2,
            className: 'sites-beyond-95',
          }),
          Plot.dot(beyond998, {
            x: 'denominator',
            y: 'value',
            r: 7,
            symbol: 'diamond',
            fill: controlPointStyles.sigmaSignal.colour,
            stroke: 'white',
            className: 'sites-beyond-998',
          }),
          Plot.dot(highlighted, {
            x: 'denominator',
            y: 'value',
            r: 11,
            stroke: nhsColours.blue,
            strokeWidth: 2.5,
            className: 'highlight',
          }),
          // Only the highlighted site is named on the chart (sites of similar size would
          // overlap); every site is named in its tooltip and in the table.
          Plot.text(highlighted, {
            x: 'denominator',
            y: 'value',
            text: 'name',
            dy: -18,
            fontWeight: 'bold',
            fill: nhsColours.blue,
            stroke: 'white',
            strokeWidth: 4,
            className: 'site-labels',
          }),
        ],
      }) as SVGSVGElement;
      return asAccessibleImage(svg);
    },
  };
}
