/**
 * Colours for charts. NHS identity colours (NHS.UK frontend) for structure, and
 * Making Data Count meanings for points, in tones that pass WCAG 2.1 SC 1.4.11
 * (3:1 against white for graphics needed to understand the chart). MDC's own
 * point colours fail it (improvement #00B0F0 2.48:1, common cause #A6A6A6 2.43:1;
 * dashboard-notes.md c.1), so each is darkened within its hue, and every meaning
 * also has its own shape, so colour is never the only cue (SC 1.4.1).
 */
export const nhsColours = {
  blue: '#005EB8',
  darkBlue: '#003087',
  black: '#212B32',
  darkGrey: '#425563',
  midGrey: '#768692',
  paleGrey: '#E8EDEE',
  grey5: '#F0F4F5',
  white: '#FFFFFF',
  red: '#D5281B',
  warmYellow: '#FFB81C',
  green: '#007F3B',
  purple: '#330072',
  pink: '#AE2573',
} as const;

/** Making Data Count point meanings → colour (accessible tone) and shape. */
export const mdcPointStyles = {
  common_cause: { colour: '#6B7780', symbol: 'circle', label: 'Common cause variation' },
  special_cause_improvement: { colour: '#0069B4', symbol: 'triangle', label: 'Special cause: improvement' },
  special_cause_concern: { colour: '#B35200', symbol: 'square', label: 'Special cause: concern' },
  special_cause_neutral_high: {
    colour: '#490092',
    symbol: 'diamond',
    label: 'Special cause: neither (high)',
  },
  special_cause_neutral_low: { colour: '#490092', symbol: 'diamond', label: 'Special cause: neither (low)' },
} as const;

/** Run and Shewhart chart points: common cause, and points beyond the 3-sigma limits. */
export const controlPointStyles = {
  common: { colour: '#425563', symbol: 'circle', label: 'Observation' },
  sigmaSignal: { colour: '#C01F14', symbol: 'diamond', label: 'Outside the control limits' },
} as const;

/** Lines: centre line, process limits, target, annotations. */
export const lineColours = {
  centre: nhsColours.darkGrey,
  centreSignal: '#C01F14',
  limits: nhsColours.midGrey,
  target: nhsColours.red,
  annotation: nhsColours.darkBlue,
} as const;

/** WCAG relative luminance of a #RRGGBB colour. */
export function relativeLuminance(hex: string): number {
  const channel = (index: number) => {
    const value = Number.parseInt(hex.slice(1 + 2 * index, 3 + 2 * index), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG contrast ratio between two #RRGGBB colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}
