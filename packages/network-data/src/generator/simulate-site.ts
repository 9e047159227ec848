import { NHS_ETHNIC_CODES, TOTAL_CODE } from '../schema/ethnic-category.js';
import type { Period } from '../schema/period.js';
import type { MeasureModel } from './base-rates.js';
import { BABIES_PER_MATERNITY, BOOKINGS_PER_BIRTH, GDM_ELIGIBLE_SHARE } from './base-rates.js';
import { binomial, invLogit, logit, normal, poisson } from './distributions.js';
import type { Level1Mix, WithinGroupShares } from './ethnic-mix.js';
import { codeShares, LEVEL1_OF_CODE } from './ethnic-mix.js';
import { createPrng } from './prng.js';
import type { ImprovementStory } from './qi-stories.js';
import type { SubmissionColumns } from './submission-columns.js';

/** A site as the simulation sees it. */
export interface SiteModel extends Level1Mix {
  site_id: string;
  annual_births: number;
  within: WithinGroupShares;
}

/** Deliberate untidiness for one site, as real submissions have (data-model.md §6.5). */
export interface SiteUntidiness {
  /** Months the site never submitted. */
  missingPeriods?: readonly Period[];
  /**
   * A month first submitted with some measures' counts short (version 1: a community clinic's
   * records missed from the extract, kept with probability `keep`), then resubmitted whole and
   * correct (version 2).
   */
  resubmission?: { period: Period; measureIds: readonly string[]; keep: number };
  /** A month whose ALL rows count more than the ethnic categories (records not linked to an ethnicity extract). */
  sumMismatch?: { period: Period; extraFraction: number };
}

export interface SimulateSiteOptions {
  seed: number;
  site: SiteModel;
  months: readonly Period[];
  models: readonly MeasureModel[];
  /** Measures reported for the site total only (simulated from births, e.g. ethnicity_recorded). */
  totalOnlyMeasureIds: readonly string[];
  stories: readonly ImprovementStory[];
  untidiness?: SiteUntidiness;
  /** Site random effect SD on the logit scale (data-model.md §6.4: 0.15). */
  siteEffectSd?: number;
  /** Month-to-month noise SD on the logit scale, shared by the site's groups (0.04) and per cell (0.03): about 0.05 overall, mild over-dispersion. */
  monthNoiseSd?: number;
  cellNoiseSd?: number;
}

/**
 * Simulates one site's monthly submissions for every month, measure and NHS ethnic code, plus
 * the site total ALL, and appends them to `out` (whose dictionaries must hold the site, the
 * measures, the codes and ALL). The recipe (data-model.md §6):
 *
 * 1. Births per month ~ Poisson(annual / 12 x season), season +/-4% peaking in September
 *    [assumption; ONS monthly births peak in late summer].
 * 2. Births split by NHS code with a multinomial over the site's mix (`codeShares`), the unknown
 *    share falling 30% over the period.
 * 3. Denominators from births: maternities = births / 1.0094 (babies per delivery, MSDS
 *    2021-22), women booked ~ Poisson(1.05 x births), live births = births - stillbirths, and
 *    measure fractions (term singleton, vaginal term...) as binomial thinning.
 * 4. Numerator ~ Binomial(denominator, p) with logit p = logit(p_group x code multiplier) + site
 *    effect (SD 0.15) + month noise (SD ~0.05). Improvement stories step p up or down from
 *    their change month for their codes.
 *
 * Each site has its own PRNG stream (seed, site id), so a site's data does not depend on which
 * other sites are generated.
 *
 * @example
 * ```ts
 * const out = emptySubmissionColumns(['S1'], ['stillbirth_rate'], [...NHS_ETHNIC_CODES, 'ALL']);
 * simulateSite(out, {
 *   seed: 1, months: ['2024-04'], models: MEASURE_MODELS.slice(0, 1), totalOnlyMeasureIds: [], stories: [],
 *   site: { site_id: 'S1', annual_births: 6000, within: DEFAULT_WITHIN_GROUP,
 *           pct_white: 60, pct_asian: 20, pct_black: 10, pct_mixed: 4, pct_other: 3, pct_unknown: 3 },
 * });
 * out.site.length; // => 19
 * out.denominator.at(-1) > 400; // => true
 * ```
 */
