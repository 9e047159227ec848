/**
 * Imports an NHS Maternity Statistics annual provider-level CSV (any year) into the canonical
 * 2021-22 form.
 *
 *   pnpm msds:import <file.csv> --out <dir>     # from anywhere in the repository
 *
 * Writes <dir>/msds.csv, msds-unmapped.csv, provider-rates.csv and provider-ethnic-mix.csv and
 * prints which lines could not be mapped and why. Relative paths are resolved against the
 * directory the command was run from (pnpm's INIT_CWD), not the package directory.
 */
import { parseArgs } from 'node:util';
import { formatMsdsImportReport, MsdsImportError } from '../src/index.js';
import { importMsdsFile, resolveFromCaller } from '../src/node.js';

// `pnpm msds:import -- x.csv` passes the `--` through; accept it.
const args = process.argv.slice(2).filter((a) => a !== '--');
const { values, positionals } = parseArgs({
  args,
  options: { out: { type: 'string' } },
  allowPositionals: true,
});
const input = positionals[0];
if (!input || !values.out) {
  console.error('Usage: pnpm msds:import <file.csv> --out <dir>');
  process.exit(2);
}
const inputPath = resolveFromCaller(input);
const outDir = resolveFromCaller(values.out);
try {
  const result = importMsdsFile(inputPath, outDir);
  console.log(`${inputPath} → ${outDir}/msds.csv`);
  console.log(formatMsdsImportReport(result));
  const national = result.rows.find((r) => r.org_level === 'national' && r.dimension === 'TotalDeliveries');
  if (national) console.log(`National total deliveries: ${national.value}`);
} catch (error) {
  if (error instanceof MsdsImportError || (error as NodeJS.ErrnoException).code === 'ENOENT') {
    console.error(`msds:import: ${(error as Error).message}`);
    process.exit(1);
  }
  throw error;
}
