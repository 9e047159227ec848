/**
 * Generates the national-scale variant (every English provider, 120 months, about 5 million
 * rows) on demand into data/generated/national (git-ignored).
 *
 *   pnpm generate:national                     # from the repository root
 *   pnpm generate:national --months 48 --no-csv --out /tmp/national
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readNationalProviders, repoDataDir, resolveFromCaller, writeNationalNetwork } from '../src/node.js';

// `pnpm generate -- --seed 7` passes the `--` through; accept it.
const args = process.argv.slice(2).filter((a) => a !== '--');
const { values } = parseArgs({
  args,
  options: {
    seed: { type: 'string' },
    months: { type: 'string' },
    out: { type: 'string' },
    'no-csv': { type: 'boolean' },
  },
});
const dataDir = repoDataDir();
const out = values.out ? resolveFromCaller(values.out) : path.join(dataDir, 'generated', 'national');
const providers = readNationalProviders(
  path.join(dataDir, 'national-context', 'provider-ethnic-mix.csv'),
  path.join(dataDir, 'trust-regions.csv'),
);
const started = performance.now();
const result = writeNationalNetwork(out, providers, {
  ...(values.seed ? { seed: Number(values.seed) } : {}),
  ...(values.months ? { months: Number(values.months) } : {}),
  csv: !values['no-csv'],
});
const seconds = (performance.now() - started) / 1000;
console.log(`National network → ${out}`);
console.log(
  `${result.rows} rows, ${result.providers} providers; Arrow ${(result.arrowBytes / 1e6).toFixed(1)} MB${
    values['no-csv'] ? '' : `, CSV ${(result.csvBytes / 1e6).toFixed(1)} MB`
  }; ${seconds.toFixed(1)} s.`,
);
