import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoDataDir } from '@maternity-qi/network-data/node';
import { migrate } from '../server/db/migrations';
import { Store } from '../server/db/store';

// A two-site portal network for the publisher's tests: S1 resubmitted February 2025
// (version 2 carries numerator 99 for ALL), and each site has an aim with a change idea, a
// PDSA cycle and an annotation.

const SITES = [
  'site_id,display_name,region_code,annual_births,pct_white,pct_asian,pct_black,pct_mixed,pct_other,pct_unknown,is_demo',
  'S1,Site A (London),Y56,12630,27.3,46.2,10.1,2.2,7.0,7.1,1',
  'S2,Site B (Midlands),Y60,5930,35.0,40.0,16.7,3.9,3.8,0.6,1',
].join('\n');

/** A data/ folder with the repository's reference tables but only sites S1 and S2. */
export function twoSiteRepoData(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const file of ['regions.csv', 'ethnic-categories.csv', 'measures.csv'])
    copyFileSync(path.join(repoDataDir(), file), path.join(dir, file));
  writeFileSync(path.join(dir, 'sites.csv'), `${SITES}\n`);
  return dir;
}

/** Adds both sites' submissions for `months` (three rows each: ALL, A and J for pph_1500). */
export async function seedSubmissions(store: Store, months: readonly string[], sites = ['S1', 'S2']) {
  await store.write(async (tx) => {
    for (const site of sites)
      for (const [index, period] of months.entries()) {
        const versions = site === 'S1' && period === '2025-02' ? [1, 2] : [1];
        for (const version of versions) {
          await tx.run('INSERT INTO submission_versions VALUES (?, ?, ?, NULL, now(), 3, NULL, NULL)', [
            site,
            period,
            version,
          ]);
          const all = version === 2 ? 99 : 40 + index;
          for (const [category, numerator, denominator] of [
            ['ALL', all, 1000],
            ['A', 20, 500],
            ['J', 12, 300],
          ] as const)
            await tx.run('INSERT INTO submission_rows VALUES (?, ?, ?, ?, ?, ?, ?)', [
              site,
              period,
              version,
              'pph_1500',
              category,
              numerator,
              denominator,
            ]);
        }
      }
  });
}

/** Adds an aim, a change idea, a PDSA cycle and an annotation for each site. */
export async function seedQiLog(store: Store) {
  await store.write(async (tx) => {
    for (const site of ['S1', 'S2']) {
      await tx.run("INSERT INTO aims VALUES (?, ?, 'pph_1500', 'ALL', 'Reduce PPH', 40, 30, '2026-03')", [
        `AIM-${site}`,
        site,
      ]);
      await tx.run("INSERT INTO change_ideas VALUES (?, ?, 'Driver', 'Idea')", [`CI-${site}`, `AIM-${site}`]);
      await tx.run(
        "INSERT INTO pdsa_cycles (pdsa_id, change_idea_id, cycle, start_period, end_period, plan, do_notes, study, act) VALUES (?, ?, 1, '2025-01', NULL, 'Plan', 'Did it', NULL, NULL)",
        [`P-${site}`, `CI-${site}`],
      );
      await tx.run("INSERT INTO annotations VALUES (?, ?, '2025-02', 'pph_1500', NULL, 'pdsa', 'Started')", [
        `ANN-${site}`,
        site,
      ]);
    }
  });
}

/** An in-memory portal database holding the two-site network for January to March 2025. */
export async function twoSiteStore(): Promise<Store> {
  const store = await Store.open(':memory:');
  await migrate(store);
  await seedSubmissions(store, ['2025-01', '2025-02', '2025-03']);
  await seedQiLog(store);
  return store;
}
