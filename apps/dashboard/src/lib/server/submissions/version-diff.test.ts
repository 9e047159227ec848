import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { labelDiff } from './labelled-diff.ts';
import { portalToday, sqlTimestamp } from './submission-clock.ts';
import {
  filledMonthCsv,
  openTestPortal,
  TEST_TODAY,
  type TestPortal,
  utf8,
} from './submission-test-support.ts';
import { submitCsv } from './submit-csv.ts';
import { diffStoredVersions, versionPairFromQuery } from './version-diff.ts';

describe('versionPairFromQuery', () => {
  it('reads a month and two versions', () => {
    expect(versionPairFromQuery(new URLSearchParams('period=2026-10&from=2&to=1'))).toEqual({
      period: '2026-10',
      from: 2,
      to: 1,
    });
  });

  it('is null until all three are given', () => {
    expect(versionPairFromQuery(new URLSearchParams(''))).toBeNull();
    expect(versionPairFromQuery(new URLSearchParams('period=2026-10&from=1'))).toBeNull();
  });

  it.each([
    ['period=Oct&from=1&to=2', /not written YYYY-MM/],
    ['period=2026-10&from=0&to=2', /whole numbers from 1: “0”/],
    ['period=2026-10&from=1&to=2.5', /whole numbers from 1: “2.5”/],
    ['period=2026-10&from=1&to=1 OR 1=1', /whole numbers from 1/],
  ])('explains %s', (query, message) => {
    expect(versionPairFromQuery(new URLSearchParams(query))).toMatch(message);
  });
});

describe('diffStoredVersions', () => {
  let portal: TestPortal;
  beforeEach(async () => {
    portal = await openTestPortal();
    for (const seed of [1, 2])
      await submitCsv(portal, portal.users.dataS1, {
        bytes: utf8(filledMonthCsv(portal.reference, 'S1', '2026-10', seed)),
        contentType: 'text/csv',
        period: '2026-10',
        note: null,
        today: TEST_TODAY,
      });
  });
  afterEach(async () => {
    await portal.store.close();
  });

  it('compares any two stored versions, in either order', async () => {
    const forward = await diffStoredVersions(portal.store, 'S1', { period: '2026-10', from: 1, to: 2 });
    const backward = await diffStoredVersions(portal.store, 'S1', { period: '2026-10', from: 2, to: 1 });
    if (!forward.ok || !backward.ok) throw new Error('not found');
    expect(forward.diff.changed.length).toBeGreaterThan(0);
    expect(backward.diff.changed.map((c) => [c.before, c.after])).toEqual(
      forward.diff.changed.map((c) => [c.after, c.before]),
    );
    const same = await diffStoredVersions(portal.store, 'S1', { period: '2026-10', from: 2, to: 2 });
    expect(same.ok && same.diff.changed).toEqual([]);
  });

  it('says which versions exist when one does not', async () => {
    expect(await diffStoredVersions(portal.store, 'S1', { period: '2026-10', from: 1, to: 3 })).toEqual({
      ok: false,
      message: 'S1 has no version 3 of 2026-10 (versions: 1, 2).',
    });
    expect(await diffStoredVersions(portal.store, 'S2', { period: '2026-10', from: 1, to: 2 })).toEqual({
      ok: false,
      message: 'S2 has no version 1 of 2026-10 (nothing stored for that month).',
    });
  });

  it('labels measures and ethnic categories for people', async () => {
    const result = await diffStoredVersions(portal.store, 'S1', { period: '2026-10', from: 1, to: 2 });
    if (!result.ok) throw new Error('not found');
    const labelled = labelDiff(result.diff, portal.reference);
    const first = labelled.changed[0];
    const measure = portal.reference.measures.find((m) => m.measure_id === first?.measureId);
    const category = portal.reference.ethnicCategories.find((e) => e.code === first?.ethnicCategory);
    expect([first?.measureName, first?.categoryLabel]).toEqual([measure?.name, category?.label]);
    expect(
      labelDiff(
        {
          added: [{ measureId: 'gone', ethnicCategory: 'Q9', numerator: 1, denominator: 2 }],
          removed: [],
          changed: [],
          unchanged: 0,
        },
        portal.reference,
      ).added[0],
    ).toMatchObject({
      measureName: 'gone',
      categoryLabel: 'Q9',
    });
  });
});

describe('submission clock', () => {
  it('follows PORTAL_TODAY when set, and refuses a value that is not a date', () => {
    const saved = process.env.PORTAL_TODAY;
    try {
      process.env.PORTAL_TODAY = '2027-01-16';
      expect(portalToday().toISOString()).toBe('2027-01-16T00:00:00.000Z');
      process.env.PORTAL_TODAY = 'next Tuesday';
      expect(() => portalToday()).toThrow(/PORTAL_TODAY="next Tuesday" is not a date/);
      delete process.env.PORTAL_TODAY;
      expect(Math.abs(portalToday().getTime() - Date.now())).toBeLessThan(5_000);
    } finally {
      if (saved === undefined) delete process.env.PORTAL_TODAY;
      else process.env.PORTAL_TODAY = saved;
    }
  });

  it('writes moments as DuckDB TIMESTAMP text in UTC', () => {
    expect(sqlTimestamp(new Date('2026-03-29T01:30:00.000Z'))).toBe('2026-03-29 01:30:00.000');
  });
});
