import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { RecordBatch } from 'apache-arrow';
import { Table, tableToIPC } from 'apache-arrow';
import { submissionColumnsToArrow, submissionDictionaries } from '../arrow/submission-arrow.js';
import { csvField } from '../csv/write-csv.js';
import type { NationalNetworkOptions, NationalProvider } from '../generator/national-network.js';
import { generateNationalNetwork } from '../generator/national-network.js';
import type { SubmissionColumns } from '../generator/submission-columns.js';

export interface NationalWriteResult {
  rows: number;
  providers: number;
  arrowBytes: number;
  csvBytes: number;
}

/**
 * Generates the national-scale variant into `dir/submissions.arrow` (Arrow IPC stream, one
 * record batch per provider, dictionaries written once) and, unless `csv` is false,
 * `dir/submissions.csv`. The CSV is streamed provider by provider; the Arrow batches are held
 * as compact typed arrays (about 17 bytes a row) and written at the end, because apache-arrow's
 * stream writer keeps every chunk it has produced in memory anyway.
 *
 * @example
 * ```ts
 * const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nd-'));
 * const providers = [{ site_id: 'T001', region_code: 'Y56', annual_births: 3000,
 *   pct_white: 50, pct_asian: 25, pct_black: 10, pct_mixed: 5, pct_other: 5, pct_unknown: 5 }];
 * writeNationalNetwork(dir, providers, { months: 2 }).rows; // => 2 * (18 * 19 + 1)
 * ```
 */
export function writeNationalNetwork(
  dir: string,
  providers: readonly NationalProvider[],
  options: NationalNetworkOptions & { csv?: boolean } = {},
): NationalWriteResult {
  mkdirSync(dir, { recursive: true });
  const csvFd = options.csv === false ? null : openSync(path.join(dir, 'submissions.csv'), 'w');
  const batches: RecordBatch[] = [];
  let csvBytes = 0;
  let dictionaries: ReturnType<typeof submissionDictionaries> | null = null;
  let rows = 0;
  if (csvFd !== null) {
    const header = 'site_id,period,measure_id,ethnic_category,numerator,denominator,version\n';
    csvBytes += writeSync(csvFd, header);
  }
  for (const batch of generateNationalNetwork(providers, options)) {
    dictionaries ??= submissionDictionaries(batch);
    batches.push(...submissionColumnsToArrow(batch, dictionaries).batches);
    if (csvFd !== null) csvBytes += writeSync(csvFd, batchCsv(batch));
    rows += batch.site.length;
  }
  if (csvFd !== null) closeSync(csvFd);
  const arrow = tableToIPC(new Table(batches), 'stream');
  const arrowFd = openSync(path.join(dir, 'submissions.arrow'), 'w');
  writeSync(arrowFd, arrow);
  closeSync(arrowFd);
  return { rows, providers: providers.length, arrowBytes: arrow.length, csvBytes };
}

function batchCsv(batch: SubmissionColumns): string {
  const lines: string[] = [];
  for (let i = 0; i < batch.site.length; i++) {
    lines.push(
      [
        csvField(batch.siteDictionary[batch.site[i] ?? 0]),
        batch.period[i],
        batch.measureDictionary[batch.measure[i] ?? 0],
        batch.categoryDictionary[batch.category[i] ?? 0],
        csvField(batch.numerator[i]),
        csvField(batch.denominator[i]),
        batch.version[i],
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
