/** A column of a chart's data table (and of its CSV download). */
export interface TableColumn {
  key: string;
  label: string;
  /** Numbers are right-aligned in tables (NHS table guidance) and written unformatted to CSV. */
  kind: 'number' | 'date' | 'text';
  /** How a cell reads in the on-screen table; CSV always gets the raw value. */
  format?: (value: unknown) => string;
}

/** The data behind a chart: what the table view shows and the CSV download contains. */
export interface ChartTable {
  caption: string;
  columns: TableColumn[];
  rows: Record<string, unknown>[];
}

/**
 * A point a keyboard or pointer user can land on to read its tooltip. `x` and `y`
 * are in data units; the chart frame turns them into pixels with the drawn plot's
 * own scales, so tooltips line up with what Plot drew.
 */
export interface FocusPoint {
  x: unknown;
  y: unknown;
  text: string;
}

/** A dated change (PDSA cycle, change idea, event) drawn on a time axis. */
export interface ChartAnnotation {
  /** ISO date of the change, yyyy-mm-dd (normally the first of the month). */
  date: string;
  label: string;
  kind?: 'pdsa' | 'change_idea' | 'event' | 'data_issue';
}

/**
 * Everything one chart needs, built by a pure function from qi-stats results:
 * the SVG drawing, a summary sentence, the table, and the tooltip points.
 * Components show these; they compute nothing themselves.
 */
export interface ChartView {
  /** One sentence with the chart's message, read before the chart (WCAG 1.1.1). */
  summary: string;
  table: ChartTable;
  focusPoints: FocusPoint[];
  /** Draws the chart with Plot into `document` at `width` pixels. */
  draw(document: Document, width: number): SVGSVGElement;
}

/** Plot's `style` for every chart: NHS.UK frontend's type (Frutiger, falling back to Arial). */
export const chartStyle = {
  fontFamily: '"Frutiger W01", Arial, sans-serif',
  fontSize: '13px',
  color: '#212B32',
  background: 'transparent',
  overflow: 'visible',
} as const;

/**
 * Makes a drawn Plot SVG one image for assistive technology: `role="img"` with the
 * chart's label, and no ARIA on the marks inside (an image's children are
 * presentational, and axe rejects aria-label on plain groups). The chart's summary
 * and data table carry what the marks show.
 */
export function asAccessibleImage(svg: SVGSVGElement): SVGSVGElement {
  svg.setAttribute('role', 'img');
  for (const element of svg.querySelectorAll('[aria-label], [aria-description], [aria-hidden]')) {
    element.removeAttribute('aria-label');
    element.removeAttribute('aria-description');
    element.removeAttribute('aria-hidden');
  }
  return svg;
}
