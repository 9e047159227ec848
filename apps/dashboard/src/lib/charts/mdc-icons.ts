import { mdcPointStyles, nhsColours } from './palette';
import type { MdcAssurance, MdcPointType } from './qi-stats-contract';

/** Which way is better for a measure (Making Data Count's "improvement direction"). */
export type ImprovementDirection = 'increase' | 'decrease' | 'neutral';

/** What an icon shows: the MDC letter, its colour, and words for everyone who cannot see it. */
export interface IconDescription {
  letter: string;
  colour: string;
  /** Short visible label, e.g. "Improvement (low)". */
  label: string;
  /** Full sentence for screen readers and tooltips. */
  description: string;
}

/**
 * The Making Data Count variation icon for a point type, as NHS England draws it:
 * blue for improvement, orange for concern, purple when there is no preferred
 * direction, grey for common cause; H or L says whether values are high or low
 * (dashboard-notes.md c.1). Whether improvement is "high" depends on the direction.
 */
export function variationIcon(type: MdcPointType, direction: ImprovementDirection): IconDescription {
  const high = 'H';
  const low = 'L';
  switch (type) {
    case 'special_cause_improvement': {
      const letter = direction === 'decrease' ? low : high;
      return {
        letter,
        colour: mdcPointStyles.special_cause_improvement.colour,
        label: `Improvement (${letter === high ? 'high' : 'low'})`,
        description: `Special cause variation of an improving nature: values are unusually ${letter === high ? 'high' : 'low'}.`,
      };
    }
    case 'special_cause_concern': {
      const letter = direction === 'decrease' ? high : low;
      return {
        letter,
        colour: mdcPointStyles.special_cause_concern.colour,
        label: `Concern (${letter === high ? 'high' : 'low'})`,
        description: `Special cause variation of a concerning nature: values are unusually ${letter === high ? 'high' : 'low'}.`,
      };
    }
    case 'special_cause_neutral_high':
    case 'special_cause_neutral_low': {
      const isHigh = type === 'special_cause_neutral_high';
      return {
        letter: isHigh ? high : low,
        colour: mdcPointStyles[type].colour,
        label: `Unusual (${isHigh ? 'high' : 'low'})`,
        description: `Special cause variation, neither improvement nor concern: values are unusually ${isHigh ? 'high' : 'low'}.`,
      };
    }
    default:
      return {
        letter: '~',
        colour: mdcPointStyles.common_cause.colour,
        label: 'Common cause',
        description: 'Common cause variation: no significant change.',
      };
  }
}

/** The Making Data Count assurance icon: will the process meet its target? */
export function assuranceIcon(assurance: MdcAssurance): IconDescription {
  switch (assurance) {
    case 'consistent_pass':
      return {
        letter: 'P',
        colour: mdcPointStyles.special_cause_improvement.colour,
        label: 'Consistently passing',
        description:
          'The process will consistently meet the target: it lies outside the limits on the good side.',
      };
    case 'consistent_fail':
      return {
        letter: 'F',
        colour: mdcPointStyles.special_cause_concern.colour,
        label: 'Consistently failing',
        description:
          'The process will consistently miss the target unless it changes: the target lies outside the limits on the bad side.',
      };
    default:
      return {
        letter: '?',
        colour: nhsColours.darkGrey,
        label: 'Hit and miss',
        description: 'The process will hit and miss the target: it lies within the process limits.',
      };
  }
}
