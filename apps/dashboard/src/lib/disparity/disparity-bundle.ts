import type { NetworkDatabase } from '../data/network-database.ts';
import {
  type Level2GroupRow,
  listLevel2Groups,
  listMeasureDefinitions,
  type MeasureDefinitionRow,
  measureCountsByGroup,
} from '../queries/disparity-queries.ts';
import {
  type EthnicGroupRow,
  listEthnicGroups,
  listSites,
  type SiteRow,
} from '../queries/network-queries.ts';

/**
 * What the Disparity explorer and the Measure page draw from, precomputed at build
 * time with the same SQL and engine as the browser (DuckDB-WASM's Node build), as
 * the Site page does: the first chart needs about 0.1 MB of JSON for one measure,
 * not DuckDB's 34 MB of wasm and the 2 MB submissions table.
 */
export interface DisparityNetworkBundle {
  preparedAt: string;
  source: string;
  sites: SiteRow[];
  measures: MeasureDefinitionRow[];
  /** Level-1 groups with their labels, in display order. */
  groups: EthnicGroupRow[];
  /** Level-2 groups, each with its level-1 group, in display order. */
  level2: Level2GroupRow[];
  /** Every month with data, 'yyyy-mm', ascending. */
  months: string[];
  /** Measure id → file with its counts (relative to the data folder). */
  measureFiles: Record<string, string>;
}

/** One measure's counts: [site_id, 'yyyy-mm', level-2 group or 'ALL', numerator, denominator]. */
export interface MeasureCountsBundle {
  measure_id: string;
  counts: MeasureCount[];
}

export type MeasureCount = [string, string, string, number, number];

const month = (date: Date) => date.toISOString().slice(0, 7);

/** Builds the network file (without file names) and one counts file per measure. */
export async function buildDisparityBundles(database: NetworkDatabase): Promise<{
  network: Omit<DisparityNetworkBundle, 'measureFiles'>;
  measures: MeasureCountsBundle[];
}> {
  const [sites, measures, groups, level2] = await Promise.all([
    listSites(database),
    listMeasureDefinitions(database),
    listEthnicGroups(database),
    listLevel2Groups(database),
  ]);
  const months = new Set<string>();
  const bundles: MeasureCountsBundle[] = [];
  for (const measure of measures) {
    const rows = await measureCountsByGroup(database, measure.measure_id);
    bundles.push({
      measure_id: measure.measure_id,
      counts: rows.map((row) => {
        months.add(month(row.period));
        return [row.site_id, month(row.period), row.ethnic_group, row.numerator, row.denominator];
      }),
    });
  }
  return {
    network: {
      preparedAt: new Date().toISOString(),
      source: database.manifest.source,
      sites,
      measures,
      groups,
      level2,
      months: [...months].sort(),
    },
    measures: bundles,
  };
}
