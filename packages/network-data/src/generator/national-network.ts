import { NHS_ETHNIC_CODES, TOTAL_CODE } from '../schema/ethnic-category.js';
import type { Period } from '../schema/period.js';
import { addMonths, monthRange } from '../schema/period.js';
import { MEASURE_MODELS } from './base-rates.js';
import type { Level1Mix } from './ethnic-mix.js';
import { DEFAULT_WITHIN_GROUP, LONDON_WHITE } from './ethnic-mix.js';
import { simulateSite } from './simulate-site.js';
import type { SubmissionColumns } from './submission-columns.js';
import { emptySubmissionColumns } from './submission-columns.js';

/** A provider for the national-scale variant: its size and ethnic mix (from NHS Maternity Statistics). */
export interface NationalProvider extends Level1Mix {
  /** Pseudonymous id, e.g. T001. */
  site_id: string;
  region_code: string;
  annual_births: number;
}

export interface NationalNetworkOptions {
  seed?: number;
  firstPeriod?: Period;
  months?: number;
}

/**
 * The national-scale variant for performance work: every English provider (about 120) with its
 * real size and ethnic mix but synthetic outcomes and a pseudonymous id, 120 months (10 years)
 * x 19 measures x 19 ethnic categories: about 5 million rows. Yields one batch of columns per
 * provider so a writer can stream them to disk without holding all rows. No improvement
 * stories or untidiness: it is for load and query timing, not for demos.
 *
 * @example
 * ```ts
 * const providers = [{ site_id: 'T001', region_code: 'Y56', annual_births: 5000,
 *   pct_white: 50, pct_asian: 25, pct_black: 10, pct_mixed: 5, pct_other: 5, pct_unknown: 5 }];
 * const batches = [...generateNationalNetwork(providers, { months: 1 })];
 * batches.length; // => 1
 * batches[0].site.length; // => 18 * 19 + 1
 * ```
 */
export function* generateNationalNetwork(
  providers: readonly NationalProvider[],
  options: NationalNetworkOptions = {},
): Generator<SubmissionColumns> {
  const first = options.firstPeriod ?? '2016-04';
  const months = monthRange(first, addMonths(first, (options.months ?? 120) - 1));
  const measureIds = [...MEASURE_MODELS.map((m) => m.measure_id), 'ethnicity_recorded'];
  for (const provider of providers) {
    const batch = emptySubmissionColumns(
      providers.map((p) => p.site_id),
      measureIds,
      [...NHS_ETHNIC_CODES, TOTAL_CODE],
    );
    simulateSite(batch, {
      seed: options.seed ?? 7,
      site: {
        ...provider,
        within:
          provider.region_code === 'Y56'
            ? { ...DEFAULT_WITHIN_GROUP, ...LONDON_WHITE }
            : DEFAULT_WITHIN_GROUP,
      },
      months,
      models: MEASURE_MODELS,
      totalOnlyMeasureIds: ['ethnicity_recorded'],
      stories: [],
    });
    yield batch;
  }
}
