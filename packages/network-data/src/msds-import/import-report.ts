import type { MsdsImportResult } from './import-msds.js';

/**
 * A plain-text report of an import for the terminal: what was read, what was merged, and every
 * line that could not be mapped with its reason (grouped by rule, up to `maxLines` lines each).
 *
 * @example
 * ```ts
 * const report = formatMsdsImportReport(importMsds('Period,Dimension,Org_Level,Org_Code,Org_Name,Measure,Count_Of,Value\n2021-22,Unheard,National,National,ALL,,Deliveries,5\n'));
 * report.includes('1 line(s) could not be mapped'); // => true
 * report.includes('line 2: The dimension "Unheard"'); // => true
 * ```
 */
export function formatMsdsImportReport(result: MsdsImportResult, maxLines = 20): string {
  const out: string[] = [];
  out.push(
    `Read ${result.inputLines} data line(s)${result.hadByteOrderMark ? ' (file starts with a UTF-8 byte-order mark)' : ''}.`,
  );
  out.push(
    `Header: ${Object.entries(result.header)
      .map(([k, v]) => `${k} ← ${v ?? '(absent)'}`)
      .join(', ')}`,
  );
  out.push(
    `Wrote ${result.rows.length} canonical row(s); ${result.suppressed} suppressed value(s) kept as empty.`,
  );
  if (result.merged.length > 0) {
    out.push(
      `${result.merged.length} canonical row(s) are sums of several input lines (finer bands or two spellings), e.g.:`,
    );
    for (const m of result.merged.slice(0, 5)) {
      out.push(
        `  lines ${m.lines.join('+')} (${m.labels.map((l) => JSON.stringify(l)).join(' + ')}) → ${m.dimension} "${m.category}" for ${m.org_code}`,
      );
    }
  }
  if (result.unmapped.length === 0) {
    out.push('Every line was mapped.');
    return out.join('\n');
  }
  out.push(`${result.unmapped.length} line(s) could not be mapped:`);
  const byRule = new Map<string, typeof result.unmapped>();
  for (const u of result.unmapped) byRule.set(u.rule, [...(byRule.get(u.rule) ?? []), u]);
  for (const [rule, lines] of byRule) {
    out.push(`  [${rule}] ${lines.length} line(s)`);
    for (const u of lines.slice(0, maxLines)) out.push(`    line ${u.line}: ${u.reason}`);
    if (lines.length > maxLines)
      out.push(`    ... and ${lines.length - maxLines} more (see msds-unmapped.csv)`);
  }
  return out.join('\n');
}
