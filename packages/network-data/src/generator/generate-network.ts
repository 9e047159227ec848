import type { ReferenceTables } from '../loaders/reference-tables.js';
import { NHS_ETHNIC_CODES, TOTAL_CODE } from '../schema/ethnic-category.js';
import type { Period } from '../schema/period.js';
import { addMonths, monthRange } from '../schema/period.js';
import type { Annotation } from '../schema/qi-activity.js';
import { MEASURE_MODELS } from './base-rates.js';
import type { WithinGroupShares } from './ethnic-mix.js';
import { DEFAULT_WITHIN_GROUP, LONDON_WHITE } from './ethnic-mix.js';
import type { ImprovementStory, QiTables } from './qi-stories.js';
import { DEMO_STORIES, qiTablesFromStories } from './qi-stories.js';
import type { SiteModel, SiteUntidiness } from './simulate-site.js';
import { simulateSite } from './simulate-site.js';
import type { SubmissionColumns } from './submission-columns.js';
import { emptySubmissionColumns } from './submission-columns.js';

/** One line per (site, month, version) received: the audit trail of submissions. */
export interface SubmissionLogEntry {
  site_id: string;
  period: Period;
  version: number;
  submitted_on: string;
  note: string | null;
}

export interface DemoNetwork {
  submissions: SubmissionColumns;
  submissionLog: SubmissionLogEntry[];
  qi: QiTables;
  months: Period[];
}

export interface DemoNetworkOptions {
  seed?: number;
  firstPeriod?: Period;
  months?: number;
  stories?: readonly ImprovementStory[];
  untidiness?: Readonly<Record<string, SiteUntidiness>>;
}

/** Default seed of the committed demo dataset. */
export const DEMO_SEED = 20240124; // the LAN's launch date, 24 Jan 2024

/** Measures whose counts come from the booking cohort (short in the demo's first, faulty extract). */
const BOOKING_MEASURES = [
  'booking_by_10wk',
  'smoking_at_booking',
  'coc_by_28wk',
  'gdm_ogtt_by_28wk',
  'mh_asked_at_booking',
];

/** The demo network's untidiness (data-model.md §6.5). */
export const DEMO_UNTIDINESS: Readonly<Record<string, SiteUntidiness>> = {
  S5: { missingPeriods: ['2024-08'] },
  S4: { resubmission: { period: '2025-01', measureIds: BOOKING_MEASURES, keep: 0.7 } },
  S3: { sumMismatch: { period: '2024-02', extraFraction: 0.03 } },
};

/**
 * Within-group ethnic shares per demo site [assumption]: Site A's Asian population is mostly
 * Bangladeshi (east London; Census 2021 Tower Hamlets), Site C's mostly Pakistani (Bradford,
 * data-model.md §6.1), and the London site has London's White mix.
 */
const SITE_WITHIN: Readonly<Record<string, Partial<WithinGroupShares>>> = {
  S1: { ...LONDON_WHITE, H: 0.15, J: 0.15, K: 0.45, L: 0.25 },
  S3: { H: 0.1, J: 0.7, K: 0.08, L: 0.12 },
};

/**
 * Generates the synthetic network: 48 months (April 2022 to March 2026 by default) x every
 * site x every simulated measure x the 18 NHS ethnic codes and ALL, with improvement stories
 * and untidiness, plus the submission log and the QI tables (aims, change ideas, PDSA cycles,
 * annotations). Deterministic: the same reference tables and seed give the same numbers.
 *
 * @example
 * ```ts
 * const tables = {
 *   regions: [], ethnicCategories: [],
 *   sites: [{ site_id: 'S1', display_name: 'Site A (London)', region_code: 'Y56', annual_births: 6000, pct_white: 40,
 *             pct_asian: 30, pct_black: 15, pct_mixed: 5, pct_other: 5, pct_unknown: 5, is_demo: true }],
 *   measures: [{ measure_id: 'caesarean_rate', by_ethnic_group: true, default_chart: 'p' }],
 * };
 * const network = generateDemoNetwork(tables, { months: 2, stories: [], untidiness: {} });
 * network.submissions.site.length; // => 2 * 19
 * network.months; // => ['2022-04', '2022-05']
 * ```
 */
