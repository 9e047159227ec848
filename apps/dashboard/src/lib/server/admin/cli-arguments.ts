import { UsageError } from './admin-errors.ts';

/** The admin CLI's commands, each with its options (`--name value`) and flags (`--name`). */
export const ADMIN_COMMANDS = {
  'list-accounts': { required: [], optional: [], flags: [] },
  'create-account': { required: ['email', 'name', 'role'], optional: ['site', 'password'], flags: [] },
  'reset-password': { required: ['email'], optional: ['password'], flags: [] },
  disable: { required: ['email'], optional: [], flags: [] },
  enable: { required: ['email'], optional: [], flags: [] },
  backup: { required: ['to'], optional: [], flags: [] },
  restore: { required: ['from'], optional: [], flags: ['force'] },
} as const satisfies Record<
  string,
  { required: readonly string[]; optional: readonly string[]; flags: readonly string[] }
>;

export type AdminCommandName = keyof typeof ADMIN_COMMANDS;

/** A parsed command line: the command, its option values, its flags and the database file. */
export interface AdminArguments {
  command: AdminCommandName | 'help';
  options: Record<string, string>;
  flags: Set<string>;
  /** `--db <file>` as typed (resolved later), or null for the default. */
  db: string | null;
}

/** The usage text printed by `--help` and after a usage error. */
export const ADMIN_USAGE = `Usage: pnpm --filter @maternity-qi/dashboard portal:admin <command> [options] [--db <file>]

Commands:
  list-accounts
  create-account --email <email> --name <name> --role <role> [--site <site id>] [--password <password>]
  reset-password --email <email> [--password <password>]
  disable --email <email>
  enable --email <email>
  backup --to <new folder>
  restore --from <backup folder> [--force]

Roles: network_admin, faculty, advisory, site_lead, site_data_entry (the last two need --site).
Without --password the new password is read from PORTAL_NEW_PASSWORD, or asked for (twice, hidden).
--db defaults to PORTAL_DB, else apps/dashboard/.portal/portal.duckdb (the portal's default).
The portal must be stopped: DuckDB lets one process open the database at a time.
Exit status: 0 done, 1 failed (nothing changed), 2 usage error, 3 database in use.`;

function isCommand(name: string): name is AdminCommandName {
  return Object.hasOwn(ADMIN_COMMANDS, name);
}

/**
 * Parses the admin CLI's arguments (`--name value` or `--name=value`); throws a
 * {@link UsageError} naming the unknown command, the unknown or repeated option, or the
 * missing required one.
 *
 * @example
 * ```ts
 * parseAdminArguments(['disable', '--email', 'x@nhs.net', '--db', '/tmp/p.duckdb']);
 * // => { command: 'disable', options: { email: 'x@nhs.net' }, flags: Set {}, db: '/tmp/p.duckdb' }
 * parseAdminArguments(['disable']); // throws UsageError: disable needs --email.
 * ```
 */
export function parseAdminArguments(argv: readonly string[]): AdminArguments {
  if (argv.length === 0) throw new UsageError('Give a command.');
  if (argv.includes('--help') || argv.includes('-h') || argv[0] === 'help')
    return { command: 'help', options: {}, flags: new Set(), db: null };
  const [name, ...rest] = argv as [string, ...string[]];
  if (!isCommand(name))
    throw new UsageError(`Unknown command “${name}”. Commands: ${Object.keys(ADMIN_COMMANDS).join(', ')}.`);
  const spec = ADMIN_COMMANDS[name];
  const takesValue = new Set<string>([...spec.required, ...spec.optional, 'db']);
  const isFlag = new Set<string>(spec.flags);
  const options: Record<string, string> = {};
  const flags = new Set<string>();
  for (let i = 0; i < rest.length; i += 1) {
    const token = rest[i] as string;
    if (!token.startsWith('--')) throw new UsageError(`Unexpected “${token}”: ${name} takes only --options.`);
    const equals = token.indexOf('=');
    const option = equals > 0 ? token.slice(2, equals) : token.slice(2);
    if (isFlag.has(option)) {
      if (equals > 0) throw new UsageError(`--${option} takes no value.`);
      flags.add(option);
      continue;
    }
    if (!takesValue.has(option)) throw new UsageError(`${name} has no option --${option}.`);
    if (Object.hasOwn(options, option)) throw new UsageError(`--${option} is given twice.`);
    let value: string | undefined;
    if (equals > 0) value = token.slice(equals + 1);
    else {
      value = rest[i + 1];
      i += 1;
    }
    if (value === undefined || (equals < 0 && value.startsWith('--')))
      throw new UsageError(`--${option} needs a value.`);
    options[option] = value;
  }
  const missing = spec.required.filter((option) => !options[option]?.trim());
  if (missing.length > 0)
    throw new UsageError(`${name} needs ${missing.map((option) => `--${option}`).join(' and ')}.`);
  const { db = null, ...commandOptions } = options;
  return { command: name, options: commandOptions, flags, db };
}
