import path from 'node:path';
import { repoDataDir } from '@maternity-qi/network-data/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../db/migrations.ts';
import { seedDemo } from '../db/seed-demo.ts';
import { Store } from '../db/store.ts';
import { readQiLog } from '../qi-log/qi-log.ts';
import { testReference, testUsers } from '../testing/qi-test-store.ts';
import { readMonthlyReport } from './monthly-report.ts';

// The demo network seeded into the migrated schema (as the portal starts), read back by the
// QI log and the monthly report: the demo's AIM-A1 (Bangladeshi and other Asian women at S1).
let store: Store;
beforeAll(async () => {
  store = await Store.open(':memory:');
  await migrate(store);
  await seedDemo(store, path.join(repoDataDir(), 'demo'), testReference);
}, 60_000);
afterAll(() => store.close());

describe('the demo network in the portal schema', () => {
  it('reads the demo’s QI log with its level-2 groups and cycles', async () => {
    const [aim] = await readQiLog(store, testReference, testUsers.leadS1, 'S1');
    expect(aim?.aim_id).toBe('AIM-A1');
    expect(aim?.population).toBe('Bangladeshi and other Asian women');
    expect(
      aim?.changeIdeas[0]?.cycles.map((cycle) => [cycle.cycle, cycle.act, cycle.linkedMeasureIds]),
    ).toEqual([
      [1, 'adapt', ['booking_by_10wk']],
      [2, 'adopt', ['booking_by_10wk']],
    ]);
  });

  it('charts the demo aim from the latest submission versions', async () => {
    const report = await readMonthlyReport(store, testReference, testUsers.faculty, 'S1', '2024-03');
    const [item] = report.aims;
    expect(item?.problem).toBeNull();
    expect(item?.chart?.dates).toHaveLength(24);
    expect(item?.chart?.result.points.filter((point) => point.value != null).length).toBeGreaterThan(12);
    expect(item?.annotations.map((note) => note.label)).toEqual([
      'PDSA 1: Phone ten referrals in one week.',
      'PDSA 2: Phone all referrals from the two largest practices for a month.',
      'Change adopted: Sylheti-speaking maternity support worker phones every woman referred by her GP within 2 days',
    ]);
  });
});
