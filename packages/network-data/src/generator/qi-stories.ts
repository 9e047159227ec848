import type { NhsEthnicCode } from '../schema/ethnic-category.js';
import type { Period } from '../schema/period.js';
import { addMonths } from '../schema/period.js';
import type { Aim, Annotation, ChangeIdea, PdsaCycle } from '../schema/qi-activity.js';

/**
 * One improvement story of the synthetic network: a site works on a measure for some ethnic
 * groups, tests change ideas in PDSA cycles, adopts one, and from that month the underlying
 * rate steps by `effect`. The step is sized so that, at the site's numbers, a run-chart shift
 * (6+ points on one side of the median, Anhøj/IHI) and a Making Data Count run of 7 fire within
 * months of the change (data-model.md §6.4).
 */
export interface ImprovementStory {
  aimId: string;
  siteId: string;
  measureId: string;
  /** NHS codes whose rate changes; the aim names them through `groupLabel`. */
  codes: readonly NhsEthnicCode[];
  groupLabel: string;
  /** First month the adopted change is in place. */
  changePeriod: Period;
  /** Absolute change in probability (+0.12 = +12 points) or a relative factor (0.75 = -25%). */
  effect: { kind: 'absolute'; change: number } | { kind: 'relative'; factor: number };
  statement: string;
  baselineValue: number;
  targetValue: number;
  targetPeriod: Period;
  primaryDriver: string;
  changeIdea: string;
  /** Cycles before the adopted one (tests that were adapted or abandoned), then the adopted one. */
  cycles: ReadonlyArray<{ plan: string; study: string; act: 'adapt' | 'adopt' | 'abandon' }>;
}

const ALL_CODES: readonly NhsEthnicCode[] = [
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'J',
  'K',
  'L',
  'M',
  'N',
  'P',
  'R',
  'S',
  'Z',
  '99',
];
const BLACK: readonly NhsEthnicCode[] = ['M', 'N', 'P'];
const ASIAN: readonly NhsEthnicCode[] = ['H', 'J', 'K', 'L'];
const MIXED: readonly NhsEthnicCode[] = ['D', 'E', 'F', 'G'];

