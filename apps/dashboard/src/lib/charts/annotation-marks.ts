import * as Plot from '@observablehq/plot';
import { lineColours } from './palette';

/** A change to mark on a time axis, numbered as in the list under the chart. */
export interface NumberedAnnotation {
  at: Date;
  number: number;
  label: string;
}

const markerSpacing = 20; // px: closer markers than this would overlap
const rowHeight = 20;

/**
 * Numbered markers for changes (PDSA cycles, change ideas) on a time axis: a dotted
 * rule at each date and a numbered disc above the plot. Markers that would overlap
 * (cycles a month apart on a narrow chart) alternate between two rows. Returns the
 * marks and the top margin they need. The text of each change is listed under the
 * chart and in the data table, so the disc carries only its number.
 */
export function annotationMarks(
  annotations: readonly NumberedAnnotation[],
  dataDates: readonly Date[],
  plotWidth: number,
): { marks: Plot.Markish[]; marginTop: number } {
  if (annotations.length === 0 || dataDates.length === 0) return { marks: [], marginTop: 20 };
  const times = [...dataDates, ...annotations.map((annotation) => annotation.at)].map((date) =>
    date.getTime(),
  );
  const start = Math.min(...times);
  const span = Math.max(1, Math.max(...times) - start);
  const placed: (NumberedAnnotation & { row: number })[] = [];
  for (const annotation of [...annotations].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const x = ((annotation.at.getTime() - start) / span) * plotWidth;
    const previous = placed.at(-1);
    const previousX = previous ? ((previous.at.getTime() - start) / span) * plotWidth : -Infinity;
    const row = previous && x - previousX < markerSpacing ? 1 - previous.row : 0;
    placed.push({ ...annotation, row });
  }
  const rows = Math.max(...placed.map((annotation) => annotation.row)) + 1;
  const dy = (annotation: { row: number }) => -12 - rowHeight * (rows - 1 - annotation.row);
  const marks: Plot.Markish[] = [
    Plot.ruleX(placed, {
      x: 'at',
      stroke: lineColours.annotation,
      strokeDasharray: '2,3',
      strokeOpacity: 0.9,
      className: 'annotations',
    }),
  ];
  for (let row = 0; row < rows; row++) {
    const inRow = placed.filter((annotation) => annotation.row === row);
    marks.push(
      Plot.dot(inRow, { x: 'at', frameAnchor: 'top', dy: dy({ row }), r: 8, fill: lineColours.annotation }),
      Plot.text(inRow, {
        x: 'at',
        frameAnchor: 'top',
        dy: dy({ row }),
        text: (annotation: NumberedAnnotation) => String(annotation.number),
        fill: 'white',
        fontWeight: 'bold',
        fontSize: 11,
      }),
    );
  }
  return { marks, marginTop: 28 + rowHeight * (rows - 1) };
}
