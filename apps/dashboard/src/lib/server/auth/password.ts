import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// scrypt cost: N=2^15, r=8, p=1 (OWASP's minimum is N=2^17 with p=1 *or* an equivalent;
// 2^15 keeps a login near 50 ms on this 2-core machine). Stored with the hash so it can rise.
const N = 32768;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const MAX_MEM = 64 * 1024 * 1024;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { N: n, r, p, maxmem: MAX_MEM }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** Shortest password accepted (NCSC: length over complexity rules). */
export const MIN_PASSWORD_LENGTH = 12;

/**
 * Why a new password is not acceptable, or null when it is.
 *
 * @example
 * ```ts
 * passwordProblem('short'); // => 'Use at least 12 characters.'
 * passwordProblem('three random words here'); // => null
 * ```
 */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > 256) return 'Use at most 256 characters.';
  return null;
}

/**
 * Hashes a password with scrypt and a random salt: `scrypt$N$r$p$salt$hash` (base64).
 *
 * @example
 * ```ts
 * const stored = await hashPassword('correct horse battery');
 * stored.startsWith('scrypt$32768$8$1$'); // => true
 * await verifyPassword('correct horse battery', stored); // => true
 * ```
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Checks a password against a stored hash in constant time. False for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  // Whole positive numbers only: Node's scrypt quietly swaps 0 for its default cost.
  if (![n, r, p].every((value) => /^[1-9]\d{0,9}$/.test(value))) return false;
  const expected = Buffer.from(hash, 'base64');
  let key: Buffer;
  try {
    key = await derive(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p));
  } catch {
    // Cost parameters scrypt refuses (not a number, not a power of two, over the memory cap).
    return false;
  }
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash of a random password: compared against when the email is unknown, so timing does not reveal accounts. */
export const UNKNOWN_ACCOUNT_HASH = hashPassword(randomBytes(12).toString('base64'));
