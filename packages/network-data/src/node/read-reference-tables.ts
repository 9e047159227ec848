import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ReferenceTables } from '../loaders/reference-tables.js';
import { parseReferenceTables } from '../loaders/reference-tables.js';
import { repoDataDir } from './repo-paths.js';

/**
 * Reads and checks the reference tables from a `data/` folder (the repository's by default).
 *
 * @example
 * ```ts
 * const tables = readReferenceTables();
 * tables.sites.length; // => 7
 * tables.regions.length; // => 7
 * ```
 */
export function readReferenceTables(dataDir: string = repoDataDir()): ReferenceTables {
  const read = (name: string) => readFileSync(path.join(dataDir, name), 'utf8');
  return parseReferenceTables({
    regions: read('regions.csv'),
    sites: read('sites.csv'),
    ethnicCategories: read('ethnic-categories.csv'),
    measures: read('measures.csv'),
  });
}
