import { randomUUID } from 'node:crypto';
import { type Actor, recordAudit } from '../db/audit-log.ts';
import type { Store, Transaction } from '../db/store.ts';
import { hashPassword, passwordProblem, UNKNOWN_ACCOUNT_HASH, verifyPassword } from './password.ts';
import { isSiteRole, type PortalUser, ROLES, type Role } from './roles.ts';

/** A problem with an account request, naming the field at fault. */
export class AccountError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'AccountError';
  }
}

export interface NewAccount {
  email: string;
  displayName: string;
  role: Role;
  siteId?: string | null;
  password: string;
}

/** An account as the admin pages list it (never the hash). */
export interface AccountSummary extends PortalUser {
  disabled: boolean;
  createdAt: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Lower-cases and trims an email address, the key accounts are found by. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Creates an account (admin page and CLI), audited. Site roles must name a known site;
 * network roles must not.
 *
 * @example
 * ```ts
 * await createAccount(store, admin, { email: 'lead@site-a.nhs.net', displayName: 'Site A lead',
 *   role: 'site_lead', siteId: 'S1', password: 'a long demo password' }, new Set(['S1']));
 * ```
 */
export async function createAccount(
  store: Store,
  actor: Actor,
  input: NewAccount,
  knownSiteIds: ReadonlySet<string>,
): Promise<PortalUser> {
  const email = normaliseEmail(input.email);
  if (!EMAIL.test(email)) throw new AccountError('email', `“${input.email}” is not an email address.`);
  const displayName = input.displayName.trim();
  if (!displayName) throw new AccountError('displayName', 'Give the person’s name.');
  if (!ROLES.includes(input.role)) throw new AccountError('role', `Unknown role “${input.role}”.`);
  const siteId = input.siteId?.trim() || null;
  if (isSiteRole(input.role)) {
    if (!siteId) throw new AccountError('siteId', 'Site roles must name their site.');
    if (!knownSiteIds.has(siteId)) throw new AccountError('siteId', `Unknown site “${siteId}”.`);
  } else if (siteId) {
    throw new AccountError('siteId', 'Only site leads and site data entry accounts belong to a site.');
  }
  const problem = passwordProblem(input.password);
  if (problem) throw new AccountError('password', problem);
  const passwordHash = await hashPassword(input.password);
  const accountId = randomUUID();
  await store.write(async (tx) => {
    const existing = await tx.all('SELECT 1 FROM accounts WHERE email = ?', [email]);
    if (existing.length > 0) throw new AccountError('email', `An account for ${email} already exists.`);
    await tx.run('INSERT INTO accounts VALUES (?, ?, ?, ?, ?, ?, false, now(), now())', [
      accountId,
      email,
      displayName,
      input.role,
      siteId,
      passwordHash,
    ]);
    await recordAudit(tx, actor, 'account.create', email, {
      display_name: displayName,
      role: input.role,
      site_id: siteId,
    });
  });
  return { accountId, email, displayName, role: input.role, siteId };
}

/** Sets a new password (admin reset or CLI) and ends the account's sessions, audited. */
export async function resetPassword(
  store: Store,
  actor: Actor,
  email: string,
  password: string,
): Promise<void> {
  const problem = passwordProblem(password);
  if (problem) throw new AccountError('password', problem);
  const hash = await hashPassword(password);
  const key = normaliseEmail(email);
  await store.write(async (tx) => {
    const accountId = await existingAccount(tx, key);
    await tx.run('UPDATE accounts SET password_hash = ?, updated_at = now() WHERE email = ?', [hash, key]);
    await tx.run('DELETE FROM sessions WHERE account_id = ?', [accountId]);
    await recordAudit(tx, actor, 'account.reset_password', key);
  });
}

// The id of the account with this (normalised) email, or a field error naming the email.
async function existingAccount(tx: Transaction, email: string): Promise<string> {
  const [account] = await tx.all<{ account_id: string }>('SELECT account_id FROM accounts WHERE email = ?', [
    email,
  ]);
  if (!account) throw new AccountError('email', `No account for ${email}.`);
  return account.account_id;
}

/** Disables or re-enables an account; disabling ends its sessions. Audited. */
export async function setAccountDisabled(
  store: Store,
  actor: Actor,
  email: string,
  disabled: boolean,
): Promise<void> {
  const key = normaliseEmail(email);
  await store.write(async (tx) => {
    const accountId = await existingAccount(tx, key);
    await tx.run('UPDATE accounts SET disabled = ?, updated_at = now() WHERE email = ?', [disabled, key]);
    if (disabled) await tx.run('DELETE FROM sessions WHERE account_id = ?', [accountId]);
    await recordAudit(tx, actor, disabled ? 'account.disable' : 'account.enable', key);
  });
}

/** An `accounts` row as DuckDB returns it. */
export interface AccountRow {
  account_id: string;
  email: string;
  display_name: string;
  role: Role;
  site_id: string | null;
  password_hash: string;
  disabled: boolean;
  created_at: string;
}

/**
 * The signed-in user an account row describes (never its hash).
 *
 * @example
 * ```ts
 * toUser({ account_id: 'a1', email: 'l@nhs.net', display_name: 'L', role: 'site_lead', site_id: 'S1',
 *   password_hash: 'scrypt$…', disabled: false, created_at: '2026-01-01T00:00:00.000Z' });
 * // => { accountId: 'a1', email: 'l@nhs.net', displayName: 'L', role: 'site_lead', siteId: 'S1' }
 * ```
 */
export function toUser(row: AccountRow): PortalUser {
  return {
    accountId: row.account_id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    siteId: row.site_id,
  };
}

/** Every account, for the admin page. */
export async function listAccounts(store: Store): Promise<AccountSummary[]> {
  const rows = await store.all<AccountRow>(
    'SELECT * FROM accounts ORDER BY role, site_id NULLS FIRST, email',
  );
  return rows.map((row) => ({ ...toUser(row), disabled: row.disabled, createdAt: row.created_at }));
}

/**
 * The account for an email and password, or null. Takes the same time whether or not the
 * email exists, and refuses disabled accounts.
 */
export async function checkCredentials(
  store: Store,
  email: string,
  password: string,
): Promise<PortalUser | null> {
  const row = await store.one<AccountRow>('SELECT * FROM accounts WHERE email = ?', [normaliseEmail(email)]);
  const ok = await verifyPassword(password, row?.password_hash ?? (await UNKNOWN_ACCOUNT_HASH));
  if (!row || !ok || row.disabled) return null;
  return toUser(row);
}

/** The (enabled) account with this id, or null. */
export async function findAccount(store: Store, accountId: string): Promise<PortalUser | null> {
  const row = await store.one<AccountRow>('SELECT * FROM accounts WHERE account_id = ? AND NOT disabled', [
    accountId,
  ]);
  return row ? toUser(row) : null;
}
