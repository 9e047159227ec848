import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import type { NetworkDatabase } from '../data/network-database.ts';
import { buildSiteBundles, type NetworkBundle } from '../site/site-bundle.ts';
import { loadDataFolder } from './load-data-folder.ts';
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
 * Measure page's files (`precompute-disparity-data.ts`) unless `disparity` is false.
 * Pass `loaded` (the same folder, already loaded) to share one database with other
 * precompute steps.
 */
export async function precomputeSiteData(
  dataDir: string,
  { loaded, disparity = true }: { loaded?: NetworkDatabase; disparity?: boolean } = {},
): Promise<{ sites: number; bytes: number }> {
  const outDir = path.join(dataDir, 'site');
  rmSync(outDir, { recursive: true, force: true });
  rmSync(path.join(dataDir, networkBundleFile), { force: true });
  removeDisparityData(dataDir);
  const needed = ['submissions', 'sites', 'measures', 'ethnic_categories', 'annotations', 'aims'];
  const database = loaded
    ? needed.every((table) => loaded.hasTable(table))
      ? loaded
      : null
    : await loadDataFolder(dataDir, needed);
  if (!database) return { sites: 0, bytes: 0 };
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
    const disparityBytes = disparity ? await writeDisparityData(database, dataDir) : 0;
    return { sites: sites.length, bytes: bytes + json.length + disparityBytes };
  } finally {
    // A database the caller passed in is the caller's to close.
    if (!loaded) await database.close();
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
