import type { MdcPointType, MdcVariationIcon } from './types.js';

/**
 * The MDC variation icon for a chart: read from its last point alone,
 * whatever the recalculations or baseline (MDC-DOC "Summary icons –
 * variation"; NHSRplotthedots `summary()` `variation_type`). A special cause
 * icon also says high or low: the side the last point's special cause points
 * to (`side`, 1 high or −1 low).
 *
 * @example
 * variationIcon('special_cause_concern', -1); // 'concern_low'
 * variationIcon('common_cause', 0); // 'common_cause'
 */
export function variationIcon(pointType: MdcPointType, side: number): MdcVariationIcon {
  const highOrLow = side > 0 ? 'high' : 'low';
  switch (pointType) {
    case 'common_cause':
      return 'common_cause';
    case 'special_cause_improvement':
      return `improvement_${highOrLow}`;
    case 'special_cause_concern':
      return `concern_${highOrLow}`;
    case 'special_cause_neutral_high':
      return 'neither_high';
    case 'special_cause_neutral_low':
      return 'neither_low';
  }
}
