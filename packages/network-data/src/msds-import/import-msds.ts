import { readCsv } from '../csv/read-csv.js';
import type { MsdsColumn } from './aliases.js';
import {
  DIMENSION_ALIASES,
  HEADER_ALIASES,
  headerKey,
  LABEL_ALIASES,
  MSDS_COLUMNS,
  ORG_LEVEL_ALIASES,
} from './aliases.js';
import { CANONICAL_DIMENSIONS, CANONICAL_REGION_NAMES, MISSING_LABEL } from './canonical-dimensions.js';
import type { Band } from './label-key.js';
import { bandOf, labelKey } from './label-key.js';

/** One row of the canonical msds.csv. `value` is null where the publication suppressed it. */
export interface MsdsRow {
  period: string;
  org_level: 'national' | 'region' | 'provider';
  org_code: string;
  org_name: string;
  dimension: string;
  category: string;
  count_of: 'Deliveries' | 'Babies';
  value: number | null;
}

/** Why a line could not be mapped. */
export type MsdsUnmappedRule =
  | 'csv_syntax'
  | 'wrong_field_count'
  | 'bad_period'
  | 'org_level_out_of_scope'
  | 'missing_org_code'
  | 'unknown_dimension'
  | 'unknown_category'
  | 'band_straddles'
  | 'count_of_conflict'
  | 'bad_value'
  | 'duplicate_line';

/** A line of the input that is not in the output, with the reason. */
export interface MsdsUnmappedLine {
  line: number;
  rule: MsdsUnmappedRule;
  reason: string;
  text: string;
}

/** Two or more input lines summed into one canonical row (a finer banding, or two spellings). */
export interface MsdsMergedRow {
  lines: number[];
  labels: string[];
  dimension: string;
  category: string;
  org_code: string;
}

export interface MsdsImportResult {
  rows: MsdsRow[];
  unmapped: MsdsUnmappedLine[];
  merged: MsdsMergedRow[];
  /** How the input header was read: canonical column → input column name. */
  header: Record<MsdsColumn, string | null>;
  inputLines: number;
  suppressed: number;
  hadByteOrderMark: boolean;
}

/** Thrown when the file cannot be read at all (no header with the needed columns). */
export class MsdsImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MsdsImportError';
  }
}

type CategoryMatch = { category: string } | { unmapped: MsdsUnmappedRule; reason: string };

/**
 * Maps a category label of a dimension onto the 2021-22 label: exact, then by `labelKey`, then
 * by the dimension's synonyms, then, for numeric bandings, by the 2021-22 band that contains
 * it (a finer band is summed into its 2021-22 band; a band that straddles two cannot be split
 * and is reported).
 *
 * @example
 * ```ts
 * mapCategory('AgeAtBookingMotherGroup', '45 and over'); // => { category: '45 or Over' }
 * mapCategory('AgeAtBookingMotherGroup', '16 to 19'); // => { category: 'Under 20' }
 * mapCategory('GestAgeFormalAntenatalBookingGroup', '0 to 84 days').unmapped; // => 'band_straddles'
 * mapCategory('EthnicCategoryMotherGroup', 'Any Other Ethnic Group'); // => { category: 'Any other ethnic group' }
 * ```
 */
export function mapCategory(dimension: string, label: string): CategoryMatch {
  const canonical = CANONICAL_DIMENSIONS[dimension];
  if (!canonical)
    return { unmapped: 'unknown_dimension', reason: `Dimension ${dimension} is not canonical.` };
  if (canonical.categories.includes(label)) return { category: label };
  const key = labelKey(label);
  if (key === 'missing' && canonical.categories.includes(MISSING_LABEL)) return { category: MISSING_LABEL };
  for (const c of canonical.categories) if (labelKey(c) === key) return { category: c };
  const alias = LABEL_ALIASES[dimension]?.[key];
  if (alias) return { category: alias };
  const band = bandOf(key);
  if (band) {
    const bands = canonical.categories
      .map((c) => ({ c, band: bandOf(labelKey(c)) }))
      .filter((b): b is { c: string; band: Band } => b.band !== null);
    const inside = bands.find((b) => b.band.low <= band.low && band.high <= b.band.high);
    if (inside) return { category: inside.c };
    const overlapping = bands
      .filter((b) => b.band.low <= band.high && band.low <= b.band.high)
      .map((b) => b.c);
    if (overlapping.length > 0) {
      return {
        unmapped: 'band_straddles',
        reason: `The band "${label}" straddles the 2021-22 bands ${overlapping.map((c) => `"${c}"`).join(' and ')} and cannot be split between them.`,
      };
    }
  }
  return {
    unmapped: 'unknown_category',
    reason: `"${label}" is not a 2021-22 category of ${dimension} (${
      canonical.categories
        .filter((c) => c !== '')
        .map((c) => `"${c}"`)
        .join(', ') || 'a total with no category'
    }).`,
  };
}

