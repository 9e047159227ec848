/**
 * Generates the committed demo network into data/demo (Arrow IPC + CSV + manifest.json) and
 * the submission template into data/submission-template.csv.
 *
 *   pnpm generate                 # from the repository root
 *   pnpm generate --seed 7 --out /tmp/demo
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildSubmissionTemplate, DEMO_SEED, generateDemoNetwork } from '../src/index.js';
import { readReferenceTables, repoDataDir, resolveFromCaller, writeDemoNetwork } from '../src/node.js';

// `pnpm generate -- --seed 7` passes the `--` through; accept it.
const args = process.argv.slice(2).filter((a) => a !== '--');
const { values } = parseArgs({
  args,
  options: { seed: { type: 'string' }, out: { type: 'string' } },
  allowPositionals: false,
});
const dataDir = repoDataDir();
const out = values.out ? resolveFromCaller(values.out) : path.join(dataDir, 'demo');
const started = performance.now();
const tables = readReferenceTables(dataDir);
const network = generateDemoNetwork(tables, { seed: values.seed ? Number(values.seed) : DEMO_SEED });
const generated = performance.now();
const manifest = writeDemoNetwork(out, network, tables);
const finished = performance.now();
if (!values.out) {
  const template = buildSubmissionTemplate({
    siteId: 'S1',
    period: network.months.at(-1) ?? '2026-03',
    measures: tables.measures,
    ethnicCategories: tables.ethnicCategories,
  });
  writeFileSync(path.join(dataDir, 'submission-template.csv'), template);
}
console.log(`Demo network → ${out}`);
for (const t of manifest.tables) {
  console.log(
    `  ${t.file.padEnd(24)} ${String(t.rows).padStart(7)} rows ${(t.bytes / 1e6).toFixed(2).padStart(7)} MB`,
  );
}
console.log(
  `Generated ${network.submissions.site.length} submission rows in ${((generated - started) / 1000).toFixed(2)} s; written in ${((finished - generated) / 1000).toFixed(2)} s.`,
);
