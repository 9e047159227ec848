import * as Plot from '@observablehq/plot';
import type { NationalFunnel, ProviderRow } from '$lib/national/national-views';
import { positionText, shortTrustName, trustName } from '$lib/national/national-views';
import type { ChartView, TableColumn } from './chart-view';
import { asAccessibleImage, chartStyle } from './chart-view';
import { formatCount, formatNumber, formatWithUnit } from './format';
import { controlPointStyles, lineColours, nhsColours } from './palette';
import { drawSvgKey, type SvgKeyItem, svgKeyLayout } from './svg-key';

export interface ProviderFunnelOptions {
  /** NHS England region whose providers are drawn in full; the others stay as faint context. */
  region?: string | null;
  regionName?: string | null;
  /** ODS code of a provider to ring and name. */
  highlight?: string | null;
  digits?: number;
  height?: number;
}

/** Colour of the providers outside the chosen region: context, not the subject. */
export const contextColour = nhsColours.midGrey;

/**
 * A funnel plot of England's maternity providers for one measure (from
 * `nationalFunnel()`, i.e. qi-stats' `funnelLimits()`): each provider at its
 * denominator, the national rate, and the 95% and 99.8% limits. Providers beyond
 * 99.8% are red diamonds, beyond 95% hollow red squares, within the limits grey
 * circles, so position is never shown by colour alone. With a region chosen, the
 * other regions' providers are small hollow circles behind. The table lists the
 * region's providers (or all) with the Wilson interval of each rate.
 */