export function generateDemoNetwork(
  tables: Pick<ReferenceTables, 'sites' | 'measures'> & Partial<ReferenceTables>,
  options: DemoNetworkOptions = {},
): DemoNetwork {
  const seed = options.seed ?? DEMO_SEED;
  const months = monthRange(
    options.firstPeriod ?? '2022-04',
    addMonths(options.firstPeriod ?? '2022-04', (options.months ?? 48) - 1),
  );
  const stories = options.stories ?? DEMO_STORIES;
  const untidiness = options.untidiness ?? DEMO_UNTIDINESS;
  const simulated = tables.measures.filter((m) => m.default_chart !== 'none');
  const models = MEASURE_MODELS.filter((model) => simulated.some((m) => m.measure_id === model.measure_id));
  const totalOnly = simulated.filter((m) => !m.by_ethnic_group).map((m) => m.measure_id);
  const measureIds = [...models.map((m) => m.measure_id), ...totalOnly];

  const submissions = emptySubmissionColumns(
    tables.sites.map((s) => s.site_id),
    measureIds,
    [...NHS_ETHNIC_CODES, TOTAL_CODE],
  );
  const submissionLog: SubmissionLogEntry[] = [];
  const dataIssues: Annotation[] = [];
  for (const site of tables.sites) {
    const model: SiteModel = { ...site, within: { ...DEFAULT_WITHIN_GROUP, ...SITE_WITHIN[site.site_id] } };
    const untidy = untidiness[site.site_id];
    simulateSite(submissions, {
      seed,
      site: model,
      months,
      models,
      totalOnlyMeasureIds: totalOnly,
      stories,
      ...(untidy ? { untidiness: untidy } : {}),
    });
    for (const period of months) {
      if (untidy?.missingPeriods?.includes(period)) continue;
      submissionLog.push({
        site_id: site.site_id,
        period,
        version: 1,
        submitted_on: `${addMonths(period, 1)}-12`,
        note: null,
      });
      if (untidy?.resubmission?.period === period) {
        submissionLog.push({
          site_id: site.site_id,
          period,
          version: 2,
          submitted_on: `${addMonths(period, 2)}-03`,
          note: 'Resubmitted: bookings from one community clinic were missing from the first extract.',
        });
      }
    }
    for (const period of untidy?.missingPeriods ?? []) {
      dataIssues.push({
        annotation_id: `DQ-${site.site_id}-${period}-missing`,
        site_id: site.site_id,
        period,
        measure_id: null,
        ethnic_groups: null,
        kind: 'data_issue',
        text: 'No submission received for this month (maternity system migration).',
      });
    }
    if (untidy?.resubmission) {
      dataIssues.push({
        annotation_id: `DQ-${site.site_id}-${untidy.resubmission.period}-resubmitted`,
        site_id: site.site_id,
        period: untidy.resubmission.period,
        measure_id: null,
        ethnic_groups: null,
        kind: 'data_issue',
        text: 'Month resubmitted (version 2): booking-cohort counts were short in the first extract.',
      });
    }
    if (untidy?.sumMismatch) {
      dataIssues.push({
        annotation_id: `DQ-${site.site_id}-${untidy.sumMismatch.period}-sum`,
        site_id: site.site_id,
        period: untidy.sumMismatch.period,
        measure_id: null,
        ethnic_groups: null,
        kind: 'data_issue',
        text: 'Site totals (ALL) exceed the sum of ethnic categories: some records did not link to the ethnicity extract.',
      });
    }
  }
  const qi = qiTablesFromStories(
    stories.filter((s) => tables.sites.some((site) => site.site_id === s.siteId)),
  );
  qi.annotations.push(...dataIssues);
  qi.annotations.sort((a, b) => a.site_id.localeCompare(b.site_id) || a.period.localeCompare(b.period));
  return { submissions, submissionLog, qi, months };
}
