import { existsSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { migrations } from '../db/migrations.ts';
import { tempFolder } from '../testing/temp-portal.ts';
import { accountTable } from './account-table.ts';
import { AdminError, DatabaseInUseError, UsageError } from './admin-errors.ts';
import { askHiddenPassword, type RawInput } from './ask-hidden-password.ts';
import { isDatabaseLockError, openAdminStore } from './open-admin-store.ts';
import { databaseFile } from './run-admin-command.ts';
import { sqlPath } from './sql-path.ts';

describe('accountTable', () => {
  it('matches its documented example', () => {
    expect(
      accountTable([
        {
          accountId: 'a',
          email: 'lead.s1@demo.nhs.uk',
          displayName: 'Site A lead',
          role: 'site_lead',
          siteId: 'S1',
          disabled: false,
          createdAt: '2026-05-01T09:30:12.000Z',
        },
      ]),
    ).toBe(
      'email                name         role       site  status  created\n' +
        'lead.s1@demo.nhs.uk  Site A lead  Site lead  S1    active  2026-05-01 09:30',
    );
  });

  it('aligns columns and shows disabled accounts and network roles without a site', () => {
    const lines = accountTable([
      {
        accountId: 'b',
        email: 'a@x.uk',
        displayName: 'A',
        role: 'network_admin',
        siteId: null,
        disabled: true,
        createdAt: '2026-01-02T03:04:05.000Z',
      },
    ]).split('\n');
    expect(lines[1]).toBe('a@x.uk  A     Network admin        disabled  2026-01-02 03:04');
    expect(lines[0]?.indexOf('role')).toBe(lines[1]?.indexOf('Network admin'));
  });
});

describe('errors', () => {
  it('carry their names and messages', () => {
    expect(new UsageError('create-account needs --email.').name).toBe('UsageError');
    expect(new AdminError('No portal database at /srv/portal.duckdb.').message).toBe(
      'No portal database at /srv/portal.duckdb.',
    );
    const busy = new DatabaseInUseError(
      '/srv/portal.duckdb',
      'Conflicting lock is held in /usr/bin/node (PID 4242)',
    );
    expect(busy.message).toBe(
      'The portal database /srv/portal.duckdb is in use by another process (Conflicting lock is held in /usr/bin/node (PID 4242)). Stop the portal first, or use the admin page (/portal/admin/accounts) while it runs.',
    );
  });
});

describe('isDatabaseLockError', () => {
  it('matches its documented examples', () => {
    expect(
      isDatabaseLockError(
        new Error(
          'IO Error: Could not set lock on file "/p.duckdb": Conflicting lock is held in /usr/bin/node (PID 7)',
        ),
      ),
    ).toBe(true);
    expect(isDatabaseLockError(new Error('IO Error: No such file'))).toBe(false);
    expect(isDatabaseLockError('Could not set lock on file')).toBe(false);
  });
});

describe('sqlPath', () => {
  it('doubles single quotes', () => {
    expect(sqlPath("/backups/o'brien")).toBe("'/backups/o''brien'");
    expect(sqlPath('/plain')).toBe("'/plain'");
  });
});

describe('databaseFile', () => {
  it('matches its documented examples', () => {
    expect(databaseFile(null, { INIT_CWD: '/repo' }, '/repo/apps/dashboard')).toBe(
      '/repo/apps/dashboard/.portal/portal.duckdb',
    );
    expect(databaseFile('p.duckdb', { INIT_CWD: '/repo' }, '/repo/apps/dashboard')).toBe('/repo/p.duckdb');
  });

  it('prefers --db over PORTAL_DB over the default', () => {
    const env = { INIT_CWD: '/home/me', PORTAL_DB: 'from-env.duckdb' };
    expect(databaseFile('/abs/given.duckdb', env, '/app')).toBe('/abs/given.duckdb');
    expect(databaseFile(null, env, '/app')).toBe('/home/me/from-env.duckdb');
  });
});

function fakeTerminal(): RawInput & { modes: boolean[]; type(text: string): void } {
  const stream = new PassThrough();
  const modes: boolean[] = [];
  return Object.assign(stream, {
    modes,
    setRawMode(mode: boolean) {
      modes.push(mode);
      return stream;
    },
    type(text: string) {
      stream.write(Buffer.from(text, 'utf8'));
    },
  });
}

describe('askHiddenPassword', () => {
  it('reads up to Enter, applies Backspace, never echoes, and leaves raw mode', async () => {
    const terminal = fakeTerminal();
    let shown = '';
    const answer = askHiddenPassword('New password: ', terminal, { write: (t: string) => (shown += t) });
    terminal.type('corre');
    terminal.type('ctX\u007f horse é\r');
    expect(await answer).toBe('correct horse é');
    expect(shown).toBe('New password: \n');
    expect(terminal.modes).toEqual([true, false]);
  });

  it('rejects on Ctrl-C, so nothing is changed', async () => {
    const terminal = fakeTerminal();
    const answer = askHiddenPassword('New password: ', terminal, { write: () => true });
    terminal.type('abc\u0003');
    await expect(answer).rejects.toThrow(new AdminError('Cancelled; nothing was changed.'));
    expect(terminal.modes).toEqual([true, false]);
  });
});

describe('openAdminStore', () => {
  const folder = tempFolder();
  afterAll(() => folder.remove());

  it('refuses a database file that does not exist, creating nothing', async () => {
    const file = path.join(folder.dir, 'missing.duckdb');
    await expect(openAdminStore(file)).rejects.toThrow(
      new AdminError(
        `No portal database at ${file}. Start the portal once to create it, or pass --db <file> (or set PORTAL_DB).`,
      ),
    );
    expect(existsSync(file)).toBe(false);
  });

  it('with create, makes a new database at the newest schema; reopening it migrates nothing', async () => {
    const file = path.join(folder.dir, 'new.duckdb');
    const store = await openAdminStore(file, { create: true });
    const versions = await store.all<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(versions.map((v) => v.version)).toEqual(migrations.map((m) => m.version).sort((a, b) => a - b));
    await store.close();
    const again = await openAdminStore(file);
    expect(await again.all('SELECT email FROM accounts')).toEqual([]);
    await again.close();
  });
});
