import * as v from 'valibot';

/** A number written in a CSV cell (trimmed; must be finite). */
export const csvNumber = v.pipe(
  v.string(),
  v.trim(),
  v.check((s) => s !== '' && Number.isFinite(Number(s)), 'a number'),
  v.transform(Number),
);

/** A number or an empty cell (null). */
export const csvOptionalNumber = v.pipe(
  v.string(),
  v.trim(),
  v.check((s) => s === '' || Number.isFinite(Number(s)), 'a number or empty'),
  v.transform((s) => (s === '' ? null : Number(s))),
);

/** A 0/1 flag written in a CSV cell. */
export const csvBoolean = v.pipe(
  v.string(),
  v.trim(),
  v.picklist(['0', '1'], '0 or 1'),
  v.transform((s) => s === '1'),
);

/** Text, or null when the cell is empty. */
export const csvOptionalText = v.pipe(
  v.string(),
  v.trim(),
  v.transform((s) => (s === '' ? null : s)),
);
