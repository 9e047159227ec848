import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DataChange, onDataChanged } from '../data-changes.ts';
import type { Store } from '../db/store.ts';
import { openQiTestStore, testReference, testUsers } from '../testing/qi-test-store.ts';
import { recordingStore } from '../testing/recording-store.ts';
import { Forbidden, InvalidInput, NotFound } from '../write-errors.ts';
import { saveAim } from './aims.ts';
import { deleteChangeIdea, saveChangeIdea } from './change-ideas.ts';
import { deletePdsaCycle, savePdsaCycle } from './pdsa-cycles.ts';

let store: Store;
let changes: DataChange[];
let stop: () => void;
let ideaId: string;
let spareIdeaId: string;

beforeEach(async () => {
  store = await openQiTestStore();
  const aim = await saveAim(store, testReference, testUsers.leadS1, 'S1', {
    measure_id: 'booking_by_10wk',
    focus: 'all',
    target_value: '70',
    target_period: '2026-12',
  });
  const idea = await saveChangeIdea(store, testUsers.dataS1, 'S1', {
    aim_id: aim.aim_id,
    primary_driver: 'Referral reaches the maternity service quickly',
    title: 'Support worker phones every referral',
  });
  ideaId = idea.change_idea_id;
  spareIdeaId = (
    await saveChangeIdea(store, testUsers.dataS1, 'S1', {
      aim_id: aim.aim_id,
      primary_driver: 'Women know when to book',
      title: 'Added twice by mistake',
    })
  ).change_idea_id;
  for (const start of ['2026-01', '2026-03'])
    await savePdsaCycle(store, testReference, testUsers.leadS1, 'S1', {
      change_idea_id: ideaId,
      plan: `Phone ten referrals from ${start}.`,
      start_period: start,
    });
  changes = [];
  stop = onDataChanged((change) => changes.push(change));
});
afterEach(async () => {
  stop();
  await store.close();
});

const ids = async (sql: string) => (await store.all<{ id: string }>(sql)).map((row) => row.id);
const cycles = () => ids('SELECT pdsa_id AS id FROM pdsa_cycles ORDER BY pdsa_id');
const annotations = () => ids('SELECT annotation_id AS id FROM annotations ORDER BY annotation_id');
const ideas = () => ids('SELECT change_idea_id AS id FROM change_ideas ORDER BY change_idea_id');

