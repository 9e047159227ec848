import { symbol, symbolCircle, symbolDiamond2, symbolSquare } from 'd3';
import { nhsColours } from './palette';

/** One entry of a key drawn inside a chart's SVG. */
export interface SvgKeyItem {
  label: string;
  colour: string;
  mark: 'swatch' | 'circle' | 'hollow-circle' | 'hollow-square' | 'diamond' | 'line' | 'dashed';
}

const svgNamespace = 'http://www.w3.org/2000/svg';
const rowHeight = 22;

/** Where each item of a key goes, in rows that fit `width`, and the height the rows take. */
export function svgKeyLayout(
  items: readonly SvgKeyItem[],
  width: number,
): { height: number; placed: (SvgKeyItem & { x: number; y: number })[] } {
  let x = 0;
  let y = 0;
  const placed = items.map((item) => {
    // About 7.5 px a character at 13 px, with room for wider fallback fonts in downloads.
    const itemWidth = 30 + item.label.length * 7.5 + 16;
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      y += rowHeight;
    }
    const at = { ...item, x, y: y + 12 };
    x += itemWidth;
    return at;
  });
  return { height: y + rowHeight + 8, placed };
}

/**
 * Draws a key at the top of a Plot SVG (whose top margin leaves room for it), so a
 * downloaded SVG or PNG still says what each colour and shape means. Keys beside
 * the chart in HTML do not travel with the picture.
 */
export function drawSvgKey(
  svg: SVGSVGElement,
  document: Document,
  placed: readonly (SvgKeyItem & { x: number; y: number })[],
): void {
  const group = svg.appendChild(document.createElementNS(svgNamespace, 'g'));
  group.setAttribute('class', 'chart-key');
  // Plot's SVG centres text by default.
  group.setAttribute('text-anchor', 'start');
  for (const item of placed) {
    const cx = item.x + 11;
    if (item.mark === 'line' || item.mark === 'dashed') {
      const line = group.appendChild(document.createElementNS(svgNamespace, 'line'));
      line.setAttribute('x1', String(item.x));
      line.setAttribute('x2', String(item.x + 22));
      line.setAttribute('y1', String(item.y));
      line.setAttribute('y2', String(item.y));
      line.setAttribute('stroke', item.colour);
      line.setAttribute('stroke-width', '2');
      if (item.mark === 'dashed') line.setAttribute('stroke-dasharray', '6,3');
    } else if (item.mark === 'swatch') {
      const swatch = group.appendChild(document.createElementNS(svgNamespace, 'rect'));
      swatch.setAttribute('x', String(item.x + 4));
      swatch.setAttribute('y', String(item.y - 7));
      swatch.setAttribute('width', '14');
      swatch.setAttribute('height', '14');
      swatch.setAttribute('fill', item.colour);
      swatch.setAttribute('stroke', nhsColours.darkGrey);
    } else {
      const shape =
        item.mark === 'diamond'
          ? symbolDiamond2
          : item.mark === 'hollow-square'
            ? symbolSquare
            : symbolCircle;
      const path = group.appendChild(document.createElementNS(svgNamespace, 'path'));
      path.setAttribute('d', symbol(shape, 70)() ?? '');
      path.setAttribute('transform', `translate(${cx},${item.y})`);
      const hollow = item.mark.startsWith('hollow');
      path.setAttribute('fill', hollow ? '#FFFFFF' : item.colour);
      path.setAttribute('stroke', hollow ? item.colour : 'none');
      if (hollow) path.setAttribute('stroke-width', '2');
    }
    const text = group.appendChild(document.createElementNS(svgNamespace, 'text'));
    text.setAttribute('x', String(item.x + 30));
    text.setAttribute('y', String(item.y));
    text.setAttribute('dy', '0.32em');
    text.setAttribute('fill', 'currentColor');
    text.textContent = item.label;
  }
}
