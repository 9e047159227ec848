import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import type { NetworkDatabase } from '../data/network-database.ts';
import { publishNetworkOverview } from '../overview/network-overview.ts';
import {
  listEthnicGroups,
  listLevel2Groups,
  listMeasures,
  networkMonthGroupCounts,
  networkMonthLevel2Counts,
} from '../queries/network-queries.ts';
import { loadDataFolder } from './load-data-folder.ts';

/** Folder (under static/data) of the advisory group's files: disclosure-controlled aggregates only. */
export const advisoryDir = 'advisory';
/** The pointer the Network overview reads first: `{ "file": "advisory/network-overview.<hash>.json" }`. */
export const advisoryIndexFile = `${advisoryDir}/index.json`;

/**
 * Writes the Network overview's one data file, content-hashed, into
 * `dataDir/advisory/`, and the small `advisory/index.json` that names it. The
 * network totals come from the same SQL and engine as the other pages
 * (DuckDB-WASM's Node build); `publishNetworkOverview` applies disclosure
 * control before anything is written, so no file in `advisory/` holds a count
 * of 1–7. Writes nothing (and removes stale files) without a `submissions` table.
 * Pass `loaded` (the same folder, already loaded) to share one database.
 */
export async function precomputeAdvisoryData(
  dataDir: string,
  loaded?: NetworkDatabase,
): Promise<{ file: string | null; bytes: number }> {
  const outDir = path.join(dataDir, advisoryDir);
  rmSync(outDir, { recursive: true, force: true });
  const needed = ['submissions', 'measures', 'ethnic_categories'];
  const database = loaded
    ? needed.every((table) => loaded.hasTable(table))
      ? loaded
      : null
    : await loadDataFolder(dataDir, needed);
  if (!database) return { file: null, bytes: 0 };
  try {
    const [rows, level2Rows, measures, groups, level2Groups] = await Promise.all([
      networkMonthGroupCounts(database),
      networkMonthLevel2Counts(database),
      listMeasures(database),
      listEthnicGroups(database),
      listLevel2Groups(database),
    ]);
    const months = <T extends { period: Date }>(list: T[]) =>
      list.map((row) => ({ ...row, period: row.period.toISOString().slice(0, 10) }));
    const overview = publishNetworkOverview(
      months(rows),
      measures,
      groups,
      { preparedAt: new Date().toISOString(), source: database.manifest.source },
      undefined,
      { counts: months(level2Rows), groups: level2Groups },
    );
    const json = JSON.stringify(overview);
    const hash = createHash('sha256').update(json).digest('hex').slice(0, 12);
    const file = `${advisoryDir}/network-overview.${hash}.json`;
    mkdirSync(outDir, { recursive: true });
    writeFileSync(path.join(dataDir, file), json);
    writeFileSync(path.join(dataDir, advisoryIndexFile), JSON.stringify({ file }));
    return { file, bytes: json.length };
  } finally {
    // A database the caller passed in is the caller's to close.
    if (!loaded) await database.close();
  }
}

const once = Symbol.for('maternity-qi.precomputed-advisory-data');
const processState = globalThis as typeof globalThis & { [once]?: Promise<void> };

/** Vite plugin: writes the advisory file once per build or dev start (skipped under Vitest, like the Site data). */
export function precomputedAdvisoryData(dataDir: string): Plugin {
  return {
    name: 'maternity-qi:precomputed-advisory-data',
    async buildStart() {
      if (process.env.VITEST) return;
      processState[once] ??= precomputeAdvisoryData(dataDir).then(({ file, bytes }) => {
        this.info(`precomputed advisory data: ${file ?? 'none'}, ${(bytes / 1e6).toFixed(2)} MB`);
      });
      await processState[once];
    },
  };
}
