import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { NetworkDatabase } from '../data/network-database.ts';
import { buildDisparityBundles, type DisparityNetworkBundle } from '../disparity/disparity-bundle.ts';

/** File the Disparity explorer and the Measure page read first (revalidated on every visit). */
export const disparityNetworkFile = 'disparity-network.json';

/** Removes the disparity files of an earlier build. */
export function removeDisparityData(dataDir: string): void {
  rmSync(path.join(dataDir, 'disparity'), { recursive: true, force: true });
  rmSync(path.join(dataDir, disparityNetworkFile), { force: true });
}

/**
 * Writes `disparity-network.json` and one content-hashed `disparity/<measure>.<hash>.json`
 * per measure (every site's monthly counts by level-2 ethnic group) from a loaded
 * database. Returns the bytes written.
 */
export async function writeDisparityData(database: NetworkDatabase, dataDir: string): Promise<number> {
  removeDisparityData(dataDir);
  const { network, measures } = await buildDisparityBundles(database);
  mkdirSync(path.join(dataDir, 'disparity'), { recursive: true });
  const measureFiles: Record<string, string> = {};
  let bytes = 0;
  for (const bundle of measures) {
    const json = JSON.stringify(bundle);
    const hash = createHash('sha256').update(json).digest('hex').slice(0, 12);
    const file = `disparity/${bundle.measure_id.replace(/[^A-Za-z0-9_-]/g, '_')}.${hash}.json`;
    writeFileSync(path.join(dataDir, file), json);
    measureFiles[bundle.measure_id] = file;
    bytes += json.length;
  }
  const networkBundle: DisparityNetworkBundle = { ...network, measureFiles };
  const json = JSON.stringify(networkBundle);
  writeFileSync(path.join(dataDir, disparityNetworkFile), json);
  return bytes + json.length;
}
