import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MEASURE_MODELS } from '../src/generator/base-rates.js';
import type { DemoNetwork } from '../src/generator/generate-network.js';
import { DEMO_SEED, generateDemoNetwork } from '../src/generator/generate-network.js';
import { DEMO_STORIES } from '../src/generator/qi-stories.js';
import { submissionColumnsToRows } from '../src/generator/submission-columns.js';
import { repoDataDir, writeDemoNetwork } from '../src/node.js';
import { NHS_ETHNIC_CODES } from '../src/schema/ethnic-category.js';
import type { StoredSubmissionRow } from '../src/schema/submission-row.js';
import { latestVersions } from '../src/validation/apply-submission.js';
import { validateSubmission } from '../src/validation/validate-submission.js';
import { context, HEADER, tables } from './helpers.js';

let network: DemoNetwork;
let rows: StoredSubmissionRow[];
beforeAll(() => {
  network = generateDemoNetwork(tables);
  rows = submissionColumnsToRows(network.submissions);
});

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('generateDemoNetwork', () => {
  it('covers 48 months x 7 sites x 18 measures x (18 NHS codes + ALL), plus ethnicity recording', () => {
    expect(network.months).toHaveLength(48);
    expect(network.months[0]).toBe('2022-04');
    expect(network.months.at(-1)).toBe('2026-03');
    // One month missing, one month submitted twice: the row count is unchanged.
    expect(rows).toHaveLength(48 * 7 * (18 * 19 + 1));
    expect(new Set(rows.map((r) => r.measureId)).size).toBe(19);
  });

  it('is deterministic: the same seed writes byte-identical files, another seed different numbers', () => {
    const a = mkdtempSync(path.join(os.tmpdir(), 'demo-a-'));
    const b = mkdtempSync(path.join(os.tmpdir(), 'demo-b-'));
    writeDemoNetwork(a, generateDemoNetwork(tables, { seed: DEMO_SEED }), tables);
    writeDemoNetwork(b, generateDemoNetwork(tables, { seed: DEMO_SEED }), tables);
    const files = readdirSync(a).sort();
    expect(files).toContain('submissions.arrow');
    for (const f of files) expect(sha(path.join(b, f)), f).toBe(sha(path.join(a, f)));
    // The committed demo dataset is what the generator makes now (run `pnpm generate` after changing it).
    for (const f of files)
      expect(sha(path.join(repoDataDir(), 'demo', f)), `data/demo/${f} is stale`).toBe(sha(path.join(a, f)));
    const other = submissionColumnsToRows(
      generateDemoNetwork(tables, { seed: DEMO_SEED + 1, months: 1 }).submissions,
    );
    expect(other.map((r) => r.numerator)).not.toEqual(rows.slice(0, other.length).map((r) => r.numerator));
  });

  it('has the untidiness of real submissions: a missing month, a resubmission and a category-sum mismatch', () => {
    expect(rows.filter((r) => r.siteId === 'S5' && r.period === '2024-08')).toEqual([]);
    const resubmitted = rows.filter(
      (r) =>
        r.siteId === 'S4' &&
        r.period === '2025-01' &&
        r.measureId === 'booking_by_10wk' &&
        r.ethnicCategory === 'ALL',
    );
    expect(resubmitted.map((r) => r.version)).toEqual([1, 2]);
    expect(resubmitted[0]?.denominator ?? 0).toBeLessThan((resubmitted[1]?.denominator ?? 0) * 0.8);
    expect(
      network.submissionLog.filter((l) => l.site_id === 'S4' && l.period === '2025-01').map((l) => l.version),
    ).toEqual([1, 2]);

    // ALL equals the sum of the codes everywhere except the deliberate mismatch month.
    const sums = new Map<string, { all: number; codes: number }>();
    for (const r of latestVersions(rows)) {
      if (r.measureId === 'ethnicity_recorded') continue;
      const key = `${r.siteId}|${r.period}|${r.measureId}`;
      const s = sums.get(key) ?? { all: 0, codes: 0 };
      if (r.ethnicCategory === 'ALL') s.all += r.denominator ?? 0;
      else s.codes += r.denominator ?? 0;
      sums.set(key, s);
    }
    const mismatched = [...sums]
      .filter(([, s]) => s.all !== s.codes)
      .map(([k]) => k.split('|').slice(0, 2).join('|'));
    expect(new Set(mismatched)).toEqual(new Set(['S3|2024-02']));
  });

  it('writes site-months that pass validation; the mismatch month passes with warnings', () => {
    const fileFor = (site: string, period: string) =>
      `${[
        HEADER,
        ...latestVersions(rows)
          .filter((r) => r.siteId === site && r.period === period)
          .map((r) =>
            [r.siteId, r.period, r.measureId, r.ethnicCategory, r.numerator, r.denominator].join(','),
          ),
      ].join('\n')}\n`;
    for (const period of network.months.filter((_, i) => i % 6 === 0)) {
      const result = validateSubmission(fileFor('S2', period), context);
      expect(result.problems, period).toEqual([]);
    }
    const mismatch = validateSubmission(fileFor('S3', '2024-02'), context);
    expect(mismatch.ok).toBe(true);
    expect(mismatch.warnings.length).toBeGreaterThan(10);
    expect(new Set(mismatch.warnings.map((w) => w.rule))).toEqual(new Set(['category_sum_mismatch']));
  });

  it('keeps small numbers small: most monthly stillbirth cells per group are 0', () => {
    const cells = rows.filter((r) => r.measureId === 'stillbirth_rate' && r.ethnicCategory !== 'ALL');
    const zeros = cells.filter((r) => r.numerator === 0).length / cells.length;
    expect(zeros).toBeGreaterThan(0.8);
    expect(rows.some((r) => r.denominator === 0)).toBe(true);
  });

  it('steps each improvement story at its change month, so that a run-chart shift fires', () => {
    const latest = latestVersions(rows);
    for (const story of DEMO_STORIES) {
      const mine = latest.filter((r) => r.siteId === story.siteId && r.measureId === story.measureId);
      const monthly = network.months.map((period) => {
        let num = 0;
        let den = 0;
        for (const r of mine) {
          if (r.period !== period) continue;
          if (!(story.codes as readonly string[]).includes(r.ethnicCategory)) continue;
          num += r.numerator ?? 0;
          den += r.denominator ?? 0;
        }
        return { period, rate: den > 0 ? num / den : null };
      });
      const before = monthly
        .filter((m) => m.period < story.changePeriod && m.rate !== null)
        .map((m) => m.rate as number);
      const after = monthly
        .filter((m) => m.period >= story.changePeriod && m.rate !== null)
        .map((m) => m.rate as number);
      const median = [...before].sort((x, y) => x - y)[Math.floor(before.length / 2)] ?? 0;
      const improving =
        story.effect.kind === 'relative' ? (x: number) => x < median : (x: number) => x > median;
      // Longest run on the improving side of the baseline median after the change. Anhøj's
      // shift limit for 48 points is round(log2(48) + 3) = 9 (spc-rules.md).
      let longest = 0;
      let run = 0;
      for (const x of after) {
        run = improving(x) ? run + 1 : 0;
        longest = Math.max(longest, run);
      }
      expect(longest, `${story.aimId} ${story.siteId} ${story.measureId}`).toBeGreaterThanOrEqual(9);
    }
  });

  it('does not step where no change was made: booking for Black women at sites without a story', () => {
    const latest = latestVersions(rows);
    const black = new Set(['M', 'N', 'P']);
    for (const site of ['S1', 'S3', 'S4', 'S5', 'S6', 'S7']) {
      const pooled = (from: string, to: string) => {
        let num = 0;
        let den = 0;
        for (const r of latest) {
          if (r.siteId !== site || r.measureId !== 'booking_by_10wk' || !black.has(r.ethnicCategory))
            continue;
          if (r.period < from || r.period >= to) continue;
          num += r.numerator ?? 0;
          den += r.denominator ?? 0;
        }
        return { rate: num / den, den };
      };
      // Site B's story adds 13 points from January 2024; elsewhere the level stays put, within
      // 3 standard errors of a difference of two proportions (plus the month-noise allowance).
      const before = pooled('2022-04', '2024-01');
      const after = pooled('2024-01', '2026-04');
      const se = Math.sqrt(before.rate * (1 - before.rate) * (1 / before.den + 1 / after.den));
      expect(Math.abs(after.rate - before.rate), site).toBeLessThan(3 * se + 0.01);
      expect(3 * se + 0.01, site).toBeLessThan(0.13);
    }
  });

  it('documents a source for every simulated measure, and covers the catalogue', () => {
    for (const model of MEASURE_MODELS) expect(model.source.length).toBeGreaterThan(5);
    const simulated = new Set(rows.map((r) => r.measureId));
    for (const m of tables.measures.filter((x) => x.default_chart !== 'none'))
      expect(simulated).toContain(m.measure_id);
    expect(NHS_ETHNIC_CODES.every((code) => rows.some((r) => r.ethnicCategory === code))).toBe(true);
  });

  it('writes the QI tables: aims, change ideas, PDSA cycles and annotations that refer to real sites and measures', () => {
    expect(network.qi.aims).toHaveLength(DEMO_STORIES.length);
    const siteIds = new Set(tables.sites.map((s) => s.site_id));
    const measureIds = new Set(tables.measures.map((m) => m.measure_id));
    for (const aim of network.qi.aims) {
      expect(siteIds).toContain(aim.site_id);
      expect(measureIds).toContain(aim.measure_id);
    }
    for (const c of network.qi.pdsaCycles)
      expect(network.qi.changeIdeas.map((i) => i.change_idea_id)).toContain(c.change_idea_id);
    expect(network.qi.annotations.filter((a) => a.kind === 'data_issue')).toHaveLength(3);
  });
});
