import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';
import { parseManifest } from '../data/manifest.ts';
import { NetworkDatabase } from '../data/network-database.ts';
import { startNodeEngine } from '../data/node-engine.ts';
import { buildSiteBundles, type NetworkBundle } from '../site/site-bundle.ts';
import { removeDisparityData, writeDisparityData } from './precompute-disparity-data.ts';

/** File the Site page reads first (revalidated on every visit, like the data manifest). */
export const networkBundleFile = 'site-network.json';

/**
 * Writes the Site page's precomputed data next to the copied tables in
 * `dataDir` (static/data): `site-network.json` and one content-hashed
 * `site-<id>.<hash>.json` per site. Loads the tables listed in the manifest into
 * DuckDB-WASM's Node build and runs the same queries the browser would, so the
 * numbers cannot differ. Writes nothing (and removes stale bundles) when the
 * data have no `submissions` table. Also writes the Disparity explorer's and
 * Measure page's files (`precompute-disparity-data.ts`).
 */
export async function precomputeSiteData(dataDir: string): Promise<{ sites: number; bytes: number }> {
  const outDir = path.join(dataDir, 'site');
  rmSync(outDir, { recursive: true, force: true });
  rmSync(path.join(dataDir, networkBundleFile), { force: true });
  removeDisparityData(dataDir);
  const manifestPath = path.join(dataDir, 'manifest.json');
  if (!existsSync(manifestPath)) return { sites: 0, bytes: 0 };
  const manifest = parseManifest(JSON.parse(readFileSync(manifestPath, 'utf8')), manifestPath);
  const needed = ['submissions', 'sites', 'measures', 'ethnic_categories', 'annotations', 'aims'];
  if (!needed.every((table) => manifest.tables.some((entry) => entry.table === table)))
    return { sites: 0, bytes: 0 };

  const database = await NetworkDatabase.load(
    await startNodeEngine(),
    manifest,
    pathToFileURL(manifestPath).href,
    async (url) => new Uint8Array(readFileSync(fileURLToPath(url))),
  );
  try {
    const { network, sites } = await buildSiteBundles(database);
    mkdirSync(outDir, { recursive: true });
    const siteFiles: Record<string, string> = {};
    let bytes = 0;
    for (const bundle of sites) {
      const json = JSON.stringify(bundle);
      const hash = createHash('sha256').update(json).digest('hex').slice(0, 12);
      const file = `site/${bundle.site.site_id.replace(/[^A-Za-z0-9_-]/g, '_')}.${hash}.json`;
      writeFileSync(path.join(dataDir, file), json);
      siteFiles[bundle.site.site_id] = file;
      bytes += json.length;
    }
    const networkBundle: NetworkBundle = { ...network, siteFiles };
    const json = JSON.stringify(networkBundle);
    writeFileSync(path.join(dataDir, networkBundleFile), json);
    // The Disparity explorer's and Measure page's files, from the same loaded database.
    const disparityBytes = await writeDisparityData(database, dataDir);
    return { sites: sites.length, bytes: bytes + json.length + disparityBytes };
  } finally {
    await database.close();
  }
}

/**
 * Vite plugin: precomputes the Site page's data once per build or dev start,
 * after `scripts/prepare-data.mjs` has copied the tables and before SvelteKit
 * copies `static/`. Skipped under Vitest, whose runs must not rewrite files a
 * concurrent build is reading.
 */
// Once per process: SvelteKit runs several Vite builds, each loading the config (and this module) afresh.
const once = Symbol.for('maternity-qi.precomputed-site-data');
const processState = globalThis as typeof globalThis & { [once]?: Promise<void> };

export function precomputedSiteData(dataDir: string): Plugin {
  return {
    name: 'maternity-qi:precomputed-site-data',
    async buildStart() {
      if (process.env.VITEST) return;
      processState[once] ??= precomputeSiteData(dataDir).then(({ sites, bytes }) => {
        this.info(`precomputed site data: ${sites} sites, ${(bytes / 1e6).toFixed(2)} MB`);
      });
      await processState[once];
    },
  };
}