/** The improvement stories of the demo network (fictional; the changes are ones LAN teams have tried). */
export const DEMO_STORIES: readonly ImprovementStory[] = [
  {
    aimId: 'AIM-B1',
    siteId: 'S2',
    measureId: 'booking_by_10wk',
    codes: BLACK,
    groupLabel: 'BLACK',
    changePeriod: '2024-01',
    effect: { kind: 'absolute', change: 0.13 },
    statement:
      'Increase the share of Black women booked by 10 weeks at Site B from 48% to 65% by March 2026.',
    baselineValue: 48,
    targetValue: 65,
    targetPeriod: '2026-03',
    primaryDriver: 'Women know how and when to self-refer',
    changeIdea:
      'Self-referral QR code and community midwife drop-ins with African and Caribbean community groups',
    cycles: [
      {
        plan: 'Test a self-referral QR code poster at one GP surgery for two weeks.',
        study: 'Two self-referrals; women said the poster was not seen.',
        act: 'adapt',
      },
      {
        plan: 'Add drop-ins at two community venues with a community link worker.',
        study: 'Eleven early self-referrals in a month; staff time acceptable.',
        act: 'adapt',
      },
      {
        plan: 'Run drop-ins weekly at four venues and add the QR code to pharmacy bags.',
        study: 'Early bookings rose in the run chart; adopted as standard work.',
        act: 'adopt',
      },
    ],
  },
  {
    aimId: 'AIM-A1',
    siteId: 'S1',
    measureId: 'booking_by_10wk',
    codes: ['K', 'L'],
    groupLabel: 'BANGLADESHI;OTHER_ASIAN',
    changePeriod: '2023-10',
    effect: { kind: 'absolute', change: 0.12 },
    statement:
      'Increase booking by 10 weeks for Bangladeshi and other Asian women at Site A to 70% by March 2025.',
    baselineValue: 55,
    targetValue: 70,
    targetPeriod: '2025-03',
    primaryDriver: 'Referral reaches the maternity service quickly',
    changeIdea:
      'Sylheti-speaking maternity support worker phones every woman referred by her GP within 2 days',
    cycles: [
      {
        plan: 'Phone ten referrals in one week.',
        study: 'Eight reached; three brought forward their booking.',
        act: 'adapt',
      },
      {
        plan: 'Phone all referrals from the two largest practices for a month.',
        study: 'Median referral-to-booking time fell from 19 to 9 days.',
        act: 'adopt',
      },
    ],
  },
  {
    aimId: 'AIM-D1',
    siteId: 'S4',
    measureId: 'pph_1500',
    codes: ALL_CODES,
    groupLabel: 'ALL',
    changePeriod: '2023-07',
    effect: { kind: 'relative', factor: 0.75 },
    statement: 'Reduce PPH of 1500 ml or more at Site D by 20% by July 2024, and close the Black-White gap.',
    baselineValue: 30,
    targetValue: 24,
    targetPeriod: '2024-07',
    primaryDriver: 'Early recognition and escalation of bleeding',
    changeIdea:
      'Quantitative blood loss measurement and a PPH risk assessment on admission (OBS Cymru approach)',
    cycles: [
      {
        plan: 'Weigh swabs and drapes for every birth on one shift for a week.',
        study: 'Estimated and measured loss differed by 300 ml on average.',
        act: 'adapt',
      },
      {
        plan: 'Quantitative blood loss on the labour ward with a prompt card; risk assessment on admission.',
        study: 'Escalation at 1000 ml happened in 9 of 10 cases.',
        act: 'adopt',
      },
    ],
  },
  {
    aimId: 'AIM-D2',
    siteId: 'S4',
    measureId: 'pph_risk_assessed',
    codes: ALL_CODES,
    groupLabel: 'ALL',
    changePeriod: '2023-07',
    effect: { kind: 'absolute', change: 0.1 },
    statement: 'Document a PPH risk assessment for 95% of women on admission at Site D by July 2024.',
    baselineValue: 85,
    targetValue: 95,
    targetPeriod: '2024-07',
    primaryDriver: 'Early recognition and escalation of bleeding',
    changeIdea: 'PPH risk assessment built into the admission template of the maternity record',
    cycles: [
      {
        plan: 'Add a mandatory risk field to the admission template on one ward.',
        study: 'Completion 97% after two weeks.',
        act: 'adopt',
      },
    ],
  },
  {
    aimId: 'AIM-C1',
    siteId: 'S3',
    measureId: 'gdm_ogtt_by_28wk',
    codes: ASIAN,
    groupLabel: 'ASIAN',
    changePeriod: '2024-04',
    effect: { kind: 'absolute', change: 0.13 },
    statement: 'Complete an OGTT by 28 weeks for 90% of eligible South Asian women at Site C by March 2026.',
    baselineValue: 75,
    targetValue: 90,
    targetPeriod: '2026-03',
    primaryDriver: 'Screening is easy to attend',
    changeIdea: 'OGTT booked at the booking appointment with Urdu and Punjabi text reminders',
    cycles: [
      {
        plan: 'Book the OGTT at booking for one clinic for a month.',
        study: 'Did-not-attend rate fell from 22% to 12%.',
        act: 'adapt',
      },
      {
        plan: 'Add translated text reminders 3 days and 1 day before.',
        study: 'Did-not-attend rate 7%; adopted across clinics.',
        act: 'adopt',
      },
    ],
  },
  {
    aimId: 'AIM-F1',
    siteId: 'S6',
    measureId: 'mh_asked_at_booking',
    codes: [...ASIAN, ...BLACK, 'R', 'S'],
    groupLabel: 'ASIAN;BLACK;OTHER',
    changePeriod: '2024-01',
    effect: { kind: 'absolute', change: 0.1 },
    statement:
      'Ask every woman about her mental health at booking at Site F, with no gap between ethnic groups, by December 2024.',
    baselineValue: 85,
    targetValue: 95,
    targetPeriod: '2024-12',
    primaryDriver: 'Women can talk in the language they are most comfortable in',
    changeIdea: 'Professional interpreter booked in advance for every booking appointment that needs one',
    cycles: [
      {
        plan: 'Flag interpreter need on the referral form at one hub.',
        study: 'Need was flagged for 80% of women who needed one.',
        act: 'adapt',
      },
      {
        plan: 'Book interpreters from the referral flag at all hubs.',
        study: 'Mental health enquiry recorded for 95% of women with an interpreter.',
        act: 'adopt',
      },
    ],
  },
  {
    aimId: 'AIM-G1',
    siteId: 'S7',
    measureId: 'coc_by_28wk',
    codes: [...BLACK, ...MIXED],
    groupLabel: 'BLACK;MIXED',
    changePeriod: '2023-10',
    effect: { kind: 'absolute', change: 0.25 },
    statement:
      'Place 50% of Black and mixed-ethnicity women on a continuity-of-carer pathway by 28 weeks at Site G by March 2025.',
    baselineValue: 24,
    targetValue: 50,
    targetPeriod: '2025-03',
    primaryDriver: 'Continuity teams are where women live',
    changeIdea: 'A targeted continuity team based in the two most diverse neighbourhoods',
    cycles: [
      {
        plan: "Offer continuity to women booking at one children's centre.",
        study: 'Uptake 60%; caseload within limits.',
        act: 'adapt',
      },
      {
        plan: 'Team of six midwives covering two neighbourhoods.',
        study: 'Pathway placement rose; adopted.',
        act: 'adopt',
      },
    ],
  },
];

