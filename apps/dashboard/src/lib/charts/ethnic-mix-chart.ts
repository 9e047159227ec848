import * as Plot from '@observablehq/plot';
import type { EthnicMix } from '$lib/national/national-bundle';
import type { EthnicMixBar } from '$lib/national/national-views';
import type { ChartView, TableColumn } from './chart-view';
import { asAccessibleImage, chartStyle } from './chart-view';
import { formatCount, formatNumber } from './format';
import { nhsColours } from './palette';
import { drawSvgKey, svgKeyLayout } from './svg-key';

/**
 * The level-1 groups in stacking order, each with a fill and a label colour that
 * reads on it (4.5:1 or better). "Not known" is last and pale, so the recorded
 * groups read as one bar and the gap in recording stands apart.
 */
export const ethnicMixGroups: readonly { key: keyof EthnicMix; label: string; fill: string; text: string }[] =
  [
    { key: 'white', label: 'White', fill: nhsColours.blue, text: '#FFFFFF' },
    { key: 'asian', label: 'Asian or Asian British', fill: '#00A499', text: '#212B32' },
    { key: 'black', label: 'Black or Black British', fill: nhsColours.purple, text: '#FFFFFF' },
    { key: 'mixed', label: 'Mixed', fill: nhsColours.pink, text: '#FFFFFF' },
    { key: 'other', label: 'Any other ethnic group', fill: '#ED8B00', text: '#212B32' },
    { key: 'unknown', label: 'Not known or not stated', fill: '#D8DDE0', text: '#212B32' },
  ];

export interface EthnicMixChartOptions {
  /** Code of a bar to mark (the highlighted provider). */
  highlight?: string | null;
  /** Where the bars are from, for the summary ("England's regions", "London"). */
  scope: string;
}

/**
 * Horizontal stacked bars of the ethnic mix of women giving birth, one bar per
 * organisation, in % of each organisation's ethnic breakdown (NHS Maternity
 * Statistics' EthnicCategoryMotherGroup). Segments of 6% or more carry their
 * value, so the chart reads without the legend; the table holds every value.
 */
export function ethnicMixView(bars: readonly EthnicMixBar[], options: EthnicMixChartOptions): ChartView {
  const segments = bars.flatMap((bar) => {
    let start = 0;
    return ethnicMixGroups.map((group) => {
      const share = bar.mix[group.key];
      const segment = {
        bar: bar.label,
        code: bar.code,
        group: group.label,
        share,
        x1: start,
        x2: start + share,
      };
      start += share;
      return segment;
    });
  });
  const england = bars.find((bar) => bar.level === 'national');
  const mostUnknown = [...bars].sort((a, b) => b.mix.unknown - a.mix.unknown)[0];
  const columns: TableColumn[] = [
    { key: 'organisation', label: 'Organisation', kind: 'text' },
    { key: 'deliveries', label: 'Deliveries', kind: 'number', format: formatCount },
    { key: 'breakdown', label: 'Women in the ethnic breakdown', kind: 'number', format: formatCount },
    ...ethnicMixGroups.map(
      (group): TableColumn => ({
        key: group.key,
        label: `${group.label} (%)`,
        kind: 'number',
        format: (value) => formatNumber(value, 1),
      }),
    ),
  ];
  const describe = (mix: EthnicMix) =>
    ethnicMixGroups.map((group) => `${group.label} ${formatNumber(mix[group.key], 1)}%`).join(', ');
  return {
    summary: [
      `Ethnic group of women giving birth, ${options.scope}: ${bars.length} bars.`,
      england
        ? `In England ${formatNumber(100 - england.mix.white - england.mix.unknown, 1)}% were from an ethnic minority group and ethnicity was not known for ${formatNumber(england.mix.unknown, 1)}%.`
        : '',
      mostUnknown && mostUnknown !== england
        ? `The share not known is highest at ${mostUnknown.label} (${formatNumber(mostUnknown.mix.unknown, 1)}%).`
        : '',
    ]
      .filter(Boolean)
      .join(' '),
    table: {
      caption: `Ethnic group of women giving birth (% of the ethnic breakdown), ${options.scope}`,
      columns,
      rows: bars.map((bar) => ({
        organisation: bar.label,
        deliveries: bar.deliveries,
        breakdown: bar.breakdownTotal,
        ...bar.mix,
      })),
    },
    focusPoints: bars.map((bar) => ({
      x: 50,
      y: bar.label,
      text: `${bar.label}: ${describe(bar.mix)}`,
    })),
    draw(document, width) {
      const rowHeight = 30;
      const labelled = segments.filter((segment) => segment.share >= 6);
      const highlighted = bars.filter((bar) => bar.code === options.highlight);
      const fills = Object.fromEntries(ethnicMixGroups.map((group) => [group.label, group.fill]));
      const texts = Object.fromEntries(ethnicMixGroups.map((group) => [group.label, group.text]));
      const marginLeft = Math.min(260, Math.max(120, Math.round(width * 0.3)));
      // About 8 px a character at 13 px: room to spare for wider fallback fonts in downloads.
      const maxChars = Math.floor(marginLeft / 8);
      const legend = svgKeyLayout(
        ethnicMixGroups.map((group) => ({ label: group.label, colour: group.fill, mark: 'swatch' as const })),
        width,
      );
      const svg = Plot.plot({
        document,
        width,
        height: 48 + legend.height + bars.length * rowHeight,
        marginLeft,
        marginRight: 16,
        marginTop: 8 + legend.height,
        marginBottom: 40,
        className: 'qi-chart',
        style: chartStyle,
        ariaLabel: `Ethnic group of women giving birth, ${options.scope}`,
        x: {
          domain: [0, 100],
          clamp: true,
          label: '% of women giving birth',
          labelAnchor: 'center',
          labelArrow: 'none',
        },
        y: {
          domain: bars.map((bar) => bar.label),
          label: null,
          padding: 0.2,
          tickFormat: (label: string) =>
            label.length > maxChars ? `${label.slice(0, maxChars - 1)}…` : label,
        },
        marks: [
          Plot.rectX(segments, {
            y: 'bar',
            x1: 'x1',
            x2: 'x2',
            fill: (segment: (typeof segments)[number]) => fills[segment.group],
            stroke: 'white',
            strokeWidth: 1,
            className: 'mix-segments',
          }),
          Plot.text(labelled, {
            y: 'bar',
            x: (segment: (typeof segments)[number]) => (segment.x1 + segment.x2) / 2,
            text: (segment: (typeof segments)[number]) => formatNumber(segment.share, 0),
            fill: (segment: (typeof segments)[number]) => texts[segment.group],
            className: 'mix-labels',
          }),
          Plot.frame({ anchor: 'bottom', stroke: nhsColours.darkGrey }),
          Plot.rectX(highlighted, {
            y: 'label',
            x1: 0,
            x2: 100,
            fill: 'none',
            stroke: nhsColours.black,
            strokeWidth: 3,
            inset: -3,
            className: 'highlight',
          }),
        ],
      }) as SVGSVGElement;
      drawSvgKey(svg, document, legend.placed);
      return asAccessibleImage(svg);
    },
  };
}