describe('deletePdsaCycle', () => {
  it('removes the cycle and its chart marker with an audit entry holding the cycle, in one transaction', async () => {
    const watched = recordingStore(store);
    const gone = await deletePdsaCycle(watched, testUsers.dataS1, 'S1', 'AIM-S1-1-CI1-P1', true);
    expect(gone).toMatchObject({ pdsa_id: 'AIM-S1-1-CI1-P1', cycle: 1, start_period: '2026-01' });
    expect(watched.transactions).toHaveLength(1);
    expect(
      (watched.transactions[0] ?? [])
        .filter((sql) => /^(INSERT|DELETE)/.test(sql))
        .map((sql) => sql.split(/\s+/).slice(0, 3).join(' ')),
    ).toEqual(['DELETE FROM annotations', 'DELETE FROM pdsa_cycles', 'INSERT INTO audit_log']);
    expect(await cycles()).toEqual(['AIM-S1-1-CI1-P2']);
    expect(await annotations()).toEqual(['ANN-AIM-S1-1-CI1-P2']);
    const [audit] = await store.all<{ action: string; target: string; detail: string }>(
      "SELECT action, target, detail FROM audit_log WHERE action = 'pdsa.delete'",
    );
    expect(audit?.target).toBe('AIM-S1-1-CI1-P1');
    expect(JSON.parse(audit?.detail ?? '{}')).toMatchObject({ plan: 'Phone ten referrals from 2026-01.' });
    expect(changes).toEqual([{ siteId: 'S1', reason: 'PDSA cycle AIM-S1-1-CI1-P1 deleted' }]);
  });

  it('rolls the marker back with the cycle when the transaction fails', async () => {
    const failing = recordingStore(store, /INSERT INTO audit_log/);
    await expect(deletePdsaCycle(failing, testUsers.leadS1, 'S1', 'AIM-S1-1-CI1-P2', true)).rejects.toThrow(
      /injected failure/,
    );
    expect(await cycles()).toEqual(['AIM-S1-1-CI1-P1', 'AIM-S1-1-CI1-P2']);
    expect(await annotations()).toEqual(['ANN-AIM-S1-1-CI1-P1', 'ANN-AIM-S1-1-CI1-P2']);
    expect(changes).toEqual([]);
  });

  it('refuses without confirmation, other sites’ teams, read-only roles and unknown cycles, deleting nothing', async () => {
    await expect(
      deletePdsaCycle(store, testUsers.leadS1, 'S1', 'AIM-S1-1-CI1-P1', false),
    ).rejects.toMatchObject({
      fields: { confirm: 'Tick the box to confirm you want to delete PDSA 1.' },
    });
    await expect(
      deletePdsaCycle(store, testUsers.leadS1, 'S1', 'AIM-S1-1-CI1-P1', false),
    ).rejects.toBeInstanceOf(InvalidInput);
    // S2's lead, through S2's URL or S1's.
    await expect(
      deletePdsaCycle(store, testUsers.leadS2, 'S2', 'AIM-S1-1-CI1-P1', true),
    ).rejects.toBeInstanceOf(NotFound);
    await expect(
      deletePdsaCycle(store, testUsers.leadS2, 'S1', 'AIM-S1-1-CI1-P1', true),
    ).rejects.toBeInstanceOf(Forbidden);
    for (const reader of [testUsers.faculty, testUsers.admin, testUsers.advisory])
      await expect(deletePdsaCycle(store, reader, 'S1', 'AIM-S1-1-CI1-P1', true)).rejects.toBeInstanceOf(
        Forbidden,
      );
    await expect(
      deletePdsaCycle(store, testUsers.leadS1, 'S1', 'AIM-S1-1-CI1-P9', true),
    ).rejects.toBeInstanceOf(NotFound);
    expect(await cycles()).toEqual(['AIM-S1-1-CI1-P1', 'AIM-S1-1-CI1-P2']);
    expect(await annotations()).toEqual(['ANN-AIM-S1-1-CI1-P1', 'ANN-AIM-S1-1-CI1-P2']);
    expect(changes).toEqual([]);
  });

  it('numbers the next cycle after the highest one left', async () => {
    await deletePdsaCycle(store, testUsers.leadS1, 'S1', 'AIM-S1-1-CI1-P2', true);
    const next = await savePdsaCycle(store, testReference, testUsers.leadS1, 'S1', {
      change_idea_id: ideaId,
      plan: 'Try again.',
      start_period: '2026-04',
    });
    expect(next).toMatchObject({ pdsa_id: 'AIM-S1-1-CI1-P2', cycle: 2 });
    expect(await annotations()).toEqual(['ANN-AIM-S1-1-CI1-P1', 'ANN-AIM-S1-1-CI1-P2']);
  });
});

describe('deleteChangeIdea', () => {
  it('deletes an idea without cycles, audited and announced', async () => {
    const gone = await deleteChangeIdea(store, testUsers.leadS1, 'S1', spareIdeaId, true);
    expect(gone).toEqual({
      change_idea_id: spareIdeaId,
      aim_id: 'AIM-S1-1',
      primary_driver: 'Women know when to book',
      title: 'Added twice by mistake',
    });
    expect(await ideas()).toEqual([ideaId]);
    const [audit] = await store.all<{ target: string; detail: string }>(
      "SELECT target, detail FROM audit_log WHERE action = 'change_idea.delete'",
    );
    expect(audit?.target).toBe(spareIdeaId);
    expect(JSON.parse(audit?.detail ?? '{}')).toMatchObject({ title: 'Added twice by mistake' });
    expect(changes).toEqual([{ siteId: 'S1', reason: `change idea ${spareIdeaId} deleted` }]);
  });

  it('refuses an idea that has cycles, naming how many, and one not confirmed; deletes nothing', async () => {
    await expect(deleteChangeIdea(store, testUsers.leadS1, 'S1', ideaId, true)).rejects.toMatchObject({
      fields: { confirm: expect.stringMatching(/^This change idea has 2 PDSA cycles: delete them first/) },
    });
    await expect(deleteChangeIdea(store, testUsers.leadS1, 'S1', spareIdeaId, false)).rejects.toMatchObject({
      fields: { confirm: 'Tick the box to confirm you want to delete this change idea.' },
    });
    await expect(deleteChangeIdea(store, testUsers.leadS2, 'S1', spareIdeaId, true)).rejects.toBeInstanceOf(
      Forbidden,
    );
    await expect(deleteChangeIdea(store, testUsers.leadS2, 'S2', spareIdeaId, true)).rejects.toBeInstanceOf(
      NotFound,
    );
    await expect(deleteChangeIdea(store, testUsers.faculty, 'S1', spareIdeaId, true)).rejects.toBeInstanceOf(
      Forbidden,
    );
    expect(await ideas()).toEqual([ideaId, spareIdeaId]);
    expect(await cycles()).toHaveLength(2);
    expect(changes).toEqual([]);
  });
});
