// Disclosure control for published counts: NHS Digital's rule for
// maternity statistics with secondary suppression.

export {
  type PublishedDisparityGroup,
  type PublishedDisparityTable,
  publishDisparityTable,
} from './publish-disparity-table.js';
export { NHS_MATERNITY_RULE, type SuppressionRule } from './rule.js';
export { secondarySuppression } from './secondary-suppression.js';
export {
  type CellStatus,
  type CountTable,
  type PublishedCell,
  type SuppressedTable,
  suppress,
} from './suppress.js';
