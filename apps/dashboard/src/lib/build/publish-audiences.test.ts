import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportAudienceTables } from '../server/audience/export-audience-tables';
import type { Store } from '../server/db/store';
import { type PublishedAudience, publishAudiences } from './publish-audiences';
import { seedSubmissions, twoSiteRepoData, twoSiteStore } from './testing-audiences';

// A two-site network in a real portal database (testing-audiences.ts), published as the
// server's child process would, then checked file by file.
let root = '';
let store: Store;
let repoData = '';
let first: PublishedAudience[] = [];

function current(audience: string): string {
  return path.join(root, 'audiences', audience, 'current');
}
function manifestOf(audience: string): { tables: { table: string; file: string }[] } {
  return JSON.parse(readFileSync(path.join(current(audience), 'manifest.json'), 'utf8'));
}
function tableOf(audience: string, table: string) {
  const entry = manifestOf(audience).tables.find((candidate) => candidate.table === table);
  if (!entry) throw new Error(`${audience} has no ${table} table`);
  return tableFromIPC(readFileSync(path.join(current(audience), entry.file)));
}
const rowsOf = (audience: string, table: string) =>
  tableOf(audience, table)
    .toArray()
    .map((row) => row.toJSON() as Record<string, unknown>);

async function publish(sites: 'all' | string[]) {
  const staging = mkdtempSync(path.join(root, 'staging-'));
  await exportAudienceTables(store, staging);
  return publishAudiences({
    stagingDir: staging,
    audiencesDir: path.join(root, 'audiences'),
    repoDataDir: repoData,
    sites,
  });
}

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'aud-publish-'));
  repoData = twoSiteRepoData(path.join(root, 'data'));
  store = await twoSiteStore();
  first = await publish('all');
}, 120_000);

afterAll(async () => {
  await store.close();
});

describe('publishAudiences', () => {
  it('builds every audience', () => {
    expect(first.map((entry) => `${entry.audience} ${entry.mode}`)).toEqual([
      'network built',
      'advisory built',
      'public built',
      'site-S1 built',
      'site-S2 built',
    ]);
  });

  it('gives a site only its own rows, of the latest version, in every table and bundle', () => {
    const submissions = rowsOf('site-S1', 'submissions');
    expect(submissions).toHaveLength(9);
    expect(new Set(submissions.map((row) => row.site_id))).toEqual(new Set(['S1']));
    // The dictionary does not even name S2.
    expect([
      ...(tableOf('site-S1', 'submissions').getChild('site_id')?.data[0]?.dictionary?.toArray() ?? []),
    ]).toEqual(['S1']);
    const february = submissions.filter(
      (row) =>
        row.ethnic_category === 'ALL' && new Date(row.period as number).toISOString().startsWith('2025-02'),
    );
    expect(february.map((row) => [row.numerator, row.version])).toEqual([[99, 2]]);
    for (const table of ['submission_log', 'aims', 'annotations', 'sites'])
      expect(new Set(rowsOf('site-S1', table).map((row) => row.site_id))).toEqual(new Set(['S1']));
    expect(rowsOf('site-S1', 'change_ideas').map((row) => row.change_idea_id)).toEqual(['CI-S1']);
    expect(rowsOf('site-S1', 'pdsa_cycles').map((row) => [row.pdsa_id, row.do_notes])).toEqual([
      ['P-S1', 'Did it'],
    ]);
    const siteNetwork = JSON.parse(readFileSync(path.join(current('site-S1'), 'site-network.json'), 'utf8'));
    expect(Object.keys(siteNetwork.siteFiles)).toEqual(['S1']);
    expect(readdirSync(path.join(current('site-S1'), 'site'))).toEqual([
      path.basename(siteNetwork.siteFiles.S1),
    ]);
    expect(existsSync(path.join(current('site-S1'), 'disparity-network.json'))).toBe(false);
    const everything = readdirSync(current('site-S1'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.parentPath.endsWith('advisory'))
      .map((entry) => readFileSync(path.join(entry.parentPath, entry.name)).toString('latin1'));
    expect(everything.some((text) => text.includes('S2') || text.includes('Site B'))).toBe(false);
  });

  it('gives the advisory group the reference tables and aggregates, and no submissions', () => {
    expect(
      manifestOf('advisory')
        .tables.map((entry) => entry.table)
        .sort(),
    ).toEqual(['ethnic_categories', 'measures', 'regions', 'sites']);
    const files = readdirSync(current('advisory'), { recursive: true }).map(String).sort();
    expect(files.filter((file) => /^site(-network\.json|\/)|disparity|submission/.test(file))).toEqual([]);
    expect(files).toContain('advisory/index.json');
    expect(files).toContain('national-context.json');
  });

  it('gives the whole network every site, and anonymous visitors only the national context', () => {
    expect(new Set(rowsOf('network', 'submissions').map((row) => row.site_id))).toEqual(
      new Set(['S1', 'S2']),
    );
    expect(rowsOf('network', 'submissions')).toHaveLength(18);
    expect(existsSync(path.join(current('network'), 'disparity-network.json'))).toBe(true);
    expect(readdirSync(current('public'))).toEqual(['national-context.json']);
  });

  it('after one site changes, rebuilds that site and renews only the network totals of the others', async () => {
    const s2Before = manifestOf('site-S2').tables.find((entry) => entry.table === 'submissions')?.file;
    await seedSubmissions(store, ['2025-04']);
    const second = await publish(['S1']);
    expect(second.map((entry) => `${entry.audience} ${entry.mode}`)).toEqual([
      'network built',
      'advisory built',
      'public built',
      'site-S1 built',
      'site-S2 refreshed',
    ]);
    expect(rowsOf('site-S1', 'submissions')).toHaveLength(12);
    // S2's own files are the previous ones (its new month waits for its own change)...
    expect(manifestOf('site-S2').tables.find((entry) => entry.table === 'submissions')?.file).toBe(s2Before);
    // ...but its network totals are the new ones, the same as everyone's.
    const index = (audience: string) =>
      readFileSync(path.join(current(audience), 'advisory/index.json'), 'utf8');
    expect(index('site-S2')).toBe(index('network'));
    expect(index('site-S1')).toBe(index('network'));
    // The replaced generations stay readable for page loads that began before the switch.
    expect(
      readdirSync(path.join(root, 'audiences', 'site-S2')).filter((name) => name.startsWith('gen-')),
    ).toHaveLength(2);
  }, 120_000);
});
