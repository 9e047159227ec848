import { toSpreadsheetSafeCsv } from '../csv/spreadsheet-safe.ts';
import type { AuditEntry } from './audit-log-query.ts';

const FIXED = ['occurred_at', 'email', 'account_id', 'action', 'target'] as const;

// The JSON detail as an object; a detail that is not a JSON object is kept whole.
function detailFields(detail: string | null): Record<string, unknown> {
  if (!detail) return {};
  try {
    const parsed: unknown = JSON.parse(detail);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {}
  return { value: detail };
}

function cell(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/**
 * The audit log as a CSV file, one entry per line in the order given. Each key of the
 * entries' JSON detail gets its own `detail_<key>` column (sorted by name), so a spreadsheet
 * can filter on, say, `detail_site_id`. Every text cell is neutralised against spreadsheet
 * formulas: names and targets are typed by people.
 *
 * @example
 * ```ts
 * auditLogCsv([{ auditId: 1, occurredAt: '2026-01-01T09:00:00.000Z', accountId: null, email: 'cli:alice',
 *   action: 'account.create', target: 'x@nhs.net', detail: '{"display_name":"=HYPERLINK(1)","role":"faculty"}' }]);
 * // => 'occurred_at,email,account_id,action,target,detail_display_name,detail_role\r\n'
 * //  + "2026-01-01T09:00:00.000Z,cli:alice,,account.create,x@nhs.net,'=HYPERLINK(1),faculty\r\n"
 * ```
 */
export function auditLogCsv(entries: readonly AuditEntry[]): string {
  const details = entries.map((entry) => detailFields(entry.detail));
  const keys = [...new Set(details.flatMap((detail) => Object.keys(detail)))].sort();
  const rows = entries.map((entry, index) => {
    const row: Record<string, string | number | boolean | null> = {
      occurred_at: entry.occurredAt,
      email: entry.email,
      account_id: entry.accountId,
      action: entry.action,
      target: entry.target,
    };
    for (const key of keys) row[`detail_${key}`] = cell(details[index]?.[key]);
    return row;
  });
  return toSpreadsheetSafeCsv(rows, [...FIXED, ...keys.map((key) => `detail_${key}`)]);
}
