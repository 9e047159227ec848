import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readCsv } from '@maternity-qi/network-data';
import { buildNationalBundle, type NationalBundle, type NationalSourceTexts } from './national-bundle';

/** The repository's data/ folder (the importer's output lives in data/national-context/). */
export const repoDataDir = path.resolve(__dirname, '../../../../../data');

/** The real source texts, as the build reads them. */
export function realSourceTexts(): NationalSourceTexts {
  const text = (...parts: string[]) => readFileSync(path.join(repoDataDir, ...parts), 'utf8');
  return {
    providerRates: text('national-context', 'provider-rates.csv'),
    ethnicMix: text('national-context', 'provider-ethnic-mix.csv'),
    trustRegions: text('trust-regions.csv'),
    measures: text('measures.csv'),
  };
}

/** The bundle built from the real 2021-22 import. */
export function realBundle(): NationalBundle {
  return buildNationalBundle(realSourceTexts(), readCsv);
}

const measuresHeader =
  'measure_id,name,domain,lan_priority_area,numerator_definition,denominator_definition,denominator_unit,multiplier,unit_label,direction,target_value,target_type,target_source,national_baseline,baseline_period,baseline_source,window_months,default_chart,rare_event,by_ethnic_group,min_denominator_for_display,source_code';

/** A small made-up import: 6 providers in 2 regions, one measure, for exact chart snapshots. */
export const fixtureTexts: NationalSourceTexts = {
  providerRates: [
    'period,org_level,org_code,org_name,measure_id,numerator,denominator,rate,multiplier,excluded,completeness',
    '2021-22,national,National,ALL SUBMITTERS,preterm_birth,2400,30000,8,100,500,98.4',
    '2021-22,provider,P01,ALPHA HOSPITALS NHS TRUST,preterm_birth,400,5000,8,100,50,99',
    '2021-22,provider,P02,BETA NHS FOUNDATION TRUST,preterm_birth,560,5000,11.2,100,50,99',
    '2021-22,provider,P03,GAMMA HOSPITAL NHS TRUST,preterm_birth,130,2000,6.5,100,20,99',
    '2021-22,provider,P04,"DELTA, EPSILON AND ZETA NHS TRUST",preterm_birth,600,9000,6.667,100,100,98.9',
    '2021-22,provider,P05,ETA NHS TRUST,preterm_birth,700,8000,8.75,100,100,98.8',
    '2021-22,provider,P06,THETA NHS TRUST,preterm_birth,10,100,10,100,200,33.3',
  ].join('\n'),
  ethnicMix: [
    'period,org_level,org_code,org_name,total_deliveries,breakdown_total,pct_white,pct_asian,pct_black,pct_mixed,pct_other,pct_unknown',
    '2021-22,national,National,ALL SUBMITTERS,30000,30100,70,12,4.8,2.2,3.9,7.1',
    '2021-22,region,Y56,LONDON COMMISSIONING REGION,14000,14100,48.5,21.1,11.4,3.6,8.8,6.6',
    '2021-22,region,Y58,SOUTH WEST COMMISSIONING REGION,16000,16000,83.5,3.1,1.8,1.6,2.4,7.6',
    '2021-22,provider,P01,ALPHA HOSPITALS NHS TRUST,5000,5050,40,25,15,4,10,6',
    '2021-22,provider,P02,BETA NHS FOUNDATION TRUST,5000,5000,55,20,10,3,7,5',
    '2021-22,provider,P04,"DELTA, EPSILON AND ZETA NHS TRUST",9000,9050,50,18,9,4,9,10',
  ].join('\n'),
  trustRegions: [
    'org_code,org_name,region_code,ons_region_code,region_name,method',
    'P01,ALPHA HOSPITALS NHS TRUST,Y56,E40000003,London,fixture',
    'P02,BETA NHS FOUNDATION TRUST,Y56,E40000003,London,fixture',
    'P03,GAMMA HOSPITAL NHS TRUST,Y58,E40000006,South West,fixture',
    'P04,"DELTA, EPSILON AND ZETA NHS TRUST",Y56,E40000003,London,fixture',
    'P05,ETA NHS TRUST,Y58,E40000006,South West,fixture',
    'P06,THETA NHS TRUST,Y58,E40000006,South West,fixture',
  ].join('\n'),
  measures: [
    measuresHeader,
    'preterm_birth,Preterm birth <37 weeks,outcome,preterm,n,d,live_births,100,%,lower_is_better,6,national_ambition,x,7.93,2022-23,x,1,p,0,1,20,CQIMPreterm',
    'pph_1500,PPH ≥1500 ml,outcome,pph,n,d,maternities,1000,"per 1,000 maternities",lower_is_better,,,,30,2022-23,x,1,p,0,1,20,',
  ].join('\n'),
};

export function fixtureBundle(): NationalBundle {
  return buildNationalBundle(fixtureTexts, readCsv);
}
