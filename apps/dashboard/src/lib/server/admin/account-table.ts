import type { AccountSummary } from '../auth/accounts.ts';
import { ROLE_LABELS } from '../auth/roles.ts';

/**
 * Accounts as a plain-text table for a terminal: email, name, role, site, status, created
 * (UTC, to the minute). Never shows password hashes (summaries do not carry them).
 *
 * @example
 * ```ts
 * accountTable([{ accountId: 'a', email: 'lead.s1@demo.nhs.uk', displayName: 'Site A lead', role: 'site_lead',
 *   siteId: 'S1', disabled: false, createdAt: '2026-05-01T09:30:12.000Z' }]);
 * // => 'email                name         role       site  status  created\n'
 * //  + 'lead.s1@demo.nhs.uk  Site A lead  Site lead  S1    active  2026-05-01 09:30'
 * ```
 */
export function accountTable(accounts: readonly AccountSummary[]): string {
  const rows = [
    ['email', 'name', 'role', 'site', 'status', 'created'],
    ...accounts.map((account) => [
      account.email,
      account.displayName,
      ROLE_LABELS[account.role],
      account.siteId ?? '',
      account.disabled ? 'disabled' : 'active',
      account.createdAt.slice(0, 16).replace('T', ' '),
    ]),
  ];
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
