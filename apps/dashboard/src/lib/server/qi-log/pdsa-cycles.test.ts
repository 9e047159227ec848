import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DataChange, onDataChanged } from '../data-changes.ts';
import type { Store } from '../db/store.ts';
import { openQiTestStore, testReference, testUsers } from '../testing/qi-test-store.ts';
import { recordingStore } from '../testing/recording-store.ts';
import { Forbidden, InvalidInput, NotFound } from '../write-errors.ts';
import { saveAim } from './aims.ts';
import { saveChangeIdea } from './change-ideas.ts';
import { pdsaAnnotationText, savePdsaCycle } from './pdsa-cycles.ts';
import { readQiLog } from './qi-log.ts';

let store: Store;
let changes: DataChange[];
let stop: () => void;
let ideaId: string;

beforeEach(async () => {
  store = await openQiTestStore();
  const aim = await saveAim(store, testReference, testUsers.leadS1, 'S1', {
    measure_id: 'booking_by_10wk',
    focus: 'groups',
    ethnic_groups: ['BANGLADESHI', 'OTHER_ASIAN'],
    target_value: '70',
    target_period: '2026-12',
  });
  const idea = await saveChangeIdea(store, testUsers.dataS1, 'S1', {
    aim_id: aim.aim_id,
    primary_driver: 'Referral reaches the maternity service quickly',
    title: 'Sylheti-speaking support worker phones every referral',
  });
  ideaId = idea.change_idea_id;
  changes = [];
  stop = onDataChanged((change) => changes.push(change));
});
afterEach(async () => {
  stop();
  await store.close();
});

const rows = (sql: string) => store.all(sql);
const plan = 'Phone ten referrals in one week.';

describe('saveChangeIdea', () => {
  it('numbers change ideas per aim and checks their fields and site', async () => {
    expect(ideaId).toBe('AIM-S1-1-CI1');
    const second = await saveChangeIdea(store, testUsers.leadS1, 'S1', {
      aim_id: 'AIM-S1-1',
      primary_driver: 'Women know when to book',
      title: 'Posters in Sylheti',
    });
    expect(second.change_idea_id).toBe('AIM-S1-1-CI2');
    await expect(
      saveChangeIdea(store, testUsers.leadS1, 'S1', { aim_id: 'AIM-S1-9', primary_driver: '', title: 'x' }),
    ).rejects.toMatchObject({
      fields: {
        aim_id: 'There is no aim AIM-S1-9 at site S1.',
        primary_driver: 'Enter the primary driver this change acts on (from your driver diagram).',
      },
    });
    await expect(
      saveChangeIdea(store, testUsers.leadS2, 'S1', { aim_id: 'AIM-S1-1', primary_driver: 'a', title: 'b' }),
    ).rejects.toBeInstanceOf(Forbidden);
    await expect(
      saveChangeIdea(store, testUsers.faculty, 'S1', { aim_id: 'AIM-S1-1', primary_driver: 'a', title: 'b' }),
    ).rejects.toBeInstanceOf(Forbidden);
  });
});

