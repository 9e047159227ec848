import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCredentials } from '../auth/accounts.ts';
import { Store } from '../db/store.ts';
import { tempFolder } from '../testing/temp-portal.ts';
import { type AdminIo, runAdminCommand } from './run-admin-command.ts';

const folder = tempFolder();
afterAll(() => folder.remove());

interface Run {
  status: number;
  out: string;
  err: string;
}

/** Runs one command line against a fake process (INIT_CWD = the temp folder). */
async function admin(
  argv: string[],
  extra: Partial<AdminIo> = {},
  env: Record<string, string> = {},
): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runAdminCommand(argv, {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    env: { INIT_CWD: folder.dir, ...env },
    osUser: 'alice',
    askPassword: null,
    appDir: path.join(folder.dir, 'app'),
    ...extra,
  });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

async function withDb<T>(file: string, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await Store.open(file);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

const password = { PORTAL_NEW_PASSWORD: 'first long password' };

describe('runAdminCommand', () => {
  it('matches its documented example: usage errors exit 2 with the usage', async () => {
    const run = await admin(['frobnicate']);
    expect(run.status).toBe(2);
    expect(run.err).toMatch(/^portal:admin: Unknown command “frobnicate”/);
    expect(run.err).toContain('Usage: pnpm --filter @maternity-qi/dashboard portal:admin');
    expect((await admin([])).status).toBe(2);
    expect((await admin(['disable'])).err).toMatch(/disable needs --email/);
  });

  it('prints the usage for --help and exits 0', async () => {
    const run = await admin(['--help']);
    expect(run.status).toBe(0);
    expect(run.out).toContain('restore --from <backup folder> [--force]');
    expect(run.out).toContain(
      'Exit status: 0 done, 1 failed (nothing changed), 2 usage error, 3 database in use.',
    );
  });

  it('refuses to work on a database that does not exist (except to create the first account)', async () => {
    const run = await admin(['list-accounts', '--db', 'missing.duckdb']);
    expect(run.status).toBe(1);
    expect(run.err).toBe(
      `portal:admin: No portal database at ${path.join(folder.dir, 'missing.duckdb')}. Start the portal once to create it, or pass --db <file> (or set PORTAL_DB).`,
    );
    expect(existsSync(path.join(folder.dir, 'missing.duckdb'))).toBe(false);
  });

  it('uses PORTAL_DB, else the portal’s default file in the app folder', async () => {
    const run = await admin(['list-accounts'], {}, { PORTAL_DB: 'env.duckdb' });
    expect(run.err).toContain(path.join(folder.dir, 'env.duckdb'));
    expect((await admin(['list-accounts'])).err).toContain(
      path.join(folder.dir, 'app', '.portal', 'portal.duckdb'),
    );
  });

  it('a refused first account leaves no database behind', async () => {
    const run = await admin(
      [
        'create-account',
        '--email',
        'not an email',
        '--name',
        'N',
        '--role',
        'faculty',
        '--db',
        'first.duckdb',
      ],
      {},
      password,
    );
    expect(run.status).toBe(1);
    expect(run.err).toBe(
      'portal:admin: --email: “not an email” is not an email address. Nothing was changed.',
    );
    expect(readdirSync(folder.dir).filter((f) => f.startsWith('first'))).toEqual([]);
  });

  const db = 'accounts.duckdb';
  const file = () => path.join(folder.dir, db);

  it('creates the first admin in a new database, audited as cli:<os user>', async () => {
    const run = await admin(
      [
        'create-account',
        '--email',
        'Boss@Trust.nhs.uk',
        '--name',
        'Boss',
        '--role',
        'network_admin',
        '--db',
        db,
      ],
      {},
      password,
    );
    expect(run).toEqual({
      status: 0,
      out: `Created a new, empty portal database at ${file()}.\nCreated network_admin account boss@trust.nhs.uk in ${file()}.`,
      err: '',
    });
    await withDb(file(), async (store) => {
      expect((await checkCredentials(store, 'boss@trust.nhs.uk', 'first long password'))?.role).toBe(
        'network_admin',
      );
      expect(await store.all('SELECT account_id, email, action, target FROM audit_log')).toEqual([
        { account_id: null, email: 'cli:alice', action: 'account.create', target: 'boss@trust.nhs.uk' },
      ]);
    });
  });

  it('names the option at fault for account errors', async () => {
    const base = ['create-account', '--email', 'lead@trust.nhs.uk', '--name', 'Lead', '--db', db];
    const cases: [string[], number, string][] = [
      [[...base, '--role', 'site_lead'], 1, '--site: Site roles must name their site.'],
      [[...base, '--role', 'site_lead', '--site', 'S99'], 1, '--site: Unknown site “S99”.'],
      [
        [...base, '--role', 'faculty', '--site', 'S1'],
        1,
        '--site: Only site leads and site data entry accounts belong to a site.',
      ],
      [
        [...base, '--role', 'superuser'],
        2,
        'Unknown role “superuser”. Roles: network_admin, faculty, advisory, site_lead, site_data_entry.',
      ],
      [
        ['create-account', '--email', 'boss@trust.nhs.uk', '--name', 'B', '--role', 'faculty', '--db', db],
        1,
        '--email: An account for boss@trust.nhs.uk already exists.',
      ],
    ];
    for (const [argv, status, message] of cases) {
      const run = await admin(argv, {}, password);
      expect(run.status, argv.join(' ')).toBe(status);
      expect(run.err, argv.join(' ')).toContain(message);
    }
    await withDb(file(), async (store) =>
      expect((await store.one<{ n: number }>('SELECT count(*) AS n FROM accounts'))?.n).toBe(1),
    );
  });

  it('takes the password from --password (with a warning), or asks twice in a terminal', async () => {
    const base = ['create-account', '--name', 'Lead', '--role', 'site_lead', '--site', 'S3', '--db', db];
    const given = await admin([
      ...base,
      '--email',
      'lead1@trust.nhs.uk',
      '--password',
      'typed long password',
    ]);
    expect(given.status).toBe(0);
    expect(given.err).toMatch(/^Note: a password typed on the command line stays in your shell history/);

    const noTerminal = await admin([...base, '--email', 'lead2@trust.nhs.uk']);
    expect(noTerminal.status).toBe(2);
    expect(noTerminal.err).toMatch(/Give the new password: run in a terminal/);

    const prompts: string[] = [];
    const answers = ['asked long password', 'asked long password'];
    const asked = await admin([...base, '--email', 'lead3@trust.nhs.uk'], {
      askPassword: async (prompt) => {
        prompts.push(prompt);
        return answers.shift() ?? '';
      },
    });
    expect(asked.status).toBe(0);
    expect(prompts).toEqual(['New password (at least 12 characters): ', 'The same password again: ']);

    const differ = ['one long password!', 'two long password!'];
    const mismatch = await admin([...base, '--email', 'lead4@trust.nhs.uk'], {
      askPassword: async () => differ.shift() ?? '',
    });
    expect(mismatch).toMatchObject({
      status: 1,
      err: 'portal:admin: The two passwords differ; nothing was changed.',
    });
    const short = await admin([...base, '--email', 'lead5@trust.nhs.uk'], {
      askPassword: async () => 'short',
    });
    expect(short).toMatchObject({
      status: 1,
      err: 'portal:admin: --password: Use at least 12 characters. Nothing was changed.',
    });

    await withDb(file(), async (store) => {
      expect(await checkCredentials(store, 'lead1@trust.nhs.uk', 'typed long password')).not.toBeNull();
      expect(await checkCredentials(store, 'lead3@trust.nhs.uk', 'asked long password')).not.toBeNull();
      const emails = await store.all<{ email: string }>('SELECT email FROM accounts ORDER BY email');
      expect(emails.map((r) => r.email)).toEqual([
        'boss@trust.nhs.uk',
        'lead1@trust.nhs.uk',
        'lead3@trust.nhs.uk',
      ]);
    });
  });

  it('lists accounts without their password hashes', async () => {
    const run = await admin(['list-accounts', '--db', db]);
    expect(run.status).toBe(0);
    expect(run.out.split('\n')[0]).toMatch(/^email\s+name\s+role\s+site\s+status\s+created$/);
    expect(run.out).toMatch(/lead1@trust\.nhs\.uk\s+Lead\s+Site lead\s+S3\s+active/);
    expect(run.out).toContain(`3 accounts in ${file()}`);
    expect(run.out).not.toContain('scrypt');
  });

  it('resets a password, disables and enables an account, each audited', async () => {
    const reset = await admin(
      ['reset-password', '--email', 'LEAD1@trust.nhs.uk', '--db', db],
      {},
      {
        PORTAL_NEW_PASSWORD: 'second long password',
      },
    );
    expect(reset).toEqual({
      status: 0,
      out: 'New password set for lead1@trust.nhs.uk; its sessions were ended.',
      err: '',
    });
    const disabled = await admin(['disable', '--email', 'lead1@trust.nhs.uk', '--db', db]);
    expect(disabled.out).toBe(
      'lead1@trust.nhs.uk disabled: it can no longer sign in, and its sessions were ended.',
    );
    await withDb(file(), async (store) => {
      expect(await checkCredentials(store, 'lead1@trust.nhs.uk', 'second long password')).toBeNull();
    });
    expect((await admin(['enable', '--email', 'lead1@trust.nhs.uk', '--db', db])).status).toBe(0);
    await withDb(file(), async (store) => {
      expect(await checkCredentials(store, 'lead1@trust.nhs.uk', 'typed long password')).toBeNull();
      expect(await checkCredentials(store, 'lead1@trust.nhs.uk', 'second long password')).not.toBeNull();
      const actions = await store.all<{ action: string; email: string }>(
        "SELECT action, email FROM audit_log WHERE target = 'lead1@trust.nhs.uk' ORDER BY audit_id",
      );
      expect(actions).toEqual(
        ['account.create', 'account.reset_password', 'account.disable', 'account.enable'].map((action) => ({
          action,
          email: 'cli:alice',
        })),
      );
    });
    const unknown = await admin(['disable', '--email', 'nobody@trust.nhs.uk', '--db', db]);
    expect(unknown).toMatchObject({
      status: 1,
      err: 'portal:admin: --email: No account for nobody@trust.nhs.uk. Nothing was changed.',
    });
  });

  it('backs up and restores through the command line; restore will not replace a database silently', async () => {
    const backup = await admin(['backup', '--to', 'backups/one', '--db', db]);
    expect(backup.status).toBe(0);
    expect(backup.out).toContain(`into ${path.join(folder.dir, 'backups', 'one')}:`);
    expect(backup.out).toMatch(/ {2}accounts {13}3 rows/);
    expect((await admin(['backup', '--to', 'backups/one', '--db', db])).err).toMatch(
      /already exists and is not empty/,
    );

    const restored = await admin(['restore', '--from', 'backups/one', '--db', 'copy.duckdb']);
    expect(restored.status).toBe(0);
    expect(restored.out).toContain(
      `into ${path.join(folder.dir, 'copy.duckdb')}; every table's rows match the backup:`,
    );
    const again = await admin(['restore', '--from', 'backups/one', '--db', 'copy.duckdb']);
    expect(again.status).toBe(1);
    expect(again.err).toMatch(
      /copy\.duckdb already exists\. Restoring would replace it: stop the portal, then run restore again with --force/,
    );
    const forced = await admin(['restore', '--from', 'backups/one', '--db', 'copy.duckdb', '--force']);
    expect(forced.status).toBe(0);
    expect(forced.out).toMatch(/The database it replaced is kept as .*copy\.duckdb\.replaced-/);
    await withDb(path.join(folder.dir, 'copy.duckdb'), async (store) => {
      expect(await checkCredentials(store, 'lead1@trust.nhs.uk', 'second long password')).not.toBeNull();
    });
  });

  it('says to stop the portal when it has the database open (exit 3)', async () => {
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { DuckDBInstance } from '@duckdb/node-api';
         await DuckDBInstance.create(${JSON.stringify(file())});
         console.log('open'); setTimeout(() => {}, 60000);`,
      ],
      { cwd: path.resolve(__dirname, '../../../..'), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (chunk) => String(chunk).includes('open') && resolve());
        holder.once('exit', (code) => reject(new Error(`holder exited ${code}`)));
      });
      for (const argv of [
        ['list-accounts'],
        ['disable', '--email', 'lead1@trust.nhs.uk'],
        ['backup', '--to', 'backups/two'],
      ]) {
        const run = await admin([...argv, '--db', db]);
        expect(run.status, argv[0]).toBe(3);
        expect(run.err).toMatch(
          /is in use by another process \(Conflicting lock is held in .* \(PID \d+\)\)\. Stop the portal first, or use the admin page/,
        );
      }
      expect(existsSync(path.join(folder.dir, 'backups', 'two'))).toBe(false);
    } finally {
      holder.kill();
    }
  });
});
