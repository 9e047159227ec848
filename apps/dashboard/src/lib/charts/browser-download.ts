import {
  type ChartFooter,
  chartForDownload,
  type DownloadBadge,
  downloadFileName,
  tableToCsv,
} from './chart-export';
import type { ChartTable } from './chart-view';

/** Hands a blob to the browser as a file download (no server round trip, no other host). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Downloads the drawn chart as SVG with its title and source footer. */
export function downloadSvg(
  chart: SVGSVGElement,
  title: string,
  footer: ChartFooter,
  badges: readonly DownloadBadge[] = [],
): void {
  const { svg } = chartForDownload(chart, title, footer, document, badges);
  const markup = new XMLSerializer().serializeToString(svg);
  saveBlob(
    new Blob([markup], { type: 'image/svg+xml' }),
    downloadFileName(title, 'svg', footer.downloadedAt),
  );
}

/**
 * Downloads the chart as a PNG at twice its size (sharp in slides and Word): the
 * same standalone SVG, drawn onto a canvas.
 */
export async function downloadPng(
  chart: SVGSVGElement,
  title: string,
  footer: ChartFooter,
  badges: readonly DownloadBadge[] = [],
): Promise<void> {
  const { svg, width, height } = chartForDownload(chart, title, footer, document, badges);
  const markup = new XMLSerializer().serializeToString(svg);
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.width = width;
    image.height = height;
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the chart could not be turned into an image'));
      image.src = url;
    });
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = width * scale;
    canvas.height = height * scale;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw on a canvas');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    const png = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
    saveBlob(png, downloadFileName(title, 'png', footer.downloadedAt));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Downloads the chart's data as CSV with the title, source and date at the end. */
export function downloadCsv(table: ChartTable, title: string, footer: ChartFooter): void {
  const csv = tableToCsv(table, title, footer);
  // A byte-order mark so that Excel reads the ≥ and – in labels as UTF-8.
  saveBlob(
    new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }),
    downloadFileName(title, 'csv', footer.downloadedAt),
  );
}
