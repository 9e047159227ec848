import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReferenceTables, ReferenceTableError } from '../src/loaders/reference-tables.js';
import { repoDataDir } from '../src/node.js';
import { NHS_ETHNIC_CODES } from '../src/schema/ethnic-category.js';
import { tables } from './helpers.js';

describe('reference tables in data/', () => {
  it('has the 7 NHS England regions and one pseudonymised site in each', () => {
    expect(tables.regions.map((r) => r.region_code).sort()).toEqual([
      'Y56',
      'Y58',
      'Y59',
      'Y60',
      'Y61',
      'Y62',
      'Y63',
    ]);
    expect(tables.sites).toHaveLength(7);
    expect(new Set(tables.sites.map((s) => s.region_code)).size).toBe(7);
    for (const site of tables.sites) {
      expect(site.display_name).toMatch(/^Site [A-G] \(.+\)$/);
      const pct =
        site.pct_white + site.pct_asian + site.pct_black + site.pct_mixed + site.pct_other + site.pct_unknown;
      expect(pct).toBeCloseTo(100, 0);
    }
  });
  it('never names a real trust beside synthetic outcomes', () => {
    const sites = readFileSync(path.join(repoDataDir(), 'sites.csv'), 'utf8');
    expect(sites).not.toMatch(/NHS|Trust|R1H|RXK/);
  });
  it('has every NHS ethnic category code with its groupings, and the level-1 groups and ALL', () => {
    const codes = tables.ethnicCategories.filter((e) => e.level === 'nhs2001').map((e) => e.code);
    expect(codes).toEqual([...NHS_ETHNIC_CODES]);
    expect(tables.ethnicCategories.filter((e) => e.level === 'level1').map((e) => e.code)).toEqual([
      'WHITE',
      'ASIAN',
      'BLACK',
      'MIXED',
      'OTHER',
      'UNKNOWN',
    ]);
    const byCode = new Map(tables.ethnicCategories.map((e) => [e.code, e]));
    // Corrections to ../shared: MBRRACE-UK groups black African with other Black, and Chinese with other.
    expect(byCode.get('N')?.mbrrace_group).toBe(byCode.get('P')?.mbrrace_group);
    expect(byCode.get('R')?.mbrrace_group).toBe(byCode.get('S')?.mbrrace_group);
    // The MSDS label is spelt "Not known" in NHS Maternity Statistics 2021-22.
    expect(byCode.get('99')?.msds_group).toBe('Not known');
    expect(tables.ethnicCategories.filter((e) => e.is_reference).map((e) => e.code)).toEqual([
      'A',
      'B',
      'C',
      'WHITE',
    ]);
  });
  it('has about 20 measures covering the priority areas, with numeric targets', () => {
    expect(tables.measures.length).toBeGreaterThanOrEqual(18);
    const areas = new Set(tables.measures.map((m) => m.lan_priority_area));
    for (const area of ['pph', 'preterm', 'mental_health', 'gdm']) expect(areas).toContain(area);
    expect(new Set(tables.measures.map((m) => m.domain))).toEqual(
      new Set(['outcome', 'process', 'balancing', 'data_quality']),
    );
    const ids = tables.measures.map((m) => m.measure_id);
    for (const id of [
      'stillbirth_rate',
      'neonatal_mortality',
      'oasi_3rd_4th_tear',
      'apgar_lt7_term',
      'booking_by_10wk',
      'coc_by_28wk',
      'smoking_at_booking',
      'breastmilk_first_feed',
      'caesarean_rate',
      'induction_rate',
      'ethnicity_recorded',
    ]) {
      expect(ids).toContain(id);
    }
    expect(tables.measures.find((m) => m.measure_id === 'coc_by_28wk')?.target_value).toBe(75);
    expect(tables.measures.filter((m) => m.rare_event).map((m) => m.measure_id)).toEqual([
      'stillbirth_rate',
      'neonatal_mortality',
      'maternal_mortality',
    ]);
  });
  it('rejects broken tables with every problem listed', () => {
    const read = (f: string) => readFileSync(path.join(repoDataDir(), f), 'utf8');
    const broken = () =>
      parseReferenceTables({
        regions: read('regions.csv'),
        sites: read('sites.csv').replace('S2,Site B (Midlands),Y60,5930', 'S2,Site B (Midlands),Y99,-5'),
        ethnicCategories: read('ethnic-categories.csv'),
        measures: read('measures.csv').replace('lower_is_better', 'down'),
      });
    expect(broken).toThrow(ReferenceTableError);
    try {
      broken();
    } catch (error) {
      const problems = (error as ReferenceTableError).problems.map((p) => [p.table, p.row, p.column]);
      expect(problems).toEqual([
        ['sites', 3, 'annual_births'],
        ['measures', 2, 'direction'],
      ]);
    }
  });
});
