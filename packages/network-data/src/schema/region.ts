import * as v from 'valibot';

/**
 * An NHS England region (7 since April 2020). `region_code` is the NHS England code used in
 * NHS Maternity Statistics (Y56...Y63); `ons_code` the ONS geography code (E40000003...).
 * Source: data-model.md §4; ONS NHS England Regions (April 2021) boundaries.
 */
export const RegionSchema = v.object({
  region_code: v.pipe(v.string(), v.regex(/^Y\d{2}$/, 'an NHS England region code like Y56')),
  ons_code: v.pipe(v.string(), v.regex(/^E40\d{6}$/, 'an ONS region code like E40000003')),
  name: v.pipe(v.string(), v.minLength(1)),
});
export type Region = v.InferOutput<typeof RegionSchema>;