/**
 * Maps a dimension name onto the 2021-22 name (case and separators ignored; renamed
 * dimensions through `DIMENSION_ALIASES`), or null.
 *
 * @example
 * ```ts
 * mapDimension('ETHNICCATEGORYMOTHERGROUP'); // => 'EthnicCategoryMotherGroup'
 * mapDimension('SmokingStatusAtBooking'); // => 'SmokingStatusGroupBooking'
 * mapDimension('BMIAtBooking'); // => null
 * ```
 */
export function mapDimension(name: string): string | null {
  const key = headerKey(name);
  for (const canonical of Object.keys(CANONICAL_DIMENSIONS))
    if (headerKey(canonical) === key) return canonical;
  return DIMENSION_ALIASES[key] ?? null;
}

/**
 * Normalises a financial-year period to the 2021-22 form `YYYY-YY`.
 *
 * @example
 * ```ts
 * normaliseMsdsPeriod('2019/20'); // => '2019-20'
 * normaliseMsdsPeriod('FY2020-2021'); // => '2020-21'
 * normaliseMsdsPeriod('202223'); // => '2022-23'
 * normaliseMsdsPeriod('2020-22'); // => null
 * ```
 */
export function normaliseMsdsPeriod(text: string): string | null {
  const m = /^(?:fy\s*)?(\d{4})\s*[-/ ]?\s*(\d{2}|\d{4})$/i.exec(text.trim());
  if (!m) return null;
  const start = Number(m[1]);
  const end = (m[2] ?? '').length === 4 ? Number(m[2]) : Math.floor(start / 100) * 100 + Number(m[2]);
  if (end !== start + 1) return null;
  return `${start}-${String(end % 100).padStart(2, '0')}`;
}

/**
 * Imports one year of the NHS Maternity Statistics annual provider-level CSV and maps it onto
 * the canonical 2021-22 form (columns period, org_level, org_code, org_name, dimension,
 * category, count_of, value). It copes with the differences between years described in
 * data-model.md §7: a UTF-8 byte-order mark, header case and names, upper-case and renamed
 * dimensions, label spellings and finer bandings (summed into the 2021-22 band). Every line it
 * cannot map is returned with the reason; values written with thousands separators are read;
 * suppressed values (`*`, `-`, empty) are kept as null.
 *
 * @example
 * ```ts
 * const text = '\uFEFFperiod,dimension,org_level,org_code,org_name,measure,count_of,final_value\n' +
 *   '2019/20,TOTALDELIVERIES,National,National,ALL SUBMITTERS,,Deliveries,"600,000"\n' +
 *   '2019/20,TotalDeliveries,MBRRACE Grouping,G1,GROUP 1,,Deliveries,10\n';
 * const result = importMsds(text);
 * result.rows[0]; // => { period: '2019-20', org_level: 'national', org_code: 'National', org_name: 'ALL SUBMITTERS', dimension: 'TotalDeliveries', category: '', count_of: 'Deliveries', value: 600000 }
 * result.unmapped.map((u) => [u.line, u.rule]); // => [[3, 'org_level_out_of_scope']]
 * ```
 */
