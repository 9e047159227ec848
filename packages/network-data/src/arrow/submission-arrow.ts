import type { Vector } from 'apache-arrow';
import { Int8, makeData, makeVector, Table, Utf8, vectorFromArray } from 'apache-arrow';
import type { SubmissionColumns } from '../generator/submission-columns.js';
import { dateVector, dictionaryVector, int32Vector } from './arrow-columns.js';

/** Shared dictionaries for the text columns of one submissions file. */
export interface SubmissionDictionaries {
  site: Vector<Utf8>;
  measure: Vector<Utf8>;
  category: Vector<Utf8>;
}

/**
 * The dictionaries of a set of submission columns (build once per file, reuse for each batch).
 *
 * @example
 * ```ts
 * const d = submissionDictionaries(emptySubmissionColumns(['S1'], ['pph_1500'], ['A', 'ALL']));
 * d.category.length; // => 2
 * ```
 */
export function submissionDictionaries(columns: SubmissionColumns): SubmissionDictionaries {
  return {
    site: vectorFromArray(columns.siteDictionary, new Utf8()),
    measure: vectorFromArray(columns.measureDictionary, new Utf8()),
    category: vectorFromArray(columns.categoryDictionary, new Utf8()),
  };
}

/**
 * Submission values as an Arrow table with the columns site_id, period (DATE, first of the
 * month, UTC), measure_id, ethnic_category (dictionary-encoded text), numerator, denominator
 * (INT32) and version (INT8). No 64-bit integers, so DuckDB-WASM returns plain numbers.
 *
 * @example
 * ```ts
 * const columns = emptySubmissionColumns(['S1'], ['pph_1500'], ['ALL']);
 * columns.site.push(0); columns.period.push('2024-04'); columns.measure.push(0); columns.category.push(0);
 * columns.numerator.push(12); columns.denominator.push(400); columns.version.push(1);
 * const table = submissionColumnsToArrow(columns);
 * table.numRows; // => 1
 * table.getChild('site_id').get(0); // => 'S1'
 * ```
 */
export function submissionColumnsToArrow(
  columns: SubmissionColumns,
  dictionaries: SubmissionDictionaries = submissionDictionaries(columns),
): Table {
  const version = makeVector(
    makeData({
      type: new Int8(),
      length: columns.version.length,
      data: Int8Array.from(columns.version),
      nullCount: 0,
    }),
  );
  return new Table({
    site_id: dictionaryVector(columns.site, dictionaries.site, 0),
    period: dateVector(columns.period),
    measure_id: dictionaryVector(columns.measure, dictionaries.measure, 1),
    ethnic_category: dictionaryVector(columns.category, dictionaries.category, 2),
    numerator: int32Vector(columns.numerator),
    denominator: int32Vector(columns.denominator),
    version,
  });
}