export function simulateSite(out: SubmissionColumns, options: SimulateSiteOptions): void {
  const { site, months, models, stories } = options;
  const rng = createPrng(options.seed, site.site_id);
  const siteEffectSd = options.siteEffectSd ?? 0.15;
  const monthNoiseSd = options.monthNoiseSd ?? 0.04;
  const cellNoiseSd = options.cellNoiseSd ?? 0.03;
  const untidy = options.untidiness ?? {};

  const siteIndex = indexOf(out.siteDictionary, site.site_id);
  const codeIndex = NHS_ETHNIC_CODES.map((c) => indexOf(out.categoryDictionary, c));
  const totalIndex = indexOf(out.categoryDictionary, TOTAL_CODE);
  const siteEffect = new Map(models.map((m) => [m.measure_id, normal(rng) * siteEffectSd]));
  const myStories = stories.filter((s) => s.siteId === site.site_id);
  const missing = new Set(untidy.missingPeriods ?? []);

  months.forEach((period, t) => {
    // Every month's random draws happen even for a missing month, so that dropping a month
    // does not change the numbers of the months after it.
    const monthOfYear = Number(period.slice(5, 7));
    const season = 1 + 0.04 * Math.cos(((monthOfYear - 9) / 12) * 2 * Math.PI);
    const births = poisson(rng, (site.annual_births / 12) * season);
    const shares = codeShares(site, site.within, t, months.length - 1);
    const birthsByCode = multinomial(
      rng,
      births,
      NHS_ETHNIC_CODES.map((c) => shares[c]),
    );
    const maternities = birthsByCode.map((b) => binomial(rng, b, 1 / BABIES_PER_MATERNITY));
    const booked = birthsByCode.map((b) => poisson(rng, b * BOOKINGS_PER_BIRTH));
    const stillbirths: number[] = NHS_ETHNIC_CODES.map(() => 0);

    const monthRows: Array<{ measure: string; code: number; numerator: number; denominator: number }> = [];
    for (const model of models) {
      const shared = normal(rng) * monthNoiseSd;
      const effect = siteEffect.get(model.measure_id) ?? 0;
      const story = myStories.find((s) => s.measureId === model.measure_id && period >= s.changePeriod);
      NHS_ETHNIC_CODES.forEach((code, c) => {
        const base = birthsByCode[c] ?? 0;
        const d = model.denominator;
        let denominator: number;
        if (d.from === 'live_births') denominator = base - (stillbirths[c] ?? 0);
        else if (d.from === 'booked_eligible_gdm')
          denominator = binomial(rng, booked[c] ?? 0, GDM_ELIGIBLE_SHARE[code]);
        else {
          const pool =
            d.from === 'births' ? base : d.from === 'maternities' ? (maternities[c] ?? 0) : (booked[c] ?? 0);
          denominator = d.fraction >= 1 ? pool : binomial(rng, pool, d.fraction);
        }
        let p = model.rate[LEVEL1_OF_CODE[code]] * (model.codeMultiplier?.[code] ?? 1);
        p = invLogit(logit(clamp(p)) + effect + shared + normal(rng) * cellNoiseSd);
        if (story?.codes.includes(code)) {
          p = story.effect.kind === 'absolute' ? p + story.effect.change : p * story.effect.factor;
        }
        const numerator = binomial(rng, denominator, clamp(p));
        if (model.measure_id === 'stillbirth_rate') stillbirths[c] = numerator;
        monthRows.push({ measure: model.measure_id, code: c, numerator, denominator });
      });
    }
    const mismatch = untidy.sumMismatch?.period === period ? untidy.sumMismatch.extraFraction : 0;
    const mismatchDraws = monthRows.map((r) =>
      mismatch > 0 ? [poisson(rng, r.denominator * mismatch), rng.next()] : [0, 0],
    );
    if (missing.has(period)) return;

    const resubmission = untidy.resubmission?.period === period ? untidy.resubmission : null;
    const versions = resubmission ? [1, 2] : [1];
    for (const version of versions) {
      const short = version === 1 && resubmission ? new Set(resubmission.measureIds) : new Set<string>();
      // Draws for the short first version come from a separate stream so that the correct
      // (final) numbers are the same whether or not the site resubmitted.
      const shortRng = createPrng(options.seed, `${site.site_id}|${period}|v1`);
      const emit = (measure: string, category: number, numerator: number, denominator: number) => {
        out.site.push(siteIndex);
        out.period.push(period);
        out.measure.push(indexOf(out.measureDictionary, measure));
        out.category.push(category);
        out.numerator.push(numerator);
        out.denominator.push(denominator);
        out.version.push(version);
      };
      let rowIndex = 0;
      for (const model of models) {
        let sumNum = 0;
        let sumDen = 0;
        let extraNum = 0;
        let extraDen = 0;
        NHS_ETHNIC_CODES.forEach((_, c) => {
          const row = monthRows[rowIndex];
          const draw = mismatchDraws[rowIndex];
          rowIndex++;
          if (!row || !draw) return;
          let { numerator, denominator } = row;
          if (short.has(model.measure_id) && resubmission) {
            denominator = binomial(shortRng, denominator, resubmission.keep);
            numerator = Math.min(denominator, binomial(shortRng, numerator, resubmission.keep));
          }
          sumNum += numerator;
          sumDen += denominator;
          const extra = draw[0] ?? 0;
          extraDen += extra;
          extraNum += Math.round(
            extra * (denominator > 0 ? numerator / denominator : 0) + ((draw[1] ?? 0) - 0.5),
          );
          emit(model.measure_id, codeIndex[c] ?? 0, numerator, denominator);
        });
        extraNum = Math.max(0, Math.min(extraNum, extraDen));
        emit(model.measure_id, totalIndex, sumNum + extraNum, sumDen + extraDen);
      }
      // Total-only measures. ethnicity_recorded: deliveries with a valid code A-S / all deliveries.
      for (const measure of options.totalOnlyMeasureIds) {
        if (measure !== 'ethnicity_recorded') continue;
        let recorded = 0;
        let all = 0;
        NHS_ETHNIC_CODES.forEach((code, c) => {
          const m = maternities[c] ?? 0;
          all += m;
          if (LEVEL1_OF_CODE[code] !== 'UNKNOWN') recorded += m;
        });
        emit(measure, totalIndex, recorded, all);
      }
    }
  });
}

/** Splits n into counts by probabilities (sequential conditional binomials; exact). */
function multinomial(
  rng: ReturnType<typeof createPrng>,
  n: number,
  probabilities: readonly number[],
): number[] {
  const counts: number[] = [];
  let remaining = n;
  let mass = 1;
  probabilities.forEach((p, i) => {
    if (i === probabilities.length - 1) {
      counts.push(remaining);
      return;
    }
    const k = mass > 0 ? binomial(rng, remaining, Math.min(1, p / mass)) : 0;
    counts.push(k);
    remaining -= k;
    mass -= p;
  });
  return counts;
}

function clamp(p: number): number {
  return Math.min(0.9995, Math.max(0.00005, p));
}

function indexOf(dictionary: string[], value: string): number {
  const i = dictionary.indexOf(value);
  if (i < 0) throw new Error(`"${value}" is not in the dictionary (${dictionary.slice(0, 5).join(', ')}...)`);
  return i;
}
