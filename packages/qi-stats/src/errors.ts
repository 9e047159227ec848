/**
 * The one error type qi-stats throws for bad input. It names the input
 * field, the 1-based position (where one point is at fault) and the rule
 * broken, so that a caller can point an analyst at the exact cell.
 *
 * @example
 * try {
 *   controlChart({ chart: 'p', y: [5, 12], n: [10, 10] });
 * } catch (error) {
 *   if (error instanceof QiStatsInputError) {
 *     error.field;    // 'y'
 *     error.position; // 2
 *     error.rule;     // 'count-exceeds-denominator'
 *   }
 * }
 */
export class QiStatsInputError extends Error {
  /** The input property at fault, e.g. 'y', 'n', 'part'. */
  readonly field: string;
  /** 1-based position of the offending value, or null when the whole input is at fault. */
  readonly position: number | null;
  /** A stable, machine-readable name of the rule broken, e.g. 'negative-count'. */
  readonly rule: string;
  /** The offending value, when there is one. */
  readonly value: unknown;

  constructor(details: {
    field: string;
    position?: number | null;
    rule: string;
    value?: unknown;
    message: string;
  }) {
    const where = details.position == null ? details.field : `${details.field}[${details.position}]`;
    super(`${where}: ${details.message} (rule: ${details.rule})`);
    this.name = 'QiStatsInputError';
    this.field = details.field;
    this.position = details.position ?? null;
    this.rule = details.rule;
    this.value = details.value;
  }
}
