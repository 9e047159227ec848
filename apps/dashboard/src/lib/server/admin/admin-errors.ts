/**
 * The admin command line was used wrongly (unknown command, missing or unknown option):
 * the CLI prints the message and the usage, and exits with status 2.
 *
 * @example
 * ```ts
 * throw new UsageError('create-account needs --email.');
 * ```
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * An admin task could not be done (no such database, a backup folder that is not empty,
 * a restore whose row counts do not match): the CLI prints the message and exits with 1.
 * Nothing was changed.
 *
 * @example
 * ```ts
 * throw new AdminError('No portal database at /srv/portal.duckdb.');
 * ```
 */
export class AdminError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdminError';
  }
}

/**
 * Another process (normally the running portal) holds the database file's lock: DuckDB lets
 * one process open a database file at a time. The CLI exits with 3.
 *
 * @example
 * ```ts
 * throw new DatabaseInUseError('/srv/portal.duckdb', 'Conflicting lock is held in /usr/bin/node (PID 4242)');
 * ```
 */
export class DatabaseInUseError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(
      `The portal database ${file} is in use by another process (${detail}). ` +
        'Stop the portal first, or use the admin page (/portal/admin/accounts) while it runs.',
    );
    this.name = 'DatabaseInUseError';
  }
}
