import * as v from 'valibot';
import { csvBoolean, csvNumber } from './csv-coercion.js';

/**
 * A maternity unit in the network. In demo mode sites are pseudonyms ("Site A (London)"):
 * their size and ethnic mix are those of a real trust in that region (NHS Maternity
 * Statistics 2022-23, via ../shared/data/reference/candidate-sites.csv), but their outcomes are
 * synthetic, so no real trust is ever shown beside invented outcomes (data-model.md §2.2).
 * The ethnic mix is the level-1 share of the MSDS `EthnicCategoryMotherGroup` breakdown, in %.
 */
export const SiteSchema = v.object({
  site_id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,20}$/, 'a short code of letters, digits, - or _')),
  display_name: v.pipe(v.string(), v.minLength(1)),
  region_code: v.pipe(v.string(), v.regex(/^Y\d{2}$/)),
  annual_births: v.pipe(csvNumber, v.integer(), v.minValue(1)),
  pct_white: v.pipe(csvNumber, v.minValue(0), v.maxValue(100)),
  pct_asian: v.pipe(csvNumber, v.minValue(0), v.maxValue(100)),
  pct_black: v.pipe(csvNumber, v.minValue(0), v.maxValue(100)),
  pct_mixed: v.pipe(csvNumber, v.minValue(0), v.maxValue(100)),
  pct_other: v.pipe(csvNumber, v.minValue(0), v.maxValue(100)),
  pct_unknown: v.pipe(csvNumber, v.minValue(0), v.maxValue(100)),
  is_demo: csvBoolean,
});
export type Site = v.InferOutput<typeof SiteSchema>;