export function importMsds(text: string): MsdsImportResult {
  const hadByteOrderMark = text.charCodeAt(0) === 0xfeff;
  const { records, problems } = readCsv(text);
  const header = records[0];
  if (!header) throw new MsdsImportError('The file is empty.');
  const index = new Map<MsdsColumn, number>();
  header.fields.forEach((name, i) => {
    const key = headerKey(name);
    for (const column of MSDS_COLUMNS) {
      if (!index.has(column) && HEADER_ALIASES[column].includes(key)) {
        index.set(column, i);
        break;
      }
    }
  });
  const required: MsdsColumn[] = ['period', 'dimension', 'org_level', 'org_code', 'category', 'value'];
  const missing = required.filter((c) => !index.has(c));
  if (missing.length > 0) {
    throw new MsdsImportError(
      `Cannot read the header: no column for ${missing.join(', ')}. Found: ${header.fields.join(', ')}. Known names: ${missing
        .map((c) => `${c} ← ${HEADER_ALIASES[c].join('/')}`)
        .join('; ')}.`,
    );
  }
  const headerMap = Object.fromEntries(
    MSDS_COLUMNS.map((c) => [c, index.has(c) ? (header.fields[index.get(c) ?? 0] ?? null) : null]),
  ) as Record<MsdsColumn, string | null>;

  const unmapped: MsdsUnmappedLine[] = problems.map((p) => ({
    line: p.line,
    rule: 'csv_syntax',
    reason: p.message,
    text: '',
  }));
  const byKey = new Map<string, { row: MsdsRow; lines: number[]; labels: string[] }>();
  const seenRaw = new Map<string, number>();
  let suppressed = 0;

  for (const record of records.slice(1)) {
    const textOfLine = record.fields.join(',');
    const reject = (rule: MsdsUnmappedRule, reason: string) =>
      unmapped.push({ line: record.line, rule, reason, text: textOfLine.slice(0, 300) });
    if (record.fields.length !== header.fields.length) {
      reject(
        'wrong_field_count',
        `The line has ${record.fields.length} fields; the header has ${header.fields.length}.`,
      );
      continue;
    }
    const get = (c: MsdsColumn) => (index.has(c) ? (record.fields[index.get(c) ?? 0] ?? '').trim() : '');

    const period = normaliseMsdsPeriod(get('period'));
    if (period === null) {
      reject('bad_period', `The period "${get('period')}" is not a financial year such as 2021-22.`);
      continue;
    }
    const levelRaw = get('org_level');
    const orgLevel = ORG_LEVEL_ALIASES[headerKey(levelRaw)];
    if (!orgLevel) {
      reject(
        'org_level_out_of_scope',
        `The organisation level "${levelRaw}" is not national, NHS England region or provider; the canonical output has only those three.`,
      );
      continue;
    }
    let orgCode = get('org_code').toUpperCase();
    let orgName = get('org_name').toUpperCase();
    if (orgLevel === 'national') {
      orgCode = 'National';
      orgName = 'ALL SUBMITTERS';
    } else if (orgCode === '') {
      reject('missing_org_code', 'The organisation code is empty.');
      continue;
    } else if (orgLevel === 'region') {
      orgName = CANONICAL_REGION_NAMES[orgCode] ?? orgName;
    }

    const dimensionRaw = get('dimension');
    const dimension = mapDimension(dimensionRaw);
    if (dimension === null) {
      reject(
        'unknown_dimension',
        `The dimension "${dimensionRaw}" has no equivalent among the 2021-22 dimensions.`,
      );
      continue;
    }
    const canonical = CANONICAL_DIMENSIONS[dimension];
    if (!canonical) continue;
    const labelRaw = get('category');
    let category: string;
    if (canonical.categories.length === 1 && canonical.categories[0] === '') {
      category = '';
    } else {
      const match = mapCategory(dimension, labelRaw);
      if ('unmapped' in match) {
        reject(match.unmapped, match.reason);
        continue;
      }
      category = match.category;
    }
    const countOfRaw = get('count_of');
    if (countOfRaw !== '') {
      const k = headerKey(countOfRaw);
      const countOf = ['deliveries', 'women', 'mothers', 'maternities'].includes(k)
        ? 'Deliveries'
        : ['babies', 'births'].includes(k)
          ? 'Babies'
          : null;
      if (countOf !== canonical.countOf) {
        reject(
          'count_of_conflict',
          `Count_Of "${countOfRaw}" does not match ${dimension}, which counts ${canonical.countOf} in 2021-22.`,
        );
        continue;
      }
    }
    const valueRaw = get('value').replace(/,/g, '');
    let value: number | null;
    if (valueRaw === '' || valueRaw === '*' || valueRaw === '-' || valueRaw === ':') {
      value = null;
      suppressed++;
    } else if (/^\d+(\.0+)?$/.test(valueRaw)) {
      value = Number(valueRaw);
    } else {
      reject('bad_value', `The value "${get('value')}" is not a count.`);
      continue;
    }

    const rawKey = `${period}|${orgLevel}|${orgCode}|${dimension}|${labelRaw.toLowerCase()}`;
    const firstLine = seenRaw.get(rawKey);
    if (firstLine !== undefined) {
      reject(
        'duplicate_line',
        `The line repeats line ${firstLine} (same organisation, dimension and label); counted once.`,
      );
      continue;
    }
    seenRaw.set(rawKey, record.line);

    const key = `${period}|${orgLevel}|${orgCode}|${dimension}|${category}`;
    const existing = byKey.get(key);
    if (existing) {
      existing.row.value = existing.row.value === null || value === null ? null : existing.row.value + value;
      existing.lines.push(record.line);
      existing.labels.push(labelRaw);
    } else {
      byKey.set(key, {
        row: {
          period,
          org_level: orgLevel,
          org_code: orgCode,
          org_name: orgName,
          dimension,
          category,
          count_of: canonical.countOf,
          value,
        },
        lines: [record.line],
        labels: [labelRaw],
      });
    }
  }
  const merged: MsdsMergedRow[] = [];
  for (const { row, lines, labels } of byKey.values()) {
    if (lines.length > 1)
      merged.push({
        lines,
        labels,
        dimension: row.dimension,
        category: row.category,
        org_code: row.org_code,
      });
  }
  unmapped.sort((a, b) => a.line - b.line);
  return {
    rows: [...byKey.values()].map((v) => v.row),
    unmapped,
    merged,
    header: headerMap,
    inputLines: records.length - 1,
    suppressed,
    hadByteOrderMark,
  };
}
