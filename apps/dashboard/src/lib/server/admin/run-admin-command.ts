import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { readReferenceTables, repoDataDir, resolveFromCaller } from '@maternity-qi/network-data/node';
import {
  AccountError,
  createAccount,
  listAccounts,
  resetPassword,
  setAccountDisabled,
} from '../auth/accounts.ts';
import { passwordProblem } from '../auth/password.ts';
import { ROLES, type Role } from '../auth/roles.ts';
import type { Actor } from '../db/audit-log.ts';
import type { Store } from '../db/store.ts';
import { accountTable } from './account-table.ts';
import { AdminError, DatabaseInUseError, UsageError } from './admin-errors.ts';
import { backupDatabase } from './backup-database.ts';
import { ADMIN_USAGE, type AdminArguments, parseAdminArguments } from './cli-arguments.ts';
import { openAdminStore } from './open-admin-store.ts';
import { restoreDatabase } from './restore-database.ts';

/** What the admin CLI needs from its surroundings (the real process, or a test's fakes). */
export interface AdminIo {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  /** The operating-system user running the command: the audit log records `cli:<user>`. */
  osUser: string;
  /** Asks for a password without echoing it; null when there is no terminal to ask in. */
  askPassword: ((prompt: string) => Promise<string>) | null;
  /** apps/dashboard: the default database is `.portal/portal.duckdb` in it, as for the portal. */
  appDir: string;
}

/** Exit statuses, as the usage text documents them. */
export const EXIT = { ok: 0, failed: 1, usage: 2, databaseInUse: 3 } as const;

// AccountError names the field as the web form does; the CLI names the option instead.
const OPTION_FOR_FIELD: Record<string, string> = {
  email: '--email',
  displayName: '--name',
  role: '--role',
  siteId: '--site',
  password: '--password',
};

/**
 * The database file a command works on: `--db`, else PORTAL_DB, else the portal's default
 * `.portal/portal.duckdb` in apps/dashboard. Relative paths are read from the directory the
 * command was typed in (pnpm runs scripts in the package folder).
 *
 * @example
 * ```ts
 * databaseFile(null, { INIT_CWD: '/repo' }, '/repo/apps/dashboard'); // => '/repo/apps/dashboard/.portal/portal.duckdb'
 * databaseFile('p.duckdb', { INIT_CWD: '/repo' }, '/repo/apps/dashboard'); // => '/repo/p.duckdb'
 * ```
 */
export function databaseFile(
  db: string | null,
  env: Record<string, string | undefined>,
  appDir: string,
): string {
  const chosen = db ?? env.PORTAL_DB;
  return chosen ? resolveFromCaller(chosen, env) : path.join(appDir, '.portal', 'portal.duckdb');
}

async function newPassword(args: AdminArguments, io: AdminIo): Promise<string> {
  const given = args.options.password;
  if (given !== undefined) {
    io.err(
      'Note: a password typed on the command line stays in your shell history and is visible to other users (ps). Prefer the prompt or PORTAL_NEW_PASSWORD.',
    );
    return given;
  }
  const fromEnvironment = io.env.PORTAL_NEW_PASSWORD;
  if (fromEnvironment) return fromEnvironment;
  if (!io.askPassword)
    throw new UsageError(
      'Give the new password: run in a terminal to be asked for it, or set PORTAL_NEW_PASSWORD, or pass --password.',
    );
  const first = await io.askPassword('New password (at least 12 characters): ');
  const problem = passwordProblem(first);
  if (problem) throw new AccountError('password', problem);
  if ((await io.askPassword('The same password again: ')) !== first)
    throw new AdminError('The two passwords differ; nothing was changed.');
  return first;
}

function siteIds(env: Record<string, string | undefined>): Set<string> {
  const reference = readReferenceTables(env.PORTAL_DATA_DIR ?? repoDataDir());
  return new Set(reference.sites.map((site) => site.site_id));
}

// With `create`, a database the command made is removed again when the command fails:
// a refused account must not leave an empty portal database behind.
async function withStore<T>(
  file: string,
  create: boolean,
  work: (store: Store, isNew: boolean) => Promise<T>,
): Promise<T> {
  const isNew = create && !existsSync(file);
  const store = await openAdminStore(file, { create });
  let ok = false;
  try {
    const result = await work(store, isNew);
    ok = true;
    return result;
  } finally {
    await store.close();
    if (isNew && !ok) for (const part of [file, `${file}.wal`]) rmSync(part, { force: true });
  }
}

