import type { DataProblem } from '@maternity-qi/network-data';

// A cell a spreadsheet would run as a formula: =, @, or + / - followed by something that is not
// a plain number (“-5” is a negative count and keeps the validator's own message).
const FORMULA = /^\s*(?:[=@]|[+-](?!\s*\d+(?:\.\d+)?\s*$))/;

/**
 * Whether a cell looks like a spreadsheet formula rather than a value.
 *
 * @example
 * ```ts
 * looksLikeFormula('=SUM(B2:B9)'); // => true
 * looksLikeFormula('+A1'); // => true
 * looksLikeFormula('-5'); // => false
 * looksLikeFormula('42'); // => false
 * ```
 */
export function looksLikeFormula(value: string | null): boolean {
  return value !== null && FORMULA.test(value);
}

/**
 * Rewrites a validation error about a cell holding a spreadsheet formula (`=SUM(...)`,
 * `+A1`, `@cmd`) so the person learns why it was refused and how to fix the file: such cells
 * are never stored (they fail as not a whole number, unknown code...), and formulas are
 * dangerous in shared CSV files (OWASP, “CSV Injection”). Other problems pass unchanged.
 *
 * @example
 * ```ts
 * explainFormulaCell({ severity: 'error', row: 7, column: 'numerator', value: '=B7*2', rule: 'not_integer', message: 'Line 7: numerator "=B7*2" is not a whole number.' }).message;
 * // => 'Line 7: numerator "=B7*2" is a spreadsheet formula, not a value. Formulas are refused (they can run when someone opens the file): in Excel copy the cells and use Paste Special → Values, then save as CSV UTF-8.'
 * ```
 */
export function explainFormulaCell(
  problem: DataProblem,
): DataProblem | (Omit<DataProblem, 'rule'> & { rule: 'spreadsheet_formula' }) {
  if (problem.severity !== 'error' || problem.column === null || !looksLikeFormula(problem.value))
    return problem;
  return {
    ...problem,
    rule: 'spreadsheet_formula',
    message: `Line ${problem.row}: ${problem.column} "${(problem.value ?? '').trim().slice(0, 60)}" is a spreadsheet formula, not a value. Formulas are refused (they can run when someone opens the file): in Excel copy the cells and use Paste Special → Values, then save as CSV UTF-8.`,
  };
}
