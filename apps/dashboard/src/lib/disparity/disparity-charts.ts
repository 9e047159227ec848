import type { ChartTable, TableColumn } from '$lib/charts/chart-view';
import { formatCount, formatNumber, formatWithUnit } from '$lib/charts/format';
import type { IntervalPlotOptions, IntervalSection, IntervalStyle } from '$lib/charts/interval-plot';
import type { MeasureRow } from '$lib/queries/network-queries';
import type { CompletenessRow, GroupRateRow, ImpactRow, SiteRateRow, SummaryRow } from './disparity-view';

/**
 * What the Disparity explorer's and Measure page's interval charts and tables
 * show, from the view functions' rows: sections, summary sentences and tables.
 */

type Measure = Pick<MeasureRow, 'name' | 'unit_label' | 'direction'>;

/** Digits for a measure's values: none per 100,000, one otherwise. */
export function measureDigits(measure: Pick<MeasureRow, 'unit_label'>): number {
  return measure.unit_label.includes('100,000') ? 0 : 1;
}

function styleOf(row: GroupRateRow, measure: Measure): IntervalStyle {
  if (row.isReference) return 'reference';
  if (row.category === 'higher' || row.category === 'lower') {
    if (measure.direction === 'neutral') return 'different';
    return row.assessment === 'better' ? 'better' : 'worse';
  }
  return row.category === 'similar' ? 'similar' : 'plain';
}

const reading: Record<IntervalStyle, string> = {
  worse: 'worse than White women',
  better: 'better than White women',
  different: 'different from White women',
  similar: 'no clear difference from White women',
  reference: 'the reference group',
  plain: 'not compared',
};

/** Rates by group at every site (and the network) as an interval chart with its table. */
export function groupRatesChart(
  rows: readonly GroupRateRow[],
  measure: Measure,
  windowLabel: string,
): { sections: IntervalSection[]; options: IntervalPlotOptions } {
  const digits = measureDigits(measure);
  const unit = measure.unit_label;
  const sites = [...new Set(rows.map((row) => row.site))];
  const sections = sites.map((site) => ({
    heading: site,
    points: rows
      .filter((row) => row.site === site)
      .map((row) => {
        const style = styleOf(row, measure);
        return {
          key: `${site}\u0001${row.groupCode}`,
          label: row.group,
          value: row.rate,
          lower: row.lower,
          upper: row.upper,
          style,
          text:
            row.rate == null
              ? `${site}, ${row.group}: no women in the window`
              : `${site}, ${row.group}: ${formatWithUnit(row.rate, unit, digits)} (95% CI ${formatNumber(row.lower, digits)} to ${formatNumber(row.upper, digits)}; ${formatCount(row.events)} of ${formatCount(row.denominator)}); ${reading[style]}`,
        };
      }),
  }));
  const worse = rows.filter((row) => row.site !== 'Network' && styleOf(row, measure) === 'worse');
  const different = rows.filter((row) => row.site !== 'Network' && styleOf(row, measure) === 'different');
  const network = rows.filter((row) => row.site === 'Network' && !row.isReference);
  const networkWorse = network.filter((row) => styleOf(row, measure) === 'worse').map((row) => row.group);
  const summary = [
    `${measure.name} by ethnic group at ${sites.length - 1} sites and across the network, ${windowLabel}, with 95% intervals.`,
    measure.direction === 'neutral'
      ? `${different.length === 0 ? 'No' : different.length} site-group ${different.length === 1 ? 'rate differs' : 'rates differ'} clearly from White women’s at the same site.`
      : `${worse.length === 0 ? 'No' : worse.length} site-group ${worse.length === 1 ? 'rate is' : 'rates are'} clearly worse than White women’s at the same site.`,
    networkWorse.length > 0
      ? `Across the network, ${networkWorse.join(', ')} ${networkWorse.length === 1 ? 'is' : 'are'} clearly worse off than White women.`
      : measure.direction === 'neutral'
        ? null
        : 'Across the network, no group is clearly worse off than White women.',
  ]
    .filter(Boolean)
    .join(' ');
  const number = (key: string, label: string, digitsFor = digits): TableColumn => ({
    key,
    label,
    kind: 'number',
    format: (value) => formatNumber(value, digitsFor),
  });
  const table: ChartTable = {
    caption: `${measure.name} by ethnic group and site, ${windowLabel}`,
    columns: [
      { key: 'site', label: 'Site', kind: 'text' },
      { key: 'group', label: 'Ethnic group', kind: 'text' },
      { key: 'events', label: 'Events', kind: 'number', format: formatCount },
      { key: 'denominator', label: 'Denominator', kind: 'number', format: formatCount },
      number('rate', `Rate (${unit})`),
      number('lower', 'Lower 95%'),
      number('upper', 'Upper 95%'),
      number('ratio', 'Ratio to White', 2),
      number('ratioLower', 'Ratio lower 95%', 2),
      number('ratioUpper', 'Ratio upper 95%', 2),
      number('difference', `Difference from White (${unit})`),
      number('excess', 'Excess events'),
      number('excessLower', 'Excess lower 95%'),
      number('excessUpper', 'Excess upper 95%'),
      { key: 'reading', label: 'Against White women', kind: 'text' },
    ],
    rows: rows.map((row) => ({ ...row, reading: reading[styleOf(row, measure)] })),
  };
  return {
    sections,
    options: {
      ariaLabel: `${measure.name} by ethnic group at each site`,
      axisLabel: `${measure.name} (${unit})`,
      summary,
      table,
      rowHeight: 20,
    },
  };
}

