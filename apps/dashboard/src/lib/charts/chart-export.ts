import type { ChartTable } from './chart-view';

/** Where the data came from and when: printed under every downloaded chart and CSV. */
export interface ChartFooter {
  source: string;
  /** When the file was downloaded (FingertipsNext-style "accessed on"). */
  downloadedAt: Date;
}

/** "Source: …. Downloaded 26 November 2026." */
export function footerText(footer: ChartFooter): string {
  const date = footer.downloadedAt.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return `Source: ${footer.source}. Downloaded ${date}.`;
}

/**
 * The chart's table as CSV (RFC 4180): raw values, not screen formatting, so numbers
 * keep their precision; dates as ISO yyyy-mm-dd; empty cells for missing values; then
 * a blank line and the title, source and download date.
 */
export function tableToCsv(table: ChartTable, title: string, footer: ChartFooter): string {
  const lines = [table.columns.map((column) => csvCell(column.label)).join(',')];
  for (const row of table.rows) {
    lines.push(table.columns.map((column) => csvCell(rawValue(row[column.key]))).join(','));
  }
  lines.push('', csvCell(title), csvCell(footerText(footer)));
  return `${lines.join('\r\n')}\r\n`;
}

function rawValue(value: unknown): string {
  if (value == null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return String(value);
}

function csvCell(text: string): string {
  // Cells starting with = + - @ are prefixed so spreadsheets do not run them as formulas.
  const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const svgNamespace = 'http://www.w3.org/2000/svg';
const titleHeight = 48;
const badgeRowHeight = 44;

/** An icon printed under the title of a downloaded chart (Making Data Count's variation and assurance icons). */
export interface DownloadBadge {
  letter: string;
  colour: string;
  /** Words beside the icon, e.g. "Variation: Improvement (low)". */
  label: string;
}
const footerHeight = 32;

/**
 * A standalone SVG for download: the title above the chart and the source/date
 * footer below it, so the picture still says what it is once it leaves the page.
 * Returns a new element; the drawn chart is cloned, not moved.
 */
export function chartForDownload(
  chart: SVGSVGElement,
  title: string,
  footer: ChartFooter,
  document: Document,
  badges: readonly DownloadBadge[] = [],
): { svg: SVGSVGElement; width: number; height: number } {
  const width = Number(chart.getAttribute('width'));
  const chartHeight = Number(chart.getAttribute('height'));
  const headerHeight = titleHeight + (badges.length > 0 ? badgeRowHeight : 0);
  const height = headerHeight + chartHeight + footerHeight;
  const svg = document.createElementNS(svgNamespace, 'svg') as SVGSVGElement;
  svg.setAttribute('xmlns', svgNamespace);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('font-family', 'Frutiger W01, Arial, sans-serif');
  const background = svg.appendChild(document.createElementNS(svgNamespace, 'rect'));
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#FFFFFF');
  const heading = svg.appendChild(document.createElementNS(svgNamespace, 'text'));
  heading.setAttribute('x', '8');
  heading.setAttribute('y', '28');
  heading.setAttribute('font-size', '18');
  heading.setAttribute('font-weight', 'bold');
  heading.setAttribute('fill', '#212B32');
  heading.textContent = title;
  // The icons travel with the picture: a chart pasted into a board paper keeps its verdicts.
  badges.forEach((badge, index) => {
    const group = svg.appendChild(document.createElementNS(svgNamespace, 'g'));
    group.setAttribute('transform', `translate(${24 + index * 260},${titleHeight + 16})`);
    const ring = group.appendChild(document.createElementNS(svgNamespace, 'circle'));
    ring.setAttribute('r', '15');
    ring.setAttribute('fill', '#FFFFFF');
    ring.setAttribute('stroke', badge.colour);
    ring.setAttribute('stroke-width', '4');
    const letter = group.appendChild(document.createElementNS(svgNamespace, 'text'));
    letter.setAttribute('y', '6');
    letter.setAttribute('text-anchor', 'middle');
    letter.setAttribute('font-size', '16');
    letter.setAttribute('font-weight', 'bold');
    letter.setAttribute('fill', badge.colour);
    letter.textContent = badge.letter;
    const label = group.appendChild(document.createElementNS(svgNamespace, 'text'));
    label.setAttribute('x', '24');
    label.setAttribute('y', '5');
    label.setAttribute('font-size', '13');
    label.setAttribute('fill', '#212B32');
    label.textContent = badge.label;
  });
  const copy = chart.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('y', String(headerHeight));
  copy.removeAttribute('style');
  copy.setAttribute('overflow', 'visible');
  copy.setAttribute('font-size', '13');
  copy.setAttribute('color', '#212B32');
  svg.appendChild(copy);
  const source = svg.appendChild(document.createElementNS(svgNamespace, 'text'));
  source.setAttribute('x', '8');
  source.setAttribute('y', String(height - 10));
  source.setAttribute('font-size', '12');
  source.setAttribute('fill', '#425563');
  source.textContent = footerText(footer);
  return { svg, width, height };
}

/** A file name from a chart title: "pph-1500-ml-site-a-2026-11-26.csv". */
export function downloadFileName(title: string, extension: string, date: Date): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  return `${slug || 'chart'}-${date.toISOString().slice(0, 10)}.${extension}`;
}
