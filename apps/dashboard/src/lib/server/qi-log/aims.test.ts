import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DataChange, onDataChanged } from '../data-changes.ts';
import type { Store } from '../db/store.ts';
import { openQiTestStore, testReference, testUsers } from '../testing/qi-test-store.ts';
import { Forbidden, InvalidInput, NotFound } from '../write-errors.ts';
import type { AimFields } from './aim-input.ts';
import { saveAim } from './aims.ts';

const fields: AimFields = {
  measure_id: 'booking_by_10wk',
  focus: 'groups',
  ethnic_groups: ['BLACK', 'MIXED'],
  baseline_value: '48',
  target_value: '65',
  target_period: '2026-03',
};

let store: Store;
let changes: DataChange[];
let stop: () => void;
beforeEach(async () => {
  store = await openQiTestStore();
  changes = [];
  stop = onDataChanged((change) => changes.push(change));
});
afterEach(async () => {
  stop();
  await store.close();
});

const count = async (table: string) =>
  (await store.one<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))?.n;

describe('saveAim', () => {
  it('creates numbered aims for the site, audited and announced', async () => {
    const first = await saveAim(store, testReference, testUsers.leadS1, 'S1', fields);
    const second = await saveAim(store, testReference, testUsers.leadS1, 'S1', { ...fields, focus: 'all' });
    expect([first.aim_id, second.aim_id]).toEqual(['AIM-S1-1', 'AIM-S1-2']);
    expect(await store.one('SELECT * FROM aims WHERE aim_id = ?', ['AIM-S1-1'])).toEqual({
      aim_id: 'AIM-S1-1',
      site_id: 'S1',
      measure_id: 'booking_by_10wk',
      ethnic_groups: 'BLACK;MIXED',
      statement:
        'Increase “Booked by 10 weeks (<=70 days)” for Black and mixed-ethnicity women at Site A (London) from 48% to 65% by March 2026.',
      baseline_value: 48,
      target_value: 65,
      target_period: '2026-03',
    });
    const audit = await store.all<{ action: string; target: string; email: string }>(
      'SELECT action, target, email FROM audit_log ORDER BY audit_id',
    );
    expect(audit).toEqual([
      { action: 'aim.create', target: 'AIM-S1-1', email: testUsers.leadS1.email },
      { action: 'aim.create', target: 'AIM-S1-2', email: testUsers.leadS1.email },
    ]);
    expect(changes.map((change) => change.siteId)).toEqual(['S1', 'S1']);
  });

  it('refuses the lead of S1 writing S2’s aims, and roles without edit_aims, writing nothing', async () => {
    for (const [user, site] of [
      [testUsers.leadS1, 'S2'],
      [testUsers.dataS1, 'S1'],
      [testUsers.faculty, 'S1'],
      [testUsers.admin, 'S1'],
      [testUsers.advisory, 'S1'],
    ] as const) {
      const attempt = saveAim(store, testReference, user, site, fields);
      await expect(attempt).rejects.toBeInstanceOf(Forbidden);
      await expect(attempt).rejects.toMatchObject({ status: 403 });
    }
    expect(await count('aims')).toBe(0);
    expect(await count('audit_log')).toBe(0);
    expect(changes).toEqual([]);
  });

  it('writes nothing for invalid fields', async () => {
    await expect(
      saveAim(store, testReference, testUsers.leadS1, 'S1', { ...fields, target_value: '101' }),
    ).rejects.toBeInstanceOf(InvalidInput);
    expect(await count('aims')).toBe(0);
    expect(await count('audit_log')).toBe(0);
  });

  it('edits an aim and moves its cycles’ chart notes to the new measure and groups', async () => {
    const aim = await saveAim(store, testReference, testUsers.leadS1, 'S1', fields);
    await store.write((tx) =>
      tx.run(
        "INSERT INTO annotations VALUES ('ANN-AIM-S1-1-CI1-P1', 'S1', '2026-01', 'booking_by_10wk', 'BLACK;MIXED', 'pdsa', 'PDSA 1: x'), ('ANN-AIM-S1-10-CI1-P1', 'S1', '2026-01', 'booking_by_10wk', 'ASIAN', 'pdsa', 'PDSA 1: y')",
      ),
    );
    const edited = await saveAim(
      store,
      testReference,
      testUsers.leadS1,
      'S1',
      {
        ...fields,
        measure_id: 'smoking_at_booking',
        ethnic_groups: ['WHITE'],
        baseline_value: '20',
        target_value: '10',
        statement: 'Fewer smokers.',
      },
      aim.aim_id,
    );
    expect(edited).toMatchObject({
      aim_id: 'AIM-S1-1',
      measure_id: 'smoking_at_booking',
      statement: 'Fewer smokers.',
    });
    expect(
      await store.all(
        'SELECT annotation_id, measure_id, ethnic_groups FROM annotations ORDER BY annotation_id',
      ),
    ).toEqual([
      { annotation_id: 'ANN-AIM-S1-1-CI1-P1', measure_id: 'smoking_at_booking', ethnic_groups: 'WHITE' },
      // AIM-S1-10's note is not AIM-S1-1's, though its id starts the same way.
      { annotation_id: 'ANN-AIM-S1-10-CI1-P1', measure_id: 'booking_by_10wk', ethnic_groups: 'ASIAN' },
    ]);
    const audit = await store.one<{ action: string; detail: string }>(
      "SELECT action, detail FROM audit_log WHERE action = 'aim.update'",
    );
    expect(JSON.parse(audit?.detail ?? '{}').before.measure_id).toBe('booking_by_10wk');
  });

  it('does not let S2’s lead edit S1’s aim through S2', async () => {
    const aim = await saveAim(store, testReference, testUsers.leadS1, 'S1', fields);
    await expect(
      saveAim(store, testReference, testUsers.leadS2, 'S2', fields, aim.aim_id),
    ).rejects.toBeInstanceOf(NotFound);
    await expect(
      saveAim(store, testReference, testUsers.leadS2, 'S1', fields, aim.aim_id),
    ).rejects.toBeInstanceOf(Forbidden);
  });
});