/** Sites ranked by potential for impact, as an interval chart with its table. */
export function impactChart(
  rows: readonly ImpactRow[],
  measure: Measure,
  windowLabel: string,
): { sections: IntervalSection[]; options: IntervalPlotOptions } {
  const noun = measure.direction === 'higher_is_better' ? 'women not reached' : 'excess events';
  const points = rows.map((row) => ({
    key: row.site,
    label: `${row.rank}. ${row.site}`,
    value: row.excess,
    lower: row.lower,
    upper: row.upper,
    style: (row.lower > 0 ? 'worse' : row.upper < 0 ? 'better' : 'similar') as IntervalStyle,
    text: `${row.rank}. ${row.site}: ${formatNumber(row.excess, 1)} ${noun} (95% CI ${formatNumber(row.lower, 1)} to ${formatNumber(row.upper, 1)}) among ${formatCount(row.denominator)} women of other groups`,
  }));
  const clear = rows.filter((row) => row.lower > 0).map((row) => row.site);
  const top = rows[0];
  const summary = [
    !top
      ? `No site can be ranked for ${measure.name}, ${windowLabel}.`
      : top.excess > 0
        ? `${top.site} has the most ${noun} against White women’s rate for ${measure.name}, ${windowLabel}: ${formatNumber(top.excess, 1)} (95% CI ${formatNumber(top.lower, 1)} to ${formatNumber(top.upper, 1)}).`
        : `No site has ${noun} against White women’s rate for ${measure.name}, ${windowLabel}: at every site the other groups together fare no worse than White women. Nearest to zero: ${top.site}, ${formatNumber(top.excess, 1)} (95% CI ${formatNumber(top.lower, 1)} to ${formatNumber(top.upper, 1)}).`,
    clear.length === 0
      ? 'No site’s interval lies wholly above zero.'
      : `The interval lies wholly above zero at ${clear.join(', ')}.`,
  ].join(' ');
  return {
    sections: [{ points }],
    options: {
      ariaLabel: `Sites ranked by ${noun}, ${measure.name}`,
      axisLabel: `${noun.charAt(0).toUpperCase()}${noun.slice(1)} against White women’s rate`,
      summary,
      rules: [{ value: 0, kind: 'zero' }],
      table: {
        caption: `Sites ranked by ${noun}: ${measure.name}, ${windowLabel}`,
        columns: [
          { key: 'rank', label: 'Rank', kind: 'number' },
          { key: 'site', label: 'Site', kind: 'text' },
          { key: 'excess', label: noun, kind: 'number', format: (value) => formatNumber(value, 1) },
          { key: 'lower', label: 'Lower 95%', kind: 'number', format: (value) => formatNumber(value, 1) },
          { key: 'upper', label: 'Upper 95%', kind: 'number', format: (value) => formatNumber(value, 1) },
          { key: 'denominator', label: 'Women of other groups', kind: 'number', format: formatCount },
        ],
        rows: rows.map((row) => ({ ...row })),
      },
      rowHeight: 28,
    },
  };
}

