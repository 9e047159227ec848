import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseManifest } from '../data/manifest.ts';
import { NetworkDatabase } from '../data/network-database.ts';
import { startNodeEngine } from '../data/node-engine.ts';

/**
 * Loads a prepared data folder (manifest.json and its Arrow tables) into DuckDB-WASM's Node
 * build, the engine the browser runs, so precomputed numbers match the browser's. Null when
 * the folder has no manifest or lacks one of the `needed` tables. The caller closes it.
 *
 * @example
 * ```ts
 * const database = await loadDataFolder('static/data', ['submissions', 'measures']);
 * await database?.query('SELECT count(*) AS n FROM submissions'); // => [{ n: 115248 }]
 * await database?.close();
 * ```
 */
export async function loadDataFolder(
  dataDir: string,
  needed: readonly string[],
): Promise<NetworkDatabase | null> {
  const manifestPath = path.join(dataDir, 'manifest.json');
  if (!existsSync(manifestPath)) return null;
  const manifest = parseManifest(JSON.parse(readFileSync(manifestPath, 'utf8')), manifestPath);
  if (!needed.every((table) => manifest.tables.some((entry) => entry.table === table))) return null;
  return NetworkDatabase.load(
    await startNodeEngine(),
    manifest,
    pathToFileURL(manifestPath).href,
    async (url) => new Uint8Array(readFileSync(fileURLToPath(url))),
  );
}