describe('savePdsaCycle', () => {
  it('writes the cycle, its chart annotation and the audit entry in one transaction', async () => {
    const watched = recordingStore(store);
    const cycle = await savePdsaCycle(watched, testReference, testUsers.dataS1, 'S1', {
      change_idea_id: ideaId,
      plan,
      start_period: '2026-01',
      end_period: '2026-02',
      act: 'adapt',
    });
    expect(cycle).toMatchObject({ pdsa_id: 'AIM-S1-1-CI1-P1', cycle: 1, linked_measures: 'booking_by_10wk' });
    expect(watched.transactions).toHaveLength(1);
    const written = (watched.transactions[0] ?? []).filter((sql) => /^(INSERT|UPDATE)/.test(sql));
    expect(written.map((sql) => sql.split(/\s+/).slice(0, 3).join(' '))).toEqual([
      'INSERT INTO pdsa_cycles',
      'INSERT INTO annotations',
      'INSERT INTO audit_log',
    ]);
    expect(await rows('SELECT * FROM annotations')).toEqual([
      {
        annotation_id: 'ANN-AIM-S1-1-CI1-P1',
        site_id: 'S1',
        period: '2026-01',
        measure_id: 'booking_by_10wk',
        ethnic_groups: 'BANGLADESHI;OTHER_ASIAN',
        kind: 'pdsa',
        text: 'PDSA 1: Phone ten referrals in one week.',
      },
    ]);
    expect(changes).toEqual([{ siteId: 'S1', reason: 'PDSA cycle AIM-S1-1-CI1-P1 logged' }]);
  });

  it('rolls the annotation back with the cycle when the transaction fails', async () => {
    const failing = recordingStore(store, /INSERT INTO audit_log/);
    await expect(
      savePdsaCycle(failing, testReference, testUsers.leadS1, 'S1', {
        change_idea_id: ideaId,
        plan,
        start_period: '2026-01',
      }),
    ).rejects.toThrow(/injected failure/);
    // The annotation was written inside the failed transaction…
    expect(failing.transactions[0]?.some((sql) => sql.startsWith('INSERT INTO annotations'))).toBe(true);
    // …and rolled back with it.
    expect(await rows('SELECT * FROM pdsa_cycles')).toEqual([]);
    expect(await rows('SELECT * FROM annotations')).toEqual([]);
    expect(changes).toEqual([]);
  });

  it('numbers cycles per change idea and updates the annotation when a cycle is edited', async () => {
    await savePdsaCycle(store, testReference, testUsers.leadS1, 'S1', {
      change_idea_id: ideaId,
      plan,
      start_period: '2026-01',
    });
    const second = await savePdsaCycle(store, testReference, testUsers.leadS1, 'S1', {
      change_idea_id: ideaId,
      plan: 'Phone all referrals from two practices.',
      start_period: '2026-02',
    });
    expect(second.pdsa_id).toBe('AIM-S1-1-CI1-P2');
    await savePdsaCycle(
      store,
      testReference,
      testUsers.leadS1,
      'S1',
      {
        plan: 'Phone all referrals from the two largest practices.',
        start_period: '2026-03',
        end_period: '2026-04',
        study: 'Median time to booking fell from 19 to 9 days.',
        act: 'adopt',
        act_notes: 'Standard work from May.',
        linked_measures: ['booking_by_10wk', 'smoking_at_booking'],
      },
      second.pdsa_id,
    );
    expect(
      await rows("SELECT period, text FROM annotations WHERE annotation_id = 'ANN-AIM-S1-1-CI1-P2'"),
    ).toEqual([{ period: '2026-03', text: 'PDSA 2: Phone all referrals from the two largest practices.' }]);
    const [aim] = await readQiLog(store, testReference, testUsers.dataS1, 'S1');
    const cycles = aim?.changeIdeas[0]?.cycles ?? [];
    expect(cycles.map((c) => [c.cycle, c.act, c.linkedMeasureNames.length])).toEqual([
      [1, null, 1],
      [2, 'adopt', 2],
    ]);
    expect(aim?.population).toBe('Bangladeshi and other Asian women');
    expect(
      await rows("SELECT action FROM audit_log WHERE starts_with(action, 'pdsa') ORDER BY audit_id"),
    ).toEqual([{ action: 'pdsa.create' }, { action: 'pdsa.create' }, { action: 'pdsa.update' }]);
  });

  it('refuses bad fields, other sites and unknown ids, writing nothing', async () => {
    await expect(
      savePdsaCycle(store, testReference, testUsers.leadS1, 'S1', {
        change_idea_id: ideaId,
        plan: '',
        start_period: '2026-03',
        end_period: '2026-01',
      }),
    ).rejects.toMatchObject({
      fields: {
        plan: expect.stringMatching(/^Enter the plan/),
        end_period: 'The cycle cannot end (2026-01) before it starts (2026-03).',
      },
    });
    await expect(
      savePdsaCycle(store, testReference, testUsers.leadS1, 'S1', {
        change_idea_id: 'AIM-S1-1-CI9',
        plan,
        start_period: '2026-01',
      }),
    ).rejects.toBeInstanceOf(InvalidInput);
    await expect(
      savePdsaCycle(store, testReference, testUsers.leadS2, 'S1', {
        change_idea_id: ideaId,
        plan,
        start_period: '2026-01',
      }),
    ).rejects.toBeInstanceOf(Forbidden);
    // S2's lead naming S1's change idea from S2's own log finds nothing there.
    await expect(
      savePdsaCycle(store, testReference, testUsers.leadS2, 'S2', {
        change_idea_id: ideaId,
        plan,
        start_period: '2026-01',
      }),
    ).rejects.toBeInstanceOf(InvalidInput);
    await expect(
      savePdsaCycle(
        store,
        testReference,
        testUsers.leadS1,
        'S1',
        { plan, start_period: '2026-01' },
        'AIM-S1-1-CI1-P7',
      ),
    ).rejects.toBeInstanceOf(NotFound);
    await expect(
      savePdsaCycle(store, testReference, testUsers.advisory, 'S1', {
        change_idea_id: ideaId,
        plan,
        start_period: '2026-01',
      }),
    ).rejects.toBeInstanceOf(Forbidden);
    expect(await rows('SELECT * FROM pdsa_cycles')).toEqual([]);
    expect(await rows('SELECT * FROM annotations')).toEqual([]);
    expect(changes).toEqual([]);
  });

  it('shortens long plans on the chart note', () => {
    expect(pdsaAnnotationText(3, `${'a'.repeat(200)}\nsecond line`)).toBe(`PDSA 3: ${'a'.repeat(159)}…`);
    expect(pdsaAnnotationText(1, 'First line\nSecond line')).toBe('PDSA 1: First line');
  });
});
