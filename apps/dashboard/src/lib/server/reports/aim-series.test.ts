import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../db/store.ts';
import { addSubmission, openQiTestStore, testReference } from '../testing/qi-test-store.ts';
import { pooledAimCounts } from './aim-series.ts';

// A small network by hand. Booking by 10 weeks at S1; NHS codes M, N, P are Black (level 1),
// K is Bangladeshi (level 2, Asian), A is White, ALL is the site total.
let store: Store;
beforeAll(async () => {
  store = await openQiTestStore();
  const m = 'booking_by_10wk';
  await addSubmission(store, 'S1', '2025-12', 1, [[m, 'M', 1, 1]]); // before the window
  await addSubmission(store, 'S1', '2026-01', 1, [
    [m, 'M', 3, 10],
    [m, 'N', 2, 8],
    [m, 'P', 1, 4],
    [m, 'K', 5, 20],
    [m, 'A', 9, 30],
    [m, 'ALL', 20, 72],
  ]);
  // Version 2 replaces the whole month: P is gone from it, not carried over from version 1.
  await addSubmission(store, 'S1', '2026-01', 2, [
    [m, 'M', 4, 10],
    [m, 'N', 2, 9],
    [m, 'K', 6, 20],
    [m, 'A', 9, 30],
    [m, 'ALL', 21, 69],
    ['smoking_at_booking', 'M', 50, 50], // another measure
  ]);
  await addSubmission(store, 'S1', '2026-02', 1, [
    [m, 'M', 5, 12],
    [m, 'N', null, 7], // a missing count is left out, not counted as 0
    [m, 'P', 0, 3],
    [m, 'K', 7, 22],
    [m, 'ALL', 30, 80],
  ]);
  await addSubmission(store, 'S1', '2026-03', 1, [[m, 'A', 4, 10]]); // nobody in the aim's groups
  await addSubmission(store, 'S2', '2026-01', 1, [[m, 'M', 100, 100]]); // another site
});
afterAll(() => store.close());

const pooled = (ethnicGroups: string[]) =>
  pooledAimCounts(store, testReference.ethnicCategories, {
    siteId: 'S1',
    measureId: 'booking_by_10wk',
    ethnicGroups,
    from: '2026-01',
    to: '2026-03',
  });

describe('pooledAimCounts', () => {
  it('sums the latest version of each month over a level-1 group', async () => {
    // Jan (v2): M 4/10 + N 2/9 = 6/19. Feb: M 5/12 + P 0/3 (N has no numerator) = 5/15. Mar: none.
    expect(await pooled(['BLACK'])).toEqual([
      { period: '2026-01', numerator: 6, denominator: 19 },
      { period: '2026-02', numerator: 5, denominator: 15 },
    ]);
  });

  it('pools several groups, level-1 and level-2 alike', async () => {
    // Jan: 6/19 + K 6/20 = 12/39. Feb: 5/15 + K 7/22 = 12/37.
    expect(await pooled(['BANGLADESHI', 'BLACK'])).toEqual([
      { period: '2026-01', numerator: 12, denominator: 39 },
      { period: '2026-02', numerator: 12, denominator: 37 },
    ]);
    expect(await pooled(['ASIAN'])).toEqual([
      { period: '2026-01', numerator: 6, denominator: 20 },
      { period: '2026-02', numerator: 7, denominator: 22 },
    ]);
  });

  it('takes the site total row for all women', async () => {
    expect(await pooled(['ALL'])).toEqual([
      { period: '2026-01', numerator: 21, denominator: 69 },
      { period: '2026-02', numerator: 30, denominator: 80 },
    ]);
  });

  it('sees a month with only other groups as missing, and nothing outside the window or site', async () => {
    expect(await pooled(['WHITE'])).toEqual([
      { period: '2026-01', numerator: 9, denominator: 30 },
      { period: '2026-03', numerator: 4, denominator: 10 },
    ]);
    expect(await pooled(['MIXED'])).toEqual([]);
  });
});
