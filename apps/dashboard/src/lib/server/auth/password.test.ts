import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  hashPassword,
  MIN_PASSWORD_LENGTH,
  passwordProblem,
  UNKNOWN_ACCOUNT_HASH,
  verifyPassword,
} from './password.ts';

describe('passwordProblem', () => {
  it('matches its documented examples', () => {
    expect(passwordProblem('short')).toBe('Use at least 12 characters.');
    expect(passwordProblem('three random words here')).toBeNull();
  });

  it('accepts 12 to 256 characters', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(12);
    expect(passwordProblem('x'.repeat(11))).toBe('Use at least 12 characters.');
    expect(passwordProblem('x'.repeat(12))).toBeNull();
    expect(passwordProblem('x'.repeat(256))).toBeNull();
    expect(passwordProblem('x'.repeat(257))).toBe('Use at most 256 characters.');
  });
});

describe('hashPassword and verifyPassword', () => {
  it('match their documented example', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored.startsWith('scrypt$32768$8$1$')).toBe(true);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
  });

  it('store the cost parameters, a 16-byte salt and a 32-byte key', async () => {
    const [scheme, n, r, p, salt, key] = (await hashPassword('correct horse battery')).split('$');
    expect([scheme, n, r, p]).toEqual(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(salt ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(key ?? '', 'base64')).toHaveLength(32);
  });

  it('salt every hash: the same password hashes differently each time', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', b)).toBe(true);
  });

  it('refuse a wrong password, including near misses', async () => {
    const stored = await hashPassword('correct horse battery');
    for (const attempt of ['correct horse batter', 'Correct horse battery', 'correct horse battery ', ''])
      expect(await verifyPassword(attempt, stored), JSON.stringify(attempt)).toBe(false);
  });

  it('verify with the parameters stored in the hash, so the cost can change later', async () => {
    // A hash made with other (cheaper) parameters than today's still verifies.
    const salt = randomBytes(16);
    const key = scryptSync('an older password', salt, 32, { N: 1024, r: 8, p: 2 });
    const older = ['scrypt', 1024, 8, 2, salt.toString('base64'), key.toString('base64')].join('$');
    expect(await verifyPassword('an older password', older)).toBe(true);
    expect(await verifyPassword('another password', older)).toBe(false);
    // The same key claimed under other parameters does not.
    expect(
      await verifyPassword('an older password', older.replace('scrypt$1024$8$2', 'scrypt$1024$8$1')),
    ).toBe(false);
  });

  it('refuse malformed hashes instead of throwing', async () => {
    const stored = await hashPassword('correct horse battery');
    const parts = stored.split('$');
    for (const bad of [
      '',
      'not a hash',
      stored.replace('scrypt$', 'bcrypt$'),
      parts.slice(0, 5).join('$'),
      [...parts.slice(0, 5), ''].join('$'),
      [...parts.slice(0, 5), Buffer.from('short').toString('base64')].join('$'),
      // Cost parameters scrypt refuses: not a number, not a power of two, over the memory cap.
      stored.replace('scrypt$32768$', 'scrypt$abc$'),
      stored.replace('scrypt$32768$', 'scrypt$3$'),
      stored.replace('scrypt$32768$', 'scrypt$1073741824$'),
      stored.replace('$8$1$', '$0$1$'),
      stored.replace('$8$1$', '$8$0$'),
      stored.replace('$8$1$', '$8.0$1$'),
    ])
      expect(await verifyPassword('correct horse battery', bad), bad).toBe(false);
  });

  it('treat canonically equal Unicode as the same password (NFKC)', async () => {
    const stored = await hashPassword('café au lait ﬁne'); // ﬁ ligature, precomposed é
    expect(await verifyPassword('cafe\u0301 au lait fine', stored)).toBe(true);
  });

  it('keep a well-formed hash for unknown accounts (equal timing)', async () => {
    const hash = await UNKNOWN_ACCOUNT_HASH;
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('maternity-qi-demo', hash)).toBe(false);
  });
});
