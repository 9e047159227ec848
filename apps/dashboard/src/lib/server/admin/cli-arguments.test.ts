import { describe, expect, it } from 'vitest';
import { UsageError } from './admin-errors.ts';
import { parseAdminArguments } from './cli-arguments.ts';

describe('parseAdminArguments', () => {
  it('matches its documented example', () => {
    expect(parseAdminArguments(['disable', '--email', 'x@nhs.net', '--db', '/tmp/p.duckdb'])).toEqual({
      command: 'disable',
      options: { email: 'x@nhs.net' },
      flags: new Set(),
      db: '/tmp/p.duckdb',
    });
    expect(() => parseAdminArguments(['disable'])).toThrow(new UsageError('disable needs --email.'));
  });

  it('reads --name=value, flags, and values with spaces', () => {
    const parsed = parseAdminArguments([
      'create-account',
      '--email=a@nhs.net',
      '--name',
      'Ada Lovelace',
      '--role',
      'site_lead',
      '--site=S3',
    ]);
    expect(parsed.options).toEqual({
      email: 'a@nhs.net',
      name: 'Ada Lovelace',
      role: 'site_lead',
      site: 'S3',
    });
    expect(parsed.db).toBeNull();
    expect(parseAdminArguments(['restore', '--from', 'b', '--force']).flags).toEqual(new Set(['force']));
    expect(
      parseAdminArguments(['reset-password', '--email', 'a@x.uk', '--password=--starts-with-dashes']).options
        .password,
    ).toBe('--starts-with-dashes');
  });

  it('answers help for --help, -h and help, whatever else is given', () => {
    for (const argv of [['--help'], ['backup', '-h'], ['help']])
      expect(parseAdminArguments(argv).command).toBe('help');
  });

  it('names what is wrong with a command line', () => {
    const cases: [string[], string][] = [
      [[], 'Give a command.'],
      [
        ['frobnicate'],
        'Unknown command “frobnicate”. Commands: list-accounts, create-account, reset-password, disable, enable, backup, restore.',
      ],
      [['create-account', '--email', 'a@b.uk'], 'create-account needs --name and --role.'],
      [['disable', '--email', 'a@b.uk', '--force'], 'disable has no option --force.'],
      [['disable', '--email'], '--email needs a value.'],
      [['disable', '--email', '--db', 'x'], '--email needs a value.'],
      [['disable', '--email', 'a@b.uk', '--email', 'c@d.uk'], '--email is given twice.'],
      [['disable', 'a@b.uk'], 'Unexpected “a@b.uk”: disable takes only --options.'],
      [['restore', '--from', 'b', '--force=yes'], '--force takes no value.'],
      [['backup', '--to', '  '], 'backup needs --to.'],
    ];
    for (const [argv, message] of cases)
      expect(() => parseAdminArguments(argv), argv.join(' ')).toThrow(new UsageError(message));
  });
});
