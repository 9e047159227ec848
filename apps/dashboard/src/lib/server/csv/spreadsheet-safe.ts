// Characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (or, for
// tab and carriage return, that some of them strip before doing so). OWASP "CSV Injection".
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Makes one exported cell safe to open in a spreadsheet: a value that starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return gets a leading `'`, so the spreadsheet shows it as
 * text instead of running it as a formula (OWASP, "CSV Injection"). Other values are unchanged.
 *
 * @example
 * ```ts
 * neutraliseSpreadsheetCell('=HYPERLINK("https://evil.example","Click")'); // => `'=HYPERLINK("https://evil.example","Click")`
 * neutraliseSpreadsheetCell('-3'); // => "'-3"
 * neutraliseSpreadsheetCell('Site A (London)'); // => 'Site A (London)'
 * ```
 */
export function neutraliseSpreadsheetCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
