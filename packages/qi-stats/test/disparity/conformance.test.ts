// Conformance: the 80 disparity cases of shared/conformance/disparity.json
// (copied to test/fixtures, see PROVENANCE.md), run through the public API
// exactly as shared/conformance/README.md maps them. Expected numbers come
// from PHEindicatormethods 2.0.0, epitools and healthequal 1.0.1, never from
// qi-stats.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  type InequalityMeasure,
  inequality,
  proportionInterval,
  rateInterval,
  rateRatio,
  riskRatio,
  standardisedRate,
} from '../../src/index.js';

interface DisparityCase {
  id: string;
  input: {
    groups?: string[];
    events?: number[];
    denominators?: number[];
    reference?: string;
    level: number;
    multiplier: number;
    favourable?: 'lower' | 'higher';
    dsr?: { events: number[]; denominators: number[]; standardPopulation: number[] };
  };
  expected: {
    proportions?: { group: string; value: number; lower: number; upper: number }[];
    rates?: { group: string; value: number; lower: number; upper: number; method: string }[];
    ratios?: {
      group: string;
      riskRatio: number;
      riskLower: number;
      riskUpper: number;
      rateRatio: number;
      rateLower: number;
      rateUpper: number;
    }[];
    measures?: Record<
      string,
      { estimate: number; se: number | null; lowerci: number | null; upperci: number | null }[]
    >;
    dsr?: { value: number | null; lower: number | null; upper: number | null }[];
  };
}

const here = dirname(fileURLToPath(import.meta.url));
const fixture = JSON.parse(readFileSync(join(here, '..', 'fixtures', 'disparity.json'), 'utf8')) as {
  cases: DisparityCase[];
};

/** The shared tolerance: |a − e| <= 1e-9 + 1e-6·|e|; null expects null. */
function agrees(actual: number | null | undefined, expected: number | null): boolean {
  if (expected === null) return actual === null || actual === undefined;
  if (actual === null || actual === undefined) return false;
  return Math.abs(actual - expected) <= 1e-9 + 1e-6 * Math.abs(expected);
}

/** Collects every disagreement of one case, so a failure names the field. */
function check(
  problems: string[],
  label: string,
  actual: number | null | undefined,
  expected: number | null,
) {
  if (!agrees(actual, expected)) problems.push(`${label}: expected ${expected}, got ${actual}`);
}

// The shared API names the methods 'exact' | 'byar'; the fixture carries PHE's labels.
const PHE_METHOD = { exact: 'Exact', byar: 'Byars' } as const;

function runCase(c: DisparityCase): string[] {
  const problems: string[] = [];
  const { input, expected } = c;
  if (input.dsr) {
    const actual = standardisedRate(input.dsr, { level: input.level, multiplier: input.multiplier });
    const want = expected.dsr?.[0];
    if (!want) return ['fixture has no expected dsr'];
    check(problems, 'dsr.value', actual.value, want.value);
    check(problems, 'dsr.lower', actual.lower, want.lower);
    check(problems, 'dsr.upper', actual.upper, want.upper);
    return problems;
  }
  const groups = input.groups ?? [];
  const events = input.events ?? [];
  const denominators = input.denominators ?? [];
  const { level, multiplier } = input;
  groups.forEach((group, i) => {
    const x = events[i] as number;
    const n = denominators[i] as number;
    const p = proportionInterval(x, n, level);
    const wantP = expected.proportions?.[i];
    if (!wantP || wantP.group !== group) problems.push(`proportions[${i}] missing for ${group}`);
    else {
      check(problems, `${group} proportion.value`, p.value, wantP.value);
      check(problems, `${group} proportion.lower`, p.lower, wantP.lower);
      check(problems, `${group} proportion.upper`, p.upper, wantP.upper);
    }
    const r = rateInterval(x, n, { level, multiplier });
    const wantR = expected.rates?.[i];
    if (!wantR || wantR.group !== group) problems.push(`rates[${i}] missing for ${group}`);
    else {
      check(problems, `${group} rate.value`, r.value, wantR.value);
      check(problems, `${group} rate.lower`, r.lower, wantR.lower);
      check(problems, `${group} rate.upper`, r.upper, wantR.upper);
      if (PHE_METHOD[r.method] !== wantR.method)
        problems.push(`${group} rate.method ${r.method} vs ${wantR.method}`);
    }
  });
  const reference = { events: events[0] as number, denominator: denominators[0] as number };
  for (const want of expected.ratios ?? []) {
    const i = groups.indexOf(want.group);
    const b = { events: events[i] as number, denominator: denominators[i] as number };
    const risk = riskRatio(reference, b, level);
    const rate = rateRatio(reference, b, level);
    check(problems, `${want.group} riskRatio`, risk.value, want.riskRatio);
    check(problems, `${want.group} riskLower`, risk.lower, want.riskLower);
    check(problems, `${want.group} riskUpper`, risk.upper, want.riskUpper);
    check(problems, `${want.group} rateRatio`, rate.value, want.rateRatio);
    check(problems, `${want.group} rateLower`, rate.lower, want.rateLower);
    check(problems, `${want.group} rateUpper`, rate.upper, want.rateUpper);
  }
  const estimates = groups.map((group, i) => {
    const x = events[i] as number;
    const n = denominators[i] as number;
    const p = x / n;
    return { group, estimate: p * multiplier, se: Math.sqrt((p * (1 - p)) / n) * multiplier, population: n };
  });
  for (const [measure, wanted] of Object.entries(expected.measures ?? {})) {
    const want = wanted[0];
    if (!want) continue;
    const actual = inequality(estimates, measure as InequalityMeasure, {
      favourable: input.favourable ?? 'lower',
      reference: input.reference ?? 'White',
      level,
      scale: multiplier,
    });
    check(problems, `${measure}.estimate`, actual.estimate, want.estimate);
    // Where the reference's interval is null (bootstrap, or TI/MLD/PAF/PAR on a
    // scale that does not match the estimate), the README compares the estimate only.
    if (want.lowerci !== null) {
      check(problems, `${measure}.se`, actual.se, want.se);
      check(problems, `${measure}.lower`, actual.lower, want.lowerci);
      check(problems, `${measure}.upper`, actual.upper, want.upperci);
    }
  }
  return problems;
}

describe('disparity conformance (shared/conformance/disparity.json)', () => {
  it('has the 80 cases the README describes', () => {
    expect(fixture.cases).toHaveLength(80);
  });

  it.each(fixture.cases.map((c) => [c.id, c] as const))('%s agrees with the reference tools', (_id, c) => {
    expect(runCase(c)).toEqual([]);
  });
});
