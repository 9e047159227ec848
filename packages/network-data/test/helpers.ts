import { readReferenceTables } from '../src/node.js';
import { createSubmissionContext } from '../src/validation/submission-context.js';

/** The repository's reference tables, read once per test file. */
export const tables = readReferenceTables();

/** Submission checks as of a fixed "today" (26 Nov 2026), so tests never depend on the clock. */
export const TODAY = new Date('2026-11-26T09:00:00Z');
export const context = createSubmissionContext(tables, { today: TODAY });

export const HEADER = 'site_id,period,measure_id,ethnic_category,numerator,denominator';

/** A small valid file: one measure, three NHS codes and the total that adds up. */
export function validFile(): string {
  return [
    HEADER,
    'S1,2026-10,booking_by_10wk,A,40,61',
    'S1,2026-10,booking_by_10wk,N,12,25',
    'S1,2026-10,booking_by_10wk,Z,3,6',
    'S1,2026-10,booking_by_10wk,ALL,55,92',
    '',
  ].join('\n');
}