/** The QI tables the dashboard shows beside the charts. */
export interface QiTables {
  aims: Aim[];
  changeIdeas: ChangeIdea[];
  pdsaCycles: PdsaCycle[];
  annotations: Annotation[];
}

/**
 * Turns improvement stories into the aims, change ideas, PDSA cycles and chart annotations
 * tables. Cycles run two months each, the last (adopted) one ending the month before the change
 * goes live; each cycle and each adoption is annotated on the chart.
 *
 * @example
 * ```ts
 * const tables = qiTablesFromStories(DEMO_STORIES.slice(0, 1));
 * tables.pdsaCycles.map((c) => [c.start_period, c.act]);
 * // => [['2023-07', 'adapt'], ['2023-09', 'adapt'], ['2023-11', 'adopt']]
 * tables.annotations.at(-1).period; // => '2024-01'
 * ```
 */
export function qiTablesFromStories(stories: readonly ImprovementStory[]): QiTables {
  const tables: QiTables = { aims: [], changeIdeas: [], pdsaCycles: [], annotations: [] };
  for (const story of stories) {
    tables.aims.push({
      aim_id: story.aimId,
      site_id: story.siteId,
      measure_id: story.measureId,
      ethnic_groups: story.groupLabel,
      statement: story.statement,
      baseline_value: story.baselineValue,
      target_value: story.targetValue,
      target_period: story.targetPeriod,
    });
    const changeIdeaId = `${story.aimId}-CI1`;
    tables.changeIdeas.push({
      change_idea_id: changeIdeaId,
      aim_id: story.aimId,
      primary_driver: story.primaryDriver,
      title: story.changeIdea,
    });
    const n = story.cycles.length;
    story.cycles.forEach((cycle, i) => {
      const start = addMonths(story.changePeriod, -2 * (n - i));
      const pdsaId = `${changeIdeaId}-P${i + 1}`;
      tables.pdsaCycles.push({
        pdsa_id: pdsaId,
        change_idea_id: changeIdeaId,
        cycle: i + 1,
        start_period: start,
        end_period: addMonths(start, 1),
        plan: cycle.plan,
        study: cycle.study,
        act: cycle.act,
      });
      tables.annotations.push({
        annotation_id: `ANN-${pdsaId}`,
        site_id: story.siteId,
        period: start,
        measure_id: story.measureId,
        ethnic_groups: story.groupLabel,
        kind: 'pdsa',
        text: `PDSA ${i + 1}: ${cycle.plan}`,
      });
    });
    tables.annotations.push({
      annotation_id: `ANN-${story.aimId}-CHANGE`,
      site_id: story.siteId,
      period: story.changePeriod,
      measure_id: story.measureId,
      ethnic_groups: story.groupLabel,
      kind: 'change_idea',
      text: `Change adopted: ${story.changeIdea}`,
    });
  }
  return tables;
}