export function providerFunnelView(funnel: NationalFunnel, options: ProviderFunnelOptions = {}): ChartView {
  const { measure } = funnel;
  const digits = options.digits ?? 1;
  const unit = measure.unit_label;
  const region = options.region ?? null;
  const inScope = (row: ProviderRow) => region == null || row.region === region;
  const plotted = funnel.providers
    .filter((row) => row.position != null && row.rate != null)
    .map((row) => ({ ...row, label: shortTrustName(row.name), value: row.rate as number }));
  const subject = plotted.filter(inScope).sort((a, b) => a.denominator - b.denominator);
  const context = plotted.filter((row) => !inScope(row));
  const listed = funnel.providers.filter(inScope);
  const where = region == null ? 'England' : (options.regionName ?? region);
  const fmt = (value: unknown) => formatNumber(value, digits);

  const above = subject.filter((row) => row.position === 'High (0.001)').length;
  const below = subject.filter((row) => row.position === 'Low (0.001)').length;
  const notPlotted = listed.filter((row) => row.notPlotted != null).length;
  const columns: TableColumn[] = [
    { key: 'provider', label: 'Provider', kind: 'text' },
    { key: 'code', label: 'ODS code', kind: 'text' },
    { key: 'region', label: 'NHS England region', kind: 'text' },
    { key: 'numerator', label: 'Numerator', kind: 'number', format: formatCount },
    { key: 'denominator', label: 'Denominator', kind: 'number', format: formatCount },
    { key: 'rate', label: `Rate (${unit})`, kind: 'number', format: fmt },
    { key: 'lower', label: 'Lower 95% CI (Wilson)', kind: 'number', format: fmt },
    { key: 'upper', label: 'Upper 95% CI (Wilson)', kind: 'number', format: fmt },
    { key: 'completeness', label: 'Records with a known value (%)', kind: 'number', format: fmt },
    { key: 'position', label: 'Against the funnel limits', kind: 'text' },
  ];
  const sentences = [
    `Funnel plot of ${measure.name} for ${plotted.length} English maternity providers around a national rate of ${formatWithUnit(funnel.nationalRate, unit, digits)}.`,
    region == null ? '' : `${subject.length} of them are in ${where}; the others are drawn as faint context.`,
    above + below === 0
      ? `No provider${region == null ? '' : ` in ${where}`} is outside the 99.8% limits.`
      : `Outside the 99.8% limits${region == null ? '' : ` in ${where}`}: ${above} above and ${below} below.`,
    notPlotted > 0
      ? `${notPlotted} provider${notPlotted === 1 ? ' is' : 's are'} listed in the table but not plotted (too few records with a known value).`
      : '',
  ];
  return {
    summary: sentences.filter(Boolean).join(' '),
    table: {
      caption: `${measure.name} by provider, ${where}`,
      columns,
      rows: listed.map((row) => ({
        provider: trustName(row.name),
        code: row.code,
        region: row.regionName,
        numerator: row.numerator,
        denominator: row.denominator,
        rate: row.rate,
        lower: row.lower,
        upper: row.upper,
        completeness: row.completeness,
        position: row.position ? positionText[row.position] : `not plotted: ${row.notPlotted}`,
      })),
    },
    focusPoints: subject.map((row) => ({
      x: row.denominator,
      y: row.value,
      text: `${trustName(row.name)}: ${formatWithUnit(row.value, unit, digits)} (${formatCount(row.numerator)} of ${formatCount(row.denominator)}; 95% CI ${fmt(row.lower)} to ${fmt(row.upper)}); ${positionText[row.position as keyof typeof positionText]}`,
    })),
    draw(document, width) {
      const beyond998 = subject.filter((row) => row.position?.endsWith('(0.001)'));
      const beyond95 = subject.filter((row) => row.position?.endsWith('(0.025)'));
      const within = subject.filter((row) => row.position === 'Not significant');
      // From half the smallest provider's denominator: nearer zero the limits shoot off to 0 and 100%.
      const smallest = Math.min(...plotted.map((row) => row.denominator));
      const curve = funnel.result.curve.filter((limits) => limits.denominator >= smallest / 2);
      const highlighted = plotted.filter((row) => row.code === options.highlight);
      // The y axis spans the providers (and the national rate), not the limits: near the
      // smallest denominators the limits run off towards 0 and 100% and would squash the
      // providers into a band. The limit lines are clipped to the frame instead.
      const values = [...plotted.map((row) => row.value), funnel.nationalRate];
      const low = Math.min(...values);
      const high = Math.max(...values);
      const pad = Math.max((high - low) * 0.06, funnel.nationalRate * 0.02);
      const yDomain = [Math.max(0, low - pad), Math.min(measure.multiplier, high + pad)];
      const key = svgKeyLayout(funnelKey(region == null ? null : where), width);
      const svg = Plot.plot({
        document,
        width,
        height: (options.height ?? 420) + key.height,
        marginTop: 12 + key.height,
        marginLeft: 60,
        marginRight: 24,
        marginBottom: 44,
        className: 'qi-chart',
        style: chartStyle,
        ariaLabel: `Funnel plot of ${measure.name}, English maternity providers`,
        x: {
          label: 'Denominator',
          grid: true,
          nice: true,
          labelAnchor: 'center',
          labelArrow: 'none',
          tickFormat: ',d',
        },
        // The unit runs up the side: the top margin holds the key.
        y: {
          label: unit,
          labelAnchor: 'center',
          labelArrow: 'none',
          grid: true,
          nice: true,
          domain: yDomain,
        },
        marks: [
          Plot.dot(context, {
            x: 'denominator',
            y: 'value',
            r: 3,
            stroke: contextColour,
            strokeWidth: 1,
            className: 'providers-context',
          }),
          Plot.ruleY([funnel.nationalRate], { stroke: lineColours.centre, className: 'national-rate' }),
          ...(['upper95', 'lower95'] as const).map((y) =>
            Plot.line(curve, {
              x: 'denominator',
              y,
              stroke: lineColours.limits,
              strokeDasharray: '6,3',
              clip: true,
              className: 'limit-95',
            }),
          ),
          ...(['upper998', 'lower998'] as const).map((y) =>
            Plot.line(curve, {
              x: 'denominator',
              y,
              stroke: nhsColours.darkGrey,
              clip: true,
              className: 'limit-998',
            }),
          ),
          Plot.dot(within, {
            x: 'denominator',
            y: 'value',
            r: 4.5,
            symbol: 'circle',
            fill: controlPointStyles.common.colour,
            stroke: 'white',
            className: 'providers',
          }),
          Plot.dot(beyond95, {
            x: 'denominator',
            y: 'value',
            r: 5,
            symbol: 'square',
            fill: 'white',
            stroke: controlPointStyles.sigmaSignal.colour,
            strokeWidth: 2,
            className: 'providers-beyond-95',
          }),
          Plot.dot(beyond998, {
            x: 'denominator',
            y: 'value',
            r: 6.5,
            symbol: 'diamond',
            fill: controlPointStyles.sigmaSignal.colour,
            stroke: 'white',
            className: 'providers-beyond-998',
          }),
          Plot.dot(highlighted, {
            x: 'denominator',
            y: 'value',
            r: 11,
            stroke: nhsColours.blue,
            strokeWidth: 2.5,
            className: 'highlight',
          }),
          // Only the highlighted provider is named on the chart (124 names would overlap);
          // every provider is named in its tooltip and in the table.
          Plot.text(highlighted, {
            x: 'denominator',
            y: 'value',
            text: 'label',
            dy: -18,
            fontWeight: 'bold',
            fill: nhsColours.blue,
            stroke: 'white',
            strokeWidth: 4,
            className: 'provider-labels',
          }),
        ],
      }) as SVGSVGElement;
      drawSvgKey(svg, document, key.placed);
      return asAccessibleImage(svg);
    },
  };
}

/** The funnel's key: what each shape and line means (drawn in the SVG so downloads keep it). */
export function funnelKey(regionName: string | null): SvgKeyItem[] {
  return [
    {
      label: regionName ? `Provider in ${regionName}` : 'Provider',
      colour: controlPointStyles.common.colour,
      mark: 'circle',
    },
    ...(regionName
      ? [{ label: 'Provider in another region', colour: contextColour, mark: 'hollow-circle' as const }]
      : []),
    { label: 'Beyond the 95% limits', colour: controlPointStyles.sigmaSignal.colour, mark: 'hollow-square' },
    { label: 'Beyond the 99.8% limits', colour: controlPointStyles.sigmaSignal.colour, mark: 'diamond' },
    { label: 'National rate', colour: lineColours.centre, mark: 'line' },
    { label: '95% limits', colour: lineColours.limits, mark: 'dashed' },
    { label: '99.8% limits', colour: nhsColours.darkGrey, mark: 'line' },
  ];
}
