import { describe, expect, it } from 'vitest';
import { LoginRateLimit, waitInMinutes } from './login-rate-limit.ts';

describe('LoginRateLimit', () => {
  it('matches its documented example', () => {
    const limit = new LoginRateLimit({ maxFailures: 2, windowMs: 60_000 });
    limit.recordFailure('a@nhs.net', '10.0.0.1', 0);
    limit.recordFailure('a@nhs.net', '10.0.0.1', 1);
    expect(limit.retryAfterMs('a@nhs.net', '10.0.0.9', 2)).toBe(59998);
    expect(limit.retryAfterMs('b@nhs.net', '10.0.0.9', 2)).toBe(0);
  });

  it('defaults to 5 failures per email and 30 per address in 15 minutes', () => {
    const limit = new LoginRateLimit();
    expect([limit.maxFailures, limit.maxFailuresPerAddress, limit.windowMs]).toEqual([5, 30, 900_000]);
  });

  it('allows attempts again once the oldest counted failure leaves the window', () => {
    const limit = new LoginRateLimit({ maxFailures: 3, windowMs: 1000 });
    for (const t of [0, 100, 200]) limit.recordFailure('a@nhs.net', '10.0.0.1', t);
    expect(limit.retryAfterMs('a@nhs.net', '10.0.0.1', 200)).toBe(800);
    expect(limit.retryAfterMs('a@nhs.net', '10.0.0.1', 999)).toBe(1);
    // At 1000 the failure at 0 is out of the window: two remain, under the limit.
    expect(limit.retryAfterMs('a@nhs.net', '10.0.0.1', 1000)).toBe(0);
    limit.recordFailure('a@nhs.net', '10.0.0.1', 1000);
    expect(limit.retryAfterMs('a@nhs.net', '10.0.0.1', 1000)).toBe(100);
  });

  it('counts emails case-insensitively', () => {
    const limit = new LoginRateLimit({ maxFailures: 2, windowMs: 1000 });
    limit.recordFailure('Lead.S1@NHS.net', '10.0.0.1', 0);
    limit.recordFailure('lead.s1@nhs.net', '10.0.0.2', 0);
    expect(limit.retryAfterMs('LEAD.s1@nhs.net', '10.0.0.3', 10)).toBe(990);
  });

  it('limits one address trying many emails, at a higher threshold (a shared NHS proxy)', () => {
    const limit = new LoginRateLimit({ maxFailures: 2, windowMs: 1000, maxFailuresPerAddress: 4 });
    for (let i = 0; i < 3; i += 1) limit.recordFailure(`user${i}@nhs.net`, '10.0.0.1', i);
    expect(limit.retryAfterMs('fresh@nhs.net', '10.0.0.1', 10)).toBe(0);
    limit.recordFailure('user3@nhs.net', '10.0.0.1', 10);
    expect(limit.retryAfterMs('fresh@nhs.net', '10.0.0.1', 10)).toBe(990);
    expect(limit.retryAfterMs('fresh@nhs.net', '10.0.0.2', 10)).toBe(0);
  });

  it('clears an email’s failures on success, but not its address’s', () => {
    const limit = new LoginRateLimit({ maxFailures: 2, windowMs: 1000, maxFailuresPerAddress: 2 });
    limit.recordFailure('a@nhs.net', '10.0.0.1', 0);
    limit.recordFailure('a@nhs.net', '10.0.0.1', 1);
    limit.recordSuccess('A@nhs.net');
    expect(limit.retryAfterMs('a@nhs.net', '10.0.0.2', 2)).toBe(0);
    expect(limit.retryAfterMs('a@nhs.net', '10.0.0.1', 2)).toBe(998);
  });
});

describe('waitInMinutes', () => {
  it('matches its documented example, rounding up to whole minutes', () => {
    expect(waitInMinutes(61_000)).toBe('2 minutes');
    expect(waitInMinutes(30_000)).toBe('1 minute');
    expect(waitInMinutes(15 * 60_000)).toBe('15 minutes');
  });
});
