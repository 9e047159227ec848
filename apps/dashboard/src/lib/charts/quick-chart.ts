import * as Plot from '@observablehq/plot';
import type { QueryResult, ResultColumn } from '$lib/data/arrow-rows';
import type { ChartView, TableColumn } from './chart-view';
import { asAccessibleImage, chartStyle } from './chart-view';
import { formatNumber, formatPeriod } from './format';
import { nhsColours } from './palette';

/** A sensible first pick of axes for a query result: a date, text or number x, and a numeric y. */
export function defaultQuickChartColumns(columns: readonly ResultColumn[]): { x: string; y: string } | null {
  const numbers = columns.filter((column) => column.kind === 'number');
  const x =
    columns.find((column) => column.kind === 'date') ??
    columns.find((column) => column.kind === 'string') ??
    numbers[0];
  const y = numbers.find((column) => column !== x);
  return x && y ? { x: x.name, y: y.name } : null;
}

/**
 * A quick look at two columns of an Explore query: a line over time for a date x,
 * bars for a text x, a scatter for a numeric x. For exploring only; the measure
 * charts are the run, SPC and MDC charts.
 */
export function quickChartView(result: QueryResult, x: string, y: string): ChartView {
  const xColumn = result.columns.find((column) => column.name === x);
  const yColumn = result.columns.find((column) => column.name === y);
  if (!xColumn || !yColumn) throw new Error(`quickChartView: the result has no column "${xColumn ? y : x}"`);
  if (yColumn.kind !== 'number') throw new Error(`quickChartView: "${y}" is not a number column`);
  const rows = result.rows.filter((row) => row[x] != null && typeof row[y] === 'number');
  if (xColumn.kind === 'date') rows.sort((a, b) => (a[x] as Date).getTime() - (b[x] as Date).getTime());
  const kind = xColumn.kind === 'date' ? 'line' : xColumn.kind === 'number' ? 'scatter' : 'bar';
  const values = rows.map((row) => row[y] as number);
  const describeX = (value: unknown) => (xColumn.kind === 'date' ? formatPeriod(value) : String(value));
  const columns: TableColumn[] = [
    {
      key: x,
      label: x,
      kind: xColumn.kind === 'date' ? 'date' : xColumn.kind === 'number' ? 'number' : 'text',
      format: describeX,
    },
    { key: y, label: y, kind: 'number', format: (v) => formatNumber(v, 2) },
  ];
  const kindName = { line: 'Line chart', scatter: 'Scatter plot', bar: 'Bar chart' }[kind];
  const summary =
    rows.length === 0
      ? `${kindName} of ${y} by ${x}: no rows have both values.`
      : `${kindName} of ${y} by ${x}: ${rows.length} rows, ${y} from ${formatNumber(Math.min(...values), 2)} to ${formatNumber(Math.max(...values), 2)}.`;
  return {
    summary,
    table: { caption: `${y} by ${x}`, columns, rows: rows.map((row) => ({ [x]: row[x], [y]: row[y] })) },
    focusPoints: rows.map((row) =>
      kind === 'bar'
        ? { x: row[y], y: String(row[x]), text: `${describeX(row[x])}: ${formatNumber(row[y], 2)}` }
        : { x: row[x], y: row[y], text: `${describeX(row[x])}: ${formatNumber(row[y], 2)}` },
    ),
    draw(document, width) {
      const marks =
        kind === 'bar'
          ? [Plot.barX(rows, { y: (row) => String(row[x]), x: y, fill: nhsColours.blue }), Plot.ruleX([0])]
          : kind === 'line'
            ? [
                Plot.line(rows, { x, y, stroke: nhsColours.blue, strokeWidth: 2 }),
                Plot.dot(rows, { x, y, fill: nhsColours.blue, r: 3 }),
              ]
            : [Plot.dot(rows, { x, y, fill: nhsColours.blue, r: 4 })];
      const svg = Plot.plot({
        document,
        width,
        height: kind === 'bar' ? Math.max(160, 40 + 22 * rows.length) : 320,
        marginLeft: kind === 'bar' ? 160 : 56,
        className: 'qi-chart',
        style: chartStyle,
        ariaLabel: summary,
        x: kind === 'bar' ? { label: y, grid: true } : { label: x, grid: kind === 'scatter' },
        y: kind === 'bar' ? { label: null } : { label: y, grid: true },
        marks,
      }) as SVGSVGElement;
      return asAccessibleImage(svg);
    },
  };
}