/** Every site's value (all women) with its interval, against the network's and the target. */
export function siteRatesChart(
  rows: readonly SiteRateRow[],
  network: SiteRateRow | null,
  measure: Measure & Pick<MeasureRow, 'target_value'>,
  windowLabel: string,
): { sections: IntervalSection[]; options: IntervalPlotOptions } {
  const digits = measureDigits(measure);
  const unit = measure.unit_label;
  const all = network ? [...rows, network] : [...rows];
  const points = all.map((row) => ({
    key: row.site,
    label: row.site,
    value: row.rate,
    lower: row.lower,
    upper: row.upper,
    style: (row === network ? 'reference' : 'plain') as IntervalStyle,
    text: `${row.site}: ${formatWithUnit(row.rate, unit, digits)} (95% CI ${formatNumber(row.lower, digits)} to ${formatNumber(row.upper, digits)}; ${formatCount(row.events)} of ${formatCount(row.denominator)})`,
  }));
  const ranked = rows.filter((row) => row.rate != null).sort((a, b) => (a.rate ?? 0) - (b.rate ?? 0));
  const low = ranked[0];
  const high = ranked.at(-1);
  const summary = [
    `${measure.name} at ${rows.length} sites, ${windowLabel}, all women, with 95% intervals.`,
    network?.rate != null ? `Network: ${formatWithUnit(network.rate, unit, digits)}.` : null,
    low && high && low !== high
      ? `From ${formatWithUnit(low.rate, unit, digits)} at ${low.site} to ${formatWithUnit(high.rate, unit, digits)} at ${high.site}.`
      : null,
    measure.target_value != null ? `Target: ${formatWithUnit(measure.target_value, unit, digits)}.` : null,
  ]
    .filter(Boolean)
    .join(' ');
  const rules: NonNullable<IntervalPlotOptions['rules']> = [];
  if (network?.rate != null) rules.push({ value: network.rate, kind: 'reference' });
  if (measure.target_value != null) rules.push({ value: measure.target_value, kind: 'target' });
  return {
    sections: [{ points }],
    options: {
      ariaLabel: `${measure.name} at each site`,
      axisLabel: `${measure.name} (${unit})`,
      summary,
      rules,
      rowHeight: 28,
      table: {
        caption: `${measure.name} at each site, ${windowLabel}`,
        columns: [
          { key: 'site', label: 'Site', kind: 'text' },
          { key: 'events', label: 'Events', kind: 'number', format: formatCount },
          { key: 'denominator', label: 'Denominator', kind: 'number', format: formatCount },
          { key: 'rate', label: `Value (${unit})`, kind: 'number', format: (v) => formatNumber(v, digits) },
          { key: 'lower', label: 'Lower 95%', kind: 'number', format: (v) => formatNumber(v, digits) },
          { key: 'upper', label: 'Upper 95%', kind: 'number', format: (v) => formatNumber(v, digits) },
        ],
        rows: all.map(({ siteId: _siteId, ...row }) => ({ ...row })),
      },
    },
  };
}

/** HEAT summary measures as a table (their scales differ, so a table, not one chart). */
export function summaryTable(rows: readonly SummaryRow[], scope: string, windowLabel: string): ChartTable {
  const three = (value: unknown) => formatNumber(value, 3);
  return {
    caption: `Summary measures of inequality between ethnic groups: ${scope}, ${windowLabel}`,
    columns: [
      { key: 'measure', label: 'Summary measure', kind: 'text' },
      { key: 'estimate', label: 'Estimate', kind: 'number', format: three },
      { key: 'lower', label: 'Lower 95%', kind: 'number', format: three },
      { key: 'upper', label: 'Upper 95%', kind: 'number', format: three },
      { key: 'method', label: 'Interval method', kind: 'text' },
      { key: 'note', label: 'Notes', kind: 'text' },
    ],
    rows: rows.map((row) => ({ ...row })),
  };
}

/** Recording of ethnicity at each site as a table. */
export function completenessTable(rows: readonly CompletenessRow[], windowLabel: string): ChartTable {
  return {
    caption: `Ethnic group recorded, by site, ${windowLabel}`,
    columns: [
      { key: 'site', label: 'Site', kind: 'text' },
      { key: 'known', label: 'Recorded (%)', kind: 'number', format: (value) => formatNumber(value, 1) },
      { key: 'unknownDenominator', label: 'Not stated or not known', kind: 'number', format: formatCount },
      { key: 'denominator', label: 'Denominator', kind: 'number', format: formatCount },
    ],
    rows: rows.map((row) => ({ ...row })),
  };
}
