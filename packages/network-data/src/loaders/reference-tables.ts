import type { EthnicCategory } from '../schema/ethnic-category.js';
import { EthnicCategorySchema } from '../schema/ethnic-category.js';
import type { Measure } from '../schema/measure.js';
import { MeasureSchema } from '../schema/measure.js';
import type { Region } from '../schema/region.js';
import { RegionSchema } from '../schema/region.js';
import type { Site } from '../schema/site.js';
import { SiteSchema } from '../schema/site.js';
import type { DataProblem } from '../validation/problem.js';
import { parseTable } from './parse-table.js';

/** The network's reference tables (the `data/*.csv` files of the repository). */
export interface ReferenceTables {
  regions: Region[];
  sites: Site[];
  ethnicCategories: EthnicCategory[];
  measures: Measure[];
}

/** The CSV text of each reference table, however it was fetched. */
export interface ReferenceTableTexts {
  regions: string;
  sites: string;
  ethnicCategories: string;
  measures: string;
}

/** Thrown when a reference table does not parse; lists every problem with its table. */
export class ReferenceTableError extends Error {
  constructor(readonly problems: ReadonlyArray<DataProblem & { table: string }>) {
    super(
      `Reference tables have ${problems.length} problem(s):\n${problems
        .slice(0, 20)
        .map((p) => `${p.table} line ${p.row} ${p.column ?? ''}: ${p.message}`)
        .join('\n')}`,
    );
    this.name = 'ReferenceTableError';
  }
}

/**
 * Parses the four reference tables and checks that they refer to each other (every site's
 * region exists; codes are unique). Throws a `ReferenceTableError` listing every problem,
 * because the application cannot run on a broken catalogue.
 *
 * @example
 * ```ts
 * const tables = parseReferenceTables({
 *   regions: 'region_code,ons_code,name\nY56,E40000003,London\n',
 *   sites: 'site_id,display_name,region_code,annual_births,pct_white,pct_asian,pct_black,pct_mixed,pct_other,pct_unknown,is_demo\nS1,Site A (London),Y56,12630,27.3,46.2,10.1,2.2,7.0,7.1,1\n',
 *   ethnicCategories: 'code,label,level,level1_group,level2_group,msds_group,mbrrace_group,census2021_equivalent,is_reference,is_unknown,sort_order\nA,White - British,nhs2001,WHITE,WHITE,White,White,,1,0,1\n',
 *   measures: 'measure_id,name,domain,lan_priority_area,numerator_definition,denominator_definition,denominator_unit,multiplier,unit_label,direction,target_value,target_type,target_source,national_baseline,baseline_period,baseline_source,window_months,default_chart,rare_event,by_ethnic_group,min_denominator_for_display,source_code\ncaesarean_rate,Caesarean birth rate,balancing,general,Caesarean deliveries,Deliveries,maternities,100,%,neutral,,,,37.8,2022-23,MSDS,1,p,0,1,20,\n',
 * });
 * tables.sites[0].annual_births; // => 12630
 * tables.measures[0].multiplier; // => 100
 * ```
 */
export function parseReferenceTables(texts: ReferenceTableTexts): ReferenceTables {
  const regions = parseTable(texts.regions, RegionSchema);
  const sites = parseTable(texts.sites, SiteSchema);
  const ethnicCategories = parseTable(texts.ethnicCategories, EthnicCategorySchema);
  const measures = parseTable(texts.measures, MeasureSchema);
  const problems: Array<DataProblem & { table: string }> = [
    ...regions.problems.map((p) => ({ ...p, table: 'regions' })),
    ...sites.problems.map((p) => ({ ...p, table: 'sites' })),
    ...ethnicCategories.problems.map((p) => ({ ...p, table: 'ethnic-categories' })),
    ...measures.problems.map((p) => ({ ...p, table: 'measures' })),
  ];
  const regionCodes = new Set(regions.rows.map((r) => r.region_code));
  sites.rows.forEach((site, i) => {
    if (!regionCodes.has(site.region_code)) {
      problems.push({
        table: 'sites',
        severity: 'error',
        row: i + 2,
        column: 'region_code',
        value: site.region_code,
        rule: 'invalid_value',
        message: `Region ${site.region_code} is not in the region table.`,
      });
    }
  });
  const unique = (table: string, keys: string[], column: string) => {
    const seen = new Set<string>();
    keys.forEach((k, i) => {
      if (seen.has(k)) {
        problems.push({
          table,
          severity: 'error',
          row: i + 2,
          column,
          value: k,
          rule: 'duplicate_row',
          message: `${column} ${k} appears twice.`,
        });
      }
      seen.add(k);
    });
  };
  unique(
    'regions',
    regions.rows.map((r) => r.region_code),
    'region_code',
  );
  unique(
    'sites',
    sites.rows.map((r) => r.site_id),
    'site_id',
  );
  unique(
    'ethnic-categories',
    ethnicCategories.rows.map((r) => r.code),
    'code',
  );
  unique(
    'measures',
    measures.rows.map((r) => r.measure_id),
    'measure_id',
  );
  if (problems.length > 0) throw new ReferenceTableError(problems);
  return {
    regions: regions.rows,
    sites: sites.rows,
    ethnicCategories: ethnicCategories.rows,
    measures: measures.rows,
  };
}
