/**
 * Point k of a controlChartColumns result, read as its documentation says
 * (a value where `defined` is 1, else null; a flag 1 as true) — written
 * here independently of the package's own conversion, so tests can compare
 * the columns with controlChart's points field by field.
 */
import type { ControlChartColumns, ControlChartPoint } from '../../src/index.js';

export function columnPoint(columns: ControlChartColumns, k: number): ControlChartPoint {
  const value = (name: 'y' | 'n' | 'cl' | 'lcl' | 'ucl' | 'lcl95' | 'ucl95'): number | null =>
    columns.defined[name][k] === 1 ? (columns[name][k] as number) : null;
  const flag = (name: 'include' | 'baseline' | 'sigmaSignal' | 'runsSignal'): boolean => {
    const bit = columns[name][k];
    if (bit !== 0 && bit !== 1) throw new Error(`${name}[${k}] is ${String(bit)}, not 0 or 1`);
    return bit === 1;
  };
  return {
    x: columns.x[k] as string | number,
    y: value('y'),
    n: value('n'),
    cl: value('cl'),
    lcl: value('lcl'),
    ucl: value('ucl'),
    lcl95: value('lcl95'),
    ucl95: value('ucl95'),
    part: columns.part[k] as number,
    include: flag('include'),
    baseline: flag('baseline'),
    sigmaSignal: flag('sigmaSignal'),
    runsSignal: flag('runsSignal'),
  };
}

/** Every point of a columns result, in order. */
export function columnPoints(columns: ControlChartColumns): ControlChartPoint[] {
  return Array.from({ length: columns.length }, (_, k) => columnPoint(columns, k));
}
