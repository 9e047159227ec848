import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readCsv } from '@maternity-qi/network-data';
import type { Plugin } from 'vite';
import { buildNationalBundle, type NationalIndex } from '../national/national-bundle.ts';

/** File the National context page reads first (revalidated on every visit): it names the hashed bundle. */
export const nationalIndexFile = 'national-context.json';

/**
 * Writes the National context page's data into `dataDir` (static/data): one
 * content-hashed `national/context.<hash>.json` built from the importer's files
 * in `repoDataDir/national-context/` (plus `trust-regions.csv` and `measures.csv`),
 * and `national-context.json` naming it. When the import has not been run it
 * removes stale files and writes an index with no file: the page then explains
 * how to run the import.
 */
export async function precomputeNationalData(
  dataDir: string,
  repoDataDir: string,
): Promise<{ providers: number; bytes: number }> {
  const outDir = path.join(dataDir, 'national');
  rmSync(outDir, { recursive: true, force: true });
  rmSync(path.join(dataDir, nationalIndexFile), { force: true });
  const files = {
    providerRates: path.join(repoDataDir, 'national-context', 'provider-rates.csv'),
    ethnicMix: path.join(repoDataDir, 'national-context', 'provider-ethnic-mix.csv'),
    trustRegions: path.join(repoDataDir, 'trust-regions.csv'),
    measures: path.join(repoDataDir, 'measures.csv'),
  };
  if (!Object.values(files).every((file) => existsSync(file))) {
    // An index that says "nothing imported", so the page can explain without a 404 in the console.
    const empty: NationalIndex = { file: null, period: null, source: null, bytes: 0 };
    writeFileSync(path.join(dataDir, nationalIndexFile), JSON.stringify(empty));
    return { providers: 0, bytes: 0 };
  }
  const text = (file: string) => readFileSync(file, 'utf8');
  const bundle = buildNationalBundle(
    {
      providerRates: text(files.providerRates),
      ethnicMix: text(files.ethnicMix),
      trustRegions: text(files.trustRegions),
      measures: text(files.measures),
    },
    readCsv,
  );
  const json = JSON.stringify(bundle);
  const hash = createHash('sha256').update(json).digest('hex').slice(0, 12);
  const file = `national/context.${hash}.json`;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(dataDir, file), json);
  const index: NationalIndex = { file, period: bundle.period, source: bundle.source, bytes: json.length };
  writeFileSync(path.join(dataDir, nationalIndexFile), JSON.stringify(index));
  return { providers: bundle.providers.length, bytes: json.length };
}

// Once per process: SvelteKit runs several Vite builds, each loading the config (and this module) afresh.
const once = Symbol.for('maternity-qi.precomputed-national-data');
const processState = globalThis as typeof globalThis & { [once]?: Promise<void> };

/**
 * Vite plugin: builds the National context bundle once per build or dev start,
 * after `scripts/prepare-data.mjs` has emptied static/data and before SvelteKit
 * copies `static/`. Skipped under Vitest (a test run must not rewrite files a
 * concurrent build is reading).
 */
export function precomputedNationalData(dataDir: string, repoDataDir: string): Plugin {
  return {
    name: 'maternity-qi:precomputed-national-data',
    async buildStart() {
      if (process.env.VITEST) return;
      processState[once] ??= precomputeNationalData(dataDir, repoDataDir).then(({ providers, bytes }) => {
        this.info(
          providers === 0
            ? `no national context in ${repoDataDir}/national-context (run pnpm msds:import)`
            : `precomputed national context: ${providers} providers, ${(bytes / 1e3).toFixed(0)} KB`,
        );
      });
      await processState[once];
    },
  };
}
