import type { Store } from '../db/store.ts';

/** One audit log entry as the admin pages show it. */
export interface AuditEntry {
  auditId: number;
  /** ISO 8601, UTC. */
  occurredAt: string;
  accountId: string | null;
  /** The actor's email, or a system actor such as `cli:alice` or `system:demo-seed`. */
  email: string | null;
  action: string;
  target: string | null;
  /** The JSON detail recorded with the action. */
  detail: string | null;
}

/** Which entries to show: both filters optional, blank means "all". */
export interface AuditFilter {
  /** Keep actions starting with this, e.g. `account.` or `account.create`. */
  actionPrefix?: string;
  /** Keep entries whose actor email contains this (case-insensitive). */
  email?: string;
}

/** One page of the audit log, newest first, and how many entries match in all. */
export interface AuditPage {
  entries: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

/** Entries per page of the audit page. */
export const AUDIT_PAGE_SIZE = 50;

function whereClause(filter: AuditFilter): { sql: string; values: string[] } {
  const conditions: string[] = [];
  const values: string[] = [];
  const prefix = filter.actionPrefix?.trim();
  if (prefix) {
    // starts_with/contains take the text literally: no LIKE wildcards to escape.
    conditions.push('starts_with(action, ?)');
    values.push(prefix);
  }
  const email = filter.email?.trim().toLowerCase();
  if (email) {
    conditions.push('contains(lower(email), ?)');
    values.push(email);
  }
  return { sql: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', values };
}

const COLUMNS =
  'audit_id AS "auditId", occurred_at AS "occurredAt", account_id AS "accountId", email, action, target, detail';

/**
 * One page (1-based, 50 entries) of the audit log, newest first, filtered by action prefix
 * and actor email. A page past the end gives the last page.
 *
 * @example
 * ```ts
 * const { entries, total } = await auditLogPage(store, { actionPrefix: 'account.' }, 1);
 * entries[0].action; // => e.g. 'account.disable' (the newest account change)
 * ```
 */
export async function auditLogPage(
  store: Store,
  filter: AuditFilter,
  page: number,
  pageSize = AUDIT_PAGE_SIZE,
): Promise<AuditPage> {
  const where = whereClause(filter);
  const counted = await store.one<{ n: number }>(
    `SELECT count(*) AS n FROM audit_log ${where.sql}`,
    where.values,
  );
  const total = counted?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  const entries = await store.all<AuditEntry>(
    `SELECT ${COLUMNS} FROM audit_log ${where.sql} ORDER BY audit_id DESC LIMIT ${pageSize} OFFSET ${(current - 1) * pageSize}`,
    where.values,
  );
  return { entries, total, page: current, pageSize, pageCount };
}

/**
 * Every matching entry, newest first (for the CSV download).
 *
 * @example
 * ```ts
 * (await auditLogEntries(store, { email: 'admin@' })).every((e) => e.email?.includes('admin@')); // => true
 * ```
 */
export async function auditLogEntries(store: Store, filter: AuditFilter): Promise<AuditEntry[]> {
  const where = whereClause(filter);
  return store.all<AuditEntry>(
    `SELECT ${COLUMNS} FROM audit_log ${where.sql} ORDER BY audit_id DESC`,
    where.values,
  );
}

/**
 * The distinct action names in the log, for the filter's suggestions.
 *
 * @example
 * ```ts
 * await auditActions(store); // => ['account.create', 'demo.seed', ...]
 * ```
 */
export async function auditActions(store: Store): Promise<string[]> {
  const rows = await store.all<{ action: string }>('SELECT DISTINCT action FROM audit_log ORDER BY action');
  return rows.map((row) => row.action);
}
