/** The fields of a catalogue measure that aims and their charts need. */
export interface AimMeasureFields {
  measure_id: string;
  name: string;
  default_chart: string | null;
}

/**
 * The measures an aim can be set on: those the catalogue charts monthly. Context-only
 * measures (`default_chart` 'none', e.g. maternal mortality) cannot show progress on a chart.
 *
 * @example
 * ```ts
 * aimMeasures([{ measure_id: 'maternal_mortality', name: 'Maternal mortality', default_chart: 'none' },
 *              { measure_id: 'booking_by_10wk', name: 'Booked by 10 weeks', default_chart: 'p' }])
 *   .map((m) => m.measure_id); // => ['booking_by_10wk']
 * ```
 */
export function aimMeasures<T extends AimMeasureFields>(measures: readonly T[]): T[] {
  return measures
    .filter((measure) => measure.default_chart != null && measure.default_chart !== 'none')
    .sort((a, b) => a.name.localeCompare(b.name));
}
