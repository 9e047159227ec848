import type { Store } from './store.ts';

/** One schema change: applied once, in order, inside its own transaction. */
export interface Migration {
  version: number;
  description: string;
  sql: readonly string[];
}

/**
 * The portal's schema, as an ordered list of changes. Never edit a released migration:
 * add the next one. `schema_migrations` records which have run.
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'accounts, sessions, audit log, submissions with versions, QI activity, reports',
    sql: [
      `CREATE TABLE accounts (
        account_id VARCHAR PRIMARY KEY,
        email VARCHAR NOT NULL UNIQUE,
        display_name VARCHAR NOT NULL,
        role VARCHAR NOT NULL CHECK (role IN ('network_admin','faculty','advisory','site_lead','site_data_entry')),
        site_id VARCHAR,
        password_hash VARCHAR NOT NULL,
        disabled BOOLEAN NOT NULL DEFAULT false,
        created_at TIMESTAMP NOT NULL,
        updated_at TIMESTAMP NOT NULL,
        CHECK ((role IN ('site_lead','site_data_entry')) = (site_id IS NOT NULL))
      )`,
      `CREATE TABLE sessions (
        token_hash VARCHAR PRIMARY KEY,
        account_id VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL,
        expires_at TIMESTAMP NOT NULL
      )`,
      'CREATE SEQUENCE audit_seq START 1',
      `CREATE TABLE audit_log (
        audit_id BIGINT PRIMARY KEY DEFAULT nextval('audit_seq'),
        occurred_at TIMESTAMP NOT NULL,
        account_id VARCHAR,
        email VARCHAR,
        action VARCHAR NOT NULL,
        target VARCHAR,
        detail VARCHAR
      )`,
      // Every version of every submission is kept; charts read the latest per site and month.
      `CREATE TABLE submission_versions (
        site_id VARCHAR NOT NULL,
        period VARCHAR NOT NULL,
        version INTEGER NOT NULL,
        submitted_by VARCHAR,
        submitted_at TIMESTAMP NOT NULL,
        row_count INTEGER NOT NULL,
        file_sha256 VARCHAR,
        note VARCHAR,
        PRIMARY KEY (site_id, period, version)
      )`,
      `CREATE TABLE submission_rows (
        site_id VARCHAR NOT NULL,
        period VARCHAR NOT NULL,
        version INTEGER NOT NULL,
        measure_id VARCHAR NOT NULL,
        ethnic_category VARCHAR NOT NULL,
        numerator INTEGER,
        denominator INTEGER,
        PRIMARY KEY (site_id, period, version, measure_id, ethnic_category)
      )`,
      `CREATE TABLE aims (
        aim_id VARCHAR PRIMARY KEY,
        site_id VARCHAR NOT NULL,
        measure_id VARCHAR NOT NULL,
        ethnic_groups VARCHAR NOT NULL,
        statement VARCHAR NOT NULL,
        baseline_value DOUBLE,
        target_value DOUBLE NOT NULL,
        target_period VARCHAR NOT NULL
      )`,
      `CREATE TABLE change_ideas (
        change_idea_id VARCHAR PRIMARY KEY,
        aim_id VARCHAR NOT NULL,
        primary_driver VARCHAR NOT NULL,
        title VARCHAR NOT NULL
      )`,
      `CREATE TABLE pdsa_cycles (
        pdsa_id VARCHAR PRIMARY KEY,
        change_idea_id VARCHAR NOT NULL,
        cycle INTEGER NOT NULL,
        start_period VARCHAR NOT NULL,
        end_period VARCHAR,
        plan VARCHAR NOT NULL,
        do_notes VARCHAR,
        study VARCHAR,
        act VARCHAR
      )`,
      `CREATE TABLE annotations (
        annotation_id VARCHAR PRIMARY KEY,
        site_id VARCHAR NOT NULL,
        period VARCHAR NOT NULL,
        measure_id VARCHAR,
        ethnic_groups VARCHAR,
        kind VARCHAR NOT NULL,
        text VARCHAR NOT NULL
      )`,
      `CREATE TABLE reports (
        site_id VARCHAR NOT NULL,
        period VARCHAR NOT NULL,
        narrative_md VARCHAR NOT NULL,
        status VARCHAR NOT NULL CHECK (status IN ('draft','submitted')),
        updated_by VARCHAR,
        updated_at TIMESTAMP NOT NULL,
        submitted_at TIMESTAMP,
        PRIMARY KEY (site_id, period)
      )`,
      'CREATE SEQUENCE comment_seq START 1',
      `CREATE TABLE report_comments (
        comment_id BIGINT PRIMARY KEY DEFAULT nextval('comment_seq'),
        site_id VARCHAR NOT NULL,
        period VARCHAR NOT NULL,
        account_id VARCHAR NOT NULL,
        body_md VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL
      )`,
    ],
  },
  {
    version: 2,
    description: 'pending submission uploads (previewed, not yet confirmed)',
    sql: [
      // An upload waits here between its preview and its confirmation (at most an hour), so
      // confirming stores exactly the file the person saw previewed, without sending it again.
      `CREATE TABLE pending_uploads (
        upload_id VARCHAR PRIMARY KEY,
        account_id VARCHAR NOT NULL,
        site_id VARCHAR NOT NULL,
        period VARCHAR NOT NULL,
        file_name VARCHAR,
        file_sha256 VARCHAR NOT NULL,
        csv_text VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL,
        expires_at TIMESTAMP NOT NULL
      )`,
    ],
  },
  {
    version: 3,
    description: 'PDSA cycles: notes on the act decision and the measures a cycle is watched on',
    sql: [
      // The Improvement Guide's "act" is a decision (adopt/adapt/abandon) and the reasons for it.
      'ALTER TABLE pdsa_cycles ADD COLUMN act_notes VARCHAR',
      // `;`-separated measure ids; NULL (the demo's cycles) means the aim's measure.
      'ALTER TABLE pdsa_cycles ADD COLUMN linked_measures VARCHAR',
    ],
  },
];

/**
 * Brings the database up to the newest schema, one migration per transaction, and returns
 * the versions it applied (none when already current).
 *
 * @example
 * ```ts
 * const store = await Store.open(':memory:');
 * await migrate(store); // => [1, 2, 3] (every version, oldest first)
 * await migrate(store); // => []
 * ```
 */
export async function migrate(store: Store, all: readonly Migration[] = migrations): Promise<number[]> {
  await store.write((tx) =>
    tx.run(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description VARCHAR, applied_at TIMESTAMP)',
    ),
  );
  const done = new Set(
    (await store.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version),
  );
  const applied: number[] = [];
  for (const migration of [...all].sort((a, b) => a.version - b.version)) {
    if (done.has(migration.version)) continue;
    await store.write(async (tx) => {
      for (const statement of migration.sql) await tx.run(statement);
      await tx.run('INSERT INTO schema_migrations VALUES (?, ?, now())', [
        migration.version,
        migration.description,
      ]);
    });
    applied.push(migration.version);
  }
  return applied;
}
