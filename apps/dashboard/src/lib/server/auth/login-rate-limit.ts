/**
 * Counts failed sign-ins per email and per client address in a sliding window and says how
 * long to wait once either has too many. In memory: one portal process serves the network.
 *
 * @example
 * ```ts
 * const limit = new LoginRateLimit({ maxFailures: 2, windowMs: 60_000 });
 * limit.recordFailure('a@nhs.net', '10.0.0.1', 0);
 * limit.recordFailure('a@nhs.net', '10.0.0.1', 1);
 * limit.retryAfterMs('a@nhs.net', '10.0.0.9', 2); // => 59998
 * limit.retryAfterMs('b@nhs.net', '10.0.0.9', 2); // => 0
 * ```
 */
export class LoginRateLimit {
  private readonly failures = new Map<string, number[]>();
  readonly maxFailures: number;
  readonly windowMs: number;
  /** Per address the limit is higher: a whole unit may share one NHS proxy. */
  readonly maxFailuresPerAddress: number;

  constructor(options: { maxFailures?: number; windowMs?: number; maxFailuresPerAddress?: number } = {}) {
    this.maxFailures = options.maxFailures ?? 5;
    this.windowMs = options.windowMs ?? 15 * 60_000;
    this.maxFailuresPerAddress = options.maxFailuresPerAddress ?? this.maxFailures * 6;
  }

  /** Milliseconds until another attempt is allowed for this email or address (0 = now). */
  retryAfterMs(email: string, address: string, now = Date.now()): number {
    return Math.max(
      this.wait(`email:${email.toLowerCase()}`, this.maxFailures, now),
      this.wait(`addr:${address}`, this.maxFailuresPerAddress, now),
    );
  }

  recordFailure(email: string, address: string, now = Date.now()): void {
    for (const key of [`email:${email.toLowerCase()}`, `addr:${address}`]) {
      const times = this.recent(key, now);
      times.push(now);
      this.failures.set(key, times);
    }
  }

  /** A successful sign-in clears the email's failures (not the address's). */
  recordSuccess(email: string): void {
    this.failures.delete(`email:${email.toLowerCase()}`);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
  }

  private wait(key: string, max: number, now: number): number {
    const times = this.recent(key, now);
    if (times.length < max) return 0;
    return (times[times.length - max] ?? now) + this.windowMs - now;
  }
}

/**
 * A wait from `retryAfterMs`, as a page says it: whole minutes, rounded up.
 *
 * @example
 * ```ts
 * waitInMinutes(61_000); // => '2 minutes'
 * waitInMinutes(30_000); // => '1 minute'
 * ```
 */
export function waitInMinutes(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
