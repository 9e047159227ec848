// Worked examples of NHS England's Making Data Count team: "SPC Charts XmR
// Testing" — a checklist for matching the MDC Single Chart Tool v5.0 — and its
// per-point expected colours, "Test Data.csv" (MDC-DOC in
// shared/spec/spc-rules.md). Stored copy: NHSDigital/fdp-react-design-system,
// src/components/DataVisualisation/charts/SPC/SPCChart/test-data/
// {SPC-Charts-XmR-Testing.md, Test Data.csv} (commits 330ba8a, 813071a).
// Values and colours transcribed unchanged (dates dropped: consecutive days
// in January 2023). Colours: b blue (improvement), o orange (concern),
// p purple (neither), g grey (common cause).
// Unless a case says otherwise the improvement direction is high is good and
// shift and trend are 6 points (document preamble).

export interface MdcDocCase {
  metric: string;
  values: number[];
  colours: string;
}

export const MDC_DOC_CASES: MdcDocCase[] = [
  {
    metric: 'Number of points - 12',
    values: [30, 31, 25, 35, 34, 15, 21, 23, 30, 26, 26, 22],
    colours: 'gggggggggggg',
  },
  {
    metric: 'Number of points - 13',
    values: [30, 31, 25, 35, 34, 15, 21, 23, 30, 26, 26, 22, 25],
    colours: 'ggggggggggggg',
  },
  {
    metric: 'Process limits - 15',
    values: [20, 24, 20, 26, 22, 16, 18, 16, 31, 28, 34, 26, 30, 19, 18],
    colours: 'ggggggggggggggg',
  },
  { metric: 'Process limits - 10', values: [20, 24, 20, 26, 22, 16, 18, 16, 31, 28], colours: 'gggggggggg' },
  {
    metric: 'Special cause - High is good',
    values: [
      8, 27, 32, 26, 20, 21, 23, 21, 23, 22, 26, 23, 20, 20, 29, 28, 22, 23, 25, 26, 28, 29, 26, 24, 36, 29,
      35, 22, 30, 18,
    ],
    colours: 'ogggooooooggggggbbbbbbggbgbggg',
  },
  {
    metric: 'Special cause - Low is good',
    values: [
      8, 27, 32, 26, 20, 21, 23, 21, 23, 22, 26, 23, 20, 20, 29, 28, 22, 23, 25, 26, 28, 29, 26, 24, 36, 29,
      35, 22, 30, 18,
    ],
    colours: 'bgggbbbbbbggggggooooooggogoggg',
  },
  {
    metric: 'Special cause - Neither',
    values: [
      8, 27, 32, 26, 20, 21, 23, 21, 23, 22, 26, 23, 20, 20, 29, 28, 22, 23, 25, 26, 28, 29, 26, 24, 36, 29,
      35, 22, 30, 18,
    ],
    colours: 'pgggppppppggggggppppppggpgpggg',
  },
  {
    metric: 'Special cause - single point - ends',
    values: [45, 29, 20, 22, 25, 20, 27, 24, 22, 23, 20, 26, 20, 15, 5],
    colours: 'bgggggggggggggo',
  },
  {
    metric: 'Special cause - single point - middle',
    values: [29, 32, 35, 45, 43, 23, 18, 20, 16, 7, 28, 26, 22, 19, 20],
    colours: 'gggbbggggoggggg',
  },
  {
    metric: 'Special cause - shift - ends',
    values: [31, 35, 34, 29, 29, 32, 26, 26, 32, 35, 30, 18, 31, 25, 27, 22, 18, 25, 25, 17],
    colours: 'bbbbbbgggggggooooooo',
  },
  {
    metric: 'Special cause - shift - middle',
    values: [31, 22, 19, 21, 18, 18, 22, 22, 29, 25, 23, 26, 31, 26, 28, 29, 32, 24, 31, 22],
    colours: 'gooooooogggbbbbbbggg',
  },
  {
    metric: 'Special cause - trend - no pauses',
    values: [11, 14, 18, 20, 22, 23, 18, 21, 17, 23, 26, 20, 16, 25, 23, 22, 19, 16, 15, 12],
    colours: 'bbbbbbgggggggooooooo',
  },
  {
    metric: 'Special cause - trend - pauses',
    values: [23, 30, 28, 25, 25, 20, 18, 24, 16, 13, 14, 18, 18, 24, 26, 29, 19, 20, 28, 16],
    colours: 'gggggggggggggggggggg',
  },
  {
    metric: 'Special cause - two-sigma - 1',
    values: [42, 40, 39, 26, 39, 24, 22, 29, 32, 22, 20, 23, 25, 26, 22, 24, 27, 7, 19, 24, 7, 7, 32],
    colours: 'bbbgbgggggggggggggggoog',
  },
  {
    metric: 'Special cause - two-sigma - 2',
    values: [42, 40, 39, 26, 39, 24, 22, 29, 32, 22, 20, 23, 25, 26, 22, 24, 27, 7, 19, 24, 7, 2, 32],
    colours: 'bbbgbggggggggggggggggog',
  },
  {
    metric: 'Special cause - two-sigma - 3',
    values: [42, 40, 39, 24, 39, 24, 22, 29, 32, 22, 20, 23, 25, 26, 22, 24, 27, 7, 19, 26, 7, 7, 32],
    colours: 'bbbgggggggggggggggggggg',
  },
  {
    metric: 'Special cause conflict - High is good',
    values: [43, 41, 37, 36, 31, 23, 15, 13, 15, 18, 23, 27, 31, 36, 27, 19, 17, 27, 15, 22],
    colours: 'bbbbooobbbbbbbbggggg',
  },
  {
    metric: 'Special cause conflict - Low is good',
    values: [43, 41, 37, 36, 31, 23, 15, 13, 15, 18, 23, 27, 31, 36, 27, 19, 17, 27, 15, 22],
    colours: 'bbbbbbbbbbbooogggggg',
  },
  {
    metric: 'Recalculations',
    values: [
      16, 24, 22, 19, 19, 18, 24, 25, 18, 17, 16, 25, 15, 23, 19, 35, 32, 35, 31, 27, 33, 28, 38, 35, 30, 28,
      29, 27, 24, 23,
    ],
    colours: 'ooooooooooooooobbbbbbbbbbbbbgg',
  },
  {
    metric: 'Recalculations - Recalculated',
    values: [
      16, 24, 22, 19, 19, 18, 24, 25, 18, 17, 16, 25, 15, 23, 19, 35, 32, 35, 31, 27, 33, 28, 38, 35, 30, 28,
      29, 27, 24, 23,
    ],
    colours: 'ggggggggggggggggggggggggoooooo',
  },
  {
    metric: 'Baselines',
    values: [
      16, 24, 22, 19, 19, 18, 24, 25, 18, 17, 16, 25, 15, 23, 19, 35, 32, 35, 31, 27, 33, 28, 38, 35, 30, 28,
      29, 27, 24, 23,
    ],
    colours: 'ooooooooooooooobbbbbbbbbbbbbgg',
  },
  {
    metric: 'Baselines - Recalculated',
    values: [
      16, 24, 22, 19, 19, 18, 24, 25, 18, 17, 16, 25, 15, 23, 19, 35, 32, 35, 31, 27, 33, 28, 38, 35, 30, 28,
      29, 27, 24, 23,
    ],
    colours: 'gggggggggggggggbbbbbbbbbbbbbbb',
  },
  {
    metric: 'Special cause crossing recalculations - shift',
    values: [
      28, 23, 26, 21, 23, 25, 24, 29, 30, 27, 25, 30, 27, 24, 19, 22, 28, 28, 29, 33, 28, 30, 31, 30, 26, 27,
      34, 30, 32, 35,
    ],
    colours: 'gggggggggggggooooooggggggggggg',
  },
  {
    metric: 'Special cause crossing recalculations - trend',
    values: [
      28, 23, 26, 21, 23, 25, 24, 29, 30, 27, 25, 30, 27, 26, 19, 22, 26, 28, 29, 33, 28, 30, 31, 30, 26, 27,
      34, 30, 32, 35,
    ],
    colours: 'ggggggggggggggbbbbbbgggggggggg',
  },
  {
    metric: 'Special cause crossing recalculations - two-sigma',
    values: [
      28, 23, 26, 21, 23, 25, 24, 29, 30, 27, 25, 30, 27, 24, 19, 22, 32, 28, 29, 33, 28, 30, 31, 30, 26, 27,
      34, 30, 32, 35,
    ],
    colours: 'ggggggggggggggoogggggggggggggg',
  },
  {
    metric: 'Summary icons - assurance - high is good',
    values: [
      16, 24, 22, 19, 19, 18, 24, 25, 18, 17, 16, 25, 15, 23, 19, 35, 32, 35, 31, 27, 33, 28, 38, 35, 30, 28,
      29, 27, 24, 23,
    ],
    colours: 'ooooooooooooooobbbbbbbbbbbbbgg',
  },
  {
    metric: 'Summary icons - assurance - low is good',
    values: [
      16, 24, 22, 19, 19, 18, 24, 25, 18, 17, 16, 25, 15, 23, 19, 35, 32, 35, 31, 27, 33, 28, 38, 35, 30, 28,
      29, 27, 24, 23,
    ],
    colours: 'bbbbbbbbbbbbbbbooooooooooooogg',
  },
  {
    metric: 'Summary icons - variation - High is good',
    values: [16, 20, 22, 18, 21, 18, 26, 28, 24, 26, 19, 18, 25, 32, 43, 28, 22, 45],
    colours: 'ooooooggggggggbggb',
  },
  {
    metric: 'Summary icons - variation - Low is good',
    values: [16, 20, 22, 18, 21, 18, 26, 28, 24, 26, 19, 18, 25, 32, 43, 28, 22, 45],
    colours: 'bbbbbbggggggggoggo',
  },
  {
    metric: 'Summary icons - variation - High is good 2',
    values: [16, 20, 22, 18, 21, 18, 26, 28, 24, 26, 19, 18, 25, 32, 43, 28, 22, 25],
    colours: 'ooooooggggggggbggg',
  },
  {
    metric: 'Summary icons - variation - High is good 3',
    values: [16, 20, 22, 18, 21, 18, 26, 28, 24, 26, 19, 18, 25, 32, 43, 28, 22, 5],
    colours: 'ooooooggggggggbggo',
  },
  {
    metric: 'Summary icons - variation - Low is good 3',
    values: [16, 20, 22, 18, 21, 18, 26, 28, 24, 26, 19, 18, 25, 32, 43, 28, 22, 5],
    colours: 'bbbbbbggggggggoggb',
  },
  {
    metric: 'Summary icons - variation - Neither',
    values: [16, 20, 22, 18, 21, 18, 26, 28, 24, 26, 19, 18, 25, 32, 43, 28, 22, 45],
    colours: 'ppppppggggggggpggp',
  },
  {
    metric: 'Summary icons - variation - Too few points',
    values: [16, 20, 22, 18, 21, 18, 26, 28, 24, 26],
    colours: 'gggggggggg',
  },
  {
    metric: 'Summary icons - variation - Neither2',
    values: [16, 20, 22, 18, 21, 18, 26, 28, 24, 26, 19, 18, 25, 32, 43, 28, 22, 25],
    colours: 'ppppppggggggggpggg',
  },
];

/** The case named `metric`; throws so a typo fails loudly. */
export function mdcDocCase(metric: string): MdcDocCase {
  const found = MDC_DOC_CASES.find((c) => c.metric === metric);
  if (found === undefined) throw new Error(`no MDC-DOC case ${metric}`);
  return found;
}
