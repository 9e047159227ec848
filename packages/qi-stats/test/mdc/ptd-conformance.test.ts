// Conformance with NHSRplotthedots 0.2.2 (`ptd_spc()` and `summary()`), the
// 60 cases of shared/conformance/making-data-count.json copied unchanged into
// test/fixtures (provenance in test/fixtures/PROVENANCE.md). Each case runs
// through the public API with `rules: 'ptd'` and every expected field is
// compared; numbers within 1e-9 + 1e-6 × |expected| (conformance README).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type MdcInput, makingDataCount } from '../../src/index.js';

interface Fixture {
  source: string;
  cases: Array<{ id: string; input: MdcInput; expected: { points: object[]; groups: object[] } }>;
}

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/making-data-count.json', import.meta.url), 'utf8'),
) as Fixture;

function agrees(actual: unknown, expected: unknown): boolean {
  if (expected === null) return actual === null || actual === undefined;
  if (typeof expected === 'number') {
    return typeof actual === 'number' && Math.abs(actual - expected) <= 1e-9 + 1e-6 * Math.abs(expected);
  }
  return actual === expected;
}

/** Every field the fixture expects, as "path: actual vs expected" for each disagreement. */
function differences(actual: Record<string, unknown>[], expected: object[], label: string): string[] {
  const found: string[] = [];
  if (actual.length !== expected.length)
    found.push(`${label}: ${actual.length} rows, expected ${expected.length}`);
  expected.forEach((row, i) => {
    for (const [key, value] of Object.entries(row)) {
      const got = actual[i]?.[key];
      if (!agrees(got, value)) found.push(`${label}[${i}].${key}: ${String(got)} vs ${String(value)}`);
    }
  });
  return found;
}

describe('makingDataCount, rules: ptd, against NHSRplotthedots 0.2.2', () => {
  it('has the 60 cases', () => {
    expect(fixture.source).toContain('NHSRplotthedots 0.2.2');
    expect(fixture.cases).toHaveLength(60);
  });

  for (const testCase of fixture.cases) {
    it(testCase.id, () => {
      const result = makingDataCount(testCase.input);
      const problems = [
        ...differences(
          result.points as unknown as Record<string, unknown>[],
          testCase.expected.points,
          'points',
        ),
        ...differences(
          result.groups as unknown as Record<string, unknown>[],
          testCase.expected.groups,
          'groups',
        ),
      ];
      expect(problems).toEqual([]);
    });
  }
});
