import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Store } from '../db/store.ts';

// What the audience publisher gets from the database: the latest version of every site's
// month, and the QI log. Each site-specific table carries site_id (change ideas and PDSA
// cycles through their aim) so the publisher can give each site only its own rows.
const EXPORTS: Record<string, string> = {
  submissions: `SELECT r.site_id, r.period, r.measure_id, r.ethnic_category, r.numerator, r.denominator, r.version
    FROM submission_rows AS r
    JOIN (SELECT site_id, period, max(version) AS version FROM submission_versions GROUP BY site_id, period) AS latest
      USING (site_id, period, version)
    ORDER BY r.site_id, r.period, r.measure_id, r.ethnic_category`,
  submission_log: `SELECT site_id, period, version, CAST(submitted_at AS DATE) AS submitted_on, note
    FROM submission_versions ORDER BY site_id, period, version`,
  aims: `SELECT aim_id, site_id, measure_id, ethnic_groups, statement, baseline_value, target_value, target_period
    FROM aims ORDER BY aim_id`,
  change_ideas: `SELECT c.change_idea_id, c.aim_id, c.primary_driver, c.title, a.site_id
    FROM change_ideas AS c LEFT JOIN aims AS a USING (aim_id) ORDER BY c.change_idea_id`,
  pdsa_cycles: `SELECT p.pdsa_id, p.change_idea_id, p.cycle, p.start_period, p.end_period, p.plan, p.study, p.act,
      p.do_notes, a.site_id
    FROM pdsa_cycles AS p
    LEFT JOIN change_ideas AS c USING (change_idea_id)
    LEFT JOIN aims AS a ON a.aim_id = c.aim_id
    ORDER BY p.pdsa_id`,
  annotations: `SELECT annotation_id, site_id, period, measure_id, ethnic_groups, kind, text
    FROM annotations ORDER BY annotation_id`,
};

/**
 * Writes the tables the audience publisher needs as CSV files (`<dir>/<table>.csv`, header
 * line, NULL as an empty field), all from one snapshot: the COPYs run in one transaction,
 * so a submission committed half-way through is in every file or in none. DuckDB writes the
 * files on its own threads; the event loop only waits. Returns the row count per table.
 *
 * @example
 * ```ts
 * await exportAudienceTables(store, '/srv/audiences/.staging/1700000000000');
 * // => { submissions: 114905, submission_log: 336, aims: 7, change_ideas: 7, pdsa_cycles: 14, annotations: 24 }
 * ```
 */
export async function exportAudienceTables(store: Store, dir: string): Promise<Record<string, number>> {
  mkdirSync(dir, { recursive: true });
  return store.write(async (tx) => {
    const counts: Record<string, number> = {};
    for (const [table, sql] of Object.entries(EXPORTS)) {
      // The path goes into SQL text (COPY takes no parameters): single quotes doubled.
      const file = path.join(dir, `${table}.csv`).replaceAll("'", "''");
      const [result] = await tx.all<{ Count: number }>(
        `COPY (${sql}) TO '${file}' (FORMAT csv, HEADER true)`,
      );
      counts[table] = Number(result?.Count ?? 0);
    }
    return counts;
  });
}