async function runParsed(args: AdminArguments, io: AdminIo): Promise<void> {
  const file = databaseFile(args.db, io.env, io.appDir);
  const actor: Actor = { accountId: null, email: `cli:${io.osUser}` };
  const { options } = args;
  switch (args.command) {
    case 'help':
      io.out(ADMIN_USAGE);
      return;
    case 'list-accounts':
      return withStore(file, false, async (store) => {
        const accounts = await listAccounts(store);
        io.out(accountTable(accounts));
        io.out(`${accounts.length} account${accounts.length === 1 ? '' : 's'} in ${file}`);
      });
    case 'create-account': {
      const role = options.role as Role;
      if (!ROLES.includes(role))
        throw new UsageError(`Unknown role “${options.role}”. Roles: ${ROLES.join(', ')}.`);
      const sites = siteIds(io.env);
      return withStore(file, true, async (store, isNew) => {
        const password = await newPassword(args, io);
        const user = await createAccount(
          store,
          actor,
          {
            email: options.email ?? '',
            displayName: options.name ?? '',
            role,
            siteId: options.site,
            password,
          },
          sites,
        );
        if (isNew) io.out(`Created a new, empty portal database at ${file}.`);
        io.out(
          `Created ${user.role} account ${user.email}${user.siteId ? ` for site ${user.siteId}` : ''} in ${file}.`,
        );
      });
    }
    case 'reset-password':
      return withStore(file, false, async (store) => {
        const password = await newPassword(args, io);
        await resetPassword(store, actor, options.email ?? '', password);
        io.out(`New password set for ${options.email?.trim().toLowerCase()}; its sessions were ended.`);
      });
    case 'disable':
    case 'enable':
      return withStore(file, false, async (store) => {
        const disabled = args.command === 'disable';
        await setAccountDisabled(store, actor, options.email ?? '', disabled);
        io.out(
          `${options.email?.trim().toLowerCase()} ${disabled ? 'disabled: it can no longer sign in, and its sessions were ended' : 'enabled: it can sign in again'}.`,
        );
      });
    case 'backup':
      return withStore(file, false, async (store) => {
        const to = resolveFromCaller(options.to ?? '', io.env);
        const manifest = await backupDatabase(store, to, actor);
        const tables = Object.entries(manifest.tables);
        io.out(`Backed up ${file} (schema version ${manifest.schemaVersion}) into ${to}:`);
        for (const [table, { rows }] of tables)
          io.out(`  ${table.padEnd(20)} ${rows} row${rows === 1 ? '' : 's'}`);
      });
    case 'restore': {
      const from = resolveFromCaller(options.from ?? '', io.env);
      const result = await restoreDatabase(from, file, { force: args.flags.has('force'), actor });
      io.out(`Restored ${from} into ${file}; every table's rows match the backup:`);
      for (const [table, rows] of Object.entries(result.rows))
        io.out(`  ${table.padEnd(20)} ${rows} row${rows === 1 ? '' : 's'}`);
      if (result.migrationsApplied.length > 0)
        io.out(`Brought the schema up to date (migrations ${result.migrationsApplied.join(', ')}).`);
      if (result.replacedFile) io.out(`The database it replaced is kept as ${result.replacedFile}.`);
      return;
    }
  }
}

/**
 * Runs one admin command line (`portal:admin <command> ...`) and returns the exit status:
 * 0 done, 1 failed (nothing changed), 2 usage error, 3 database in use by the portal.
 * Every write is audited with the actor `cli:<os user>`.
 *
 * @example
 * ```ts
 * const lines: string[] = [];
 * const io = { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t), env: {}, osUser: 'alice',
 *   askPassword: null, appDir: '/repo/apps/dashboard' };
 * await runAdminCommand(['disable', '--email', 'x@nhs.net', '--db', '/tmp/p.duckdb'], io); // => 0 (or 1 if unknown)
 * await runAdminCommand(['frobnicate'], io); // => 2
 * ```
 */
export async function runAdminCommand(argv: readonly string[], io: AdminIo): Promise<number> {
  try {
    await runParsed(parseAdminArguments(argv), io);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`portal:admin: ${error.message}\n\n${ADMIN_USAGE}`);
      return EXIT.usage;
    }
    if (error instanceof DatabaseInUseError) {
      io.err(`portal:admin: ${error.message}`);
      return EXIT.databaseInUse;
    }
    if (error instanceof AccountError) {
      io.err(
        `portal:admin: ${OPTION_FOR_FIELD[error.field] ?? error.field}: ${error.message} Nothing was changed.`,
      );
      return EXIT.failed;
    }
    io.err(`portal:admin: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failed;
  }
}
