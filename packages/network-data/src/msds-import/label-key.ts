const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A comparison key for an NHS Maternity Statistics category label, so that spellings that
 * differ between years of the publication compare equal: case, spaces, en dashes, `&`/`and`,
 * `0-6`/`0 to 6`, `45 or Over`/`45 and over`/`45+`/`>=45`, `Under 20`/`<20`, units (`weeks`,
 * `days`, `g`), leading zeros (`02`/`2`), hyphens inside words (`Non-Smoker`/`Non Smoker`), and
 * ranges that Excel turned into dates (`07-Oct` for 7-10, seen in MSDS files; see
 * ThomUK/MSDSpipeline). Every spelling of "Missing value / Value outside reporting
 * parameters" becomes `missing`.
 *
 * @example
 * ```ts
 * labelKey('Missing Value/Value outside reporting parameters'); // => 'missing'
 * labelKey('07-Oct') === labelKey('7 to 10'); // => true
 * labelKey('45 or Over') === labelKey('45 and over'); // => true
 * labelKey('>=37 weeks') === labelKey('37 weeks and over'); // => true
 * labelKey('Non-Smoker / Ex-Smoker') === labelKey('non smoker/ex smoker'); // => true
 * ```
 */
export function labelKey(label: string): string {
  let s = label
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\u2010-\u2015]/g, '-');
  if (/missing|outside reporting parameters|^invalid$/.test(s)) return 'missing';
  const excel = /^(\d{1,2})-([a-z]{3})$/.exec(s);
  if (excel && MONTHS.includes(excel[2] ?? ''))
    s = `${Number(excel[1])} to ${MONTHS.indexOf(excel[2] ?? '') + 1}`;
  s = s.replace(/&/g, ' and ');
  s = s.replace(/(\d)\s*-\s*(\d)/g, '$1 to $2');
  s = s.replace(/\b(years?|weeks?|days?|grams?)\b/g, ' ').replace(/(\d)\s*g\b/g, '$1');
  s = s.replace(/>=\s*(\d+)/g, '$1+');
  s = s.replace(/(\d+)\s+(?:and|or)\s+(?:over|more|above)\b/g, '$1+');
  s = s.replace(/(\d+)\s*\+/g, '$1+');
  s = s.replace(/\b(?:under|less than)\s+(\d+)/g, '<$1').replace(/<\s*(\d+)/g, '<$1');
  s = s.replace(/\b0+(\d)/g, '$1');
  s = s.replace(/([a-z])-([a-z])/g, '$1 $2');
  s = s.replace(/\s*\/\s*/g, '/').replace(/[()]/g, ' ');
  return s.replace(/\s+/g, ' ').trim();
}

/** A numeric band [low, high] (inclusive; infinite ends allowed). */
export interface Band {
  low: number;
  high: number;
}

/**
 * Reads a label key as a numeric band, or null when it is not one: `a to b`, `<a`, `a+`,
 * `a and under`, or a single number (`37`, `2 - most deprived`).
 *
 * @example
 * ```ts
 * bandOf(labelKey('Under 20')); // => { low: -Infinity, high: 19 }
 * bandOf(labelKey('20 to 24')); // => { low: 20, high: 24 }
 * bandOf(labelKey('141+ days')); // => { low: 141, high: Infinity }
 * bandOf(labelKey('Spontaneous')); // => null
 * ```
 */
export function bandOf(key: string): Band | null {
  let m = /^(\d+) to (\d+)$/.exec(key);
  if (m) return { low: Number(m[1]), high: Number(m[2]) };
  m = /^<(\d+)$/.exec(key);
  if (m) return { low: Number.NEGATIVE_INFINITY, high: Number(m[1]) - 1 };
  m = /^(\d+)\+$/.exec(key);
  if (m) return { low: Number(m[1]), high: Number.POSITIVE_INFINITY };
  m = /^(\d+) and under$/.exec(key);
  if (m) return { low: Number.NEGATIVE_INFINITY, high: Number(m[1]) };
  m = /^(\d+)(?: - [a-z ]+)?$/.exec(key);
  if (m) return { low: Number(m[1]), high: Number(m[1]) };
  return null;
}
