/**
 * Conformance: every qicharts2 0.8.1 case in test/fixtures/control-charts.json
 * (see test/fixtures/PROVENANCE.md) through the public API, every field of
 * every expected point and part, with the shared tolerance
 * |a − e| ≤ 1e-9 + 1e-6·|e|; null expects null; booleans and strings equal.
 * Every case runs twice: through controlChart and through controlChartColumns
 * (its columns read back as points, a value where `defined` is 1, else null).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ControlChartInput, controlChart, controlChartColumns } from '../../src/index.js';
import { columnPoints } from './column-point.js';

interface Case {
  id: string;
  input: ControlChartInput;
  expected: { points: Array<Record<string, unknown>>; parts: Array<Record<string, unknown>> };
}

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/control-charts.json', import.meta.url), 'utf8'),
) as { cases: Case[] };

/** Every mismatch between an actual and an expected record, as readable strings. */
function mismatches(
  where: string,
  actual: Record<string, unknown> | undefined,
  expected: Record<string, unknown>,
): string[] {
  if (actual === undefined) return [`${where}: missing`];
  const found: string[] = [];
  for (const [field, want] of Object.entries(expected)) {
    const got = actual[field];
    if (want === null) {
      if (got !== null && got !== undefined)
        found.push(`${where}.${field}: expected null, got ${String(got)}`);
    } else if (typeof want === 'number') {
      if (typeof got !== 'number' || !(Math.abs(got - want) <= 1e-9 + 1e-6 * Math.abs(want))) {
        found.push(`${where}.${field}: expected ${want}, got ${String(got)}`);
      }
    } else if (got !== want) {
      found.push(`${where}.${field}: expected ${String(want)}, got ${String(got)}`);
    }
  }
  return found;
}

describe('controlChart matches qicharts2 0.8.1 (qic, return.data = TRUE)', () => {
  it('has all 96 cases', () => {
    expect(fixture.cases).toHaveLength(96);
  });

  it.each(fixture.cases.map((c) => [c.id, c] as const))('%s', (_id, testCase) => {
    const result = controlChart(testCase.input);
    expect(result.points).toHaveLength(testCase.expected.points.length);
    expect(result.parts).toHaveLength(testCase.expected.parts.length);
    const problems = [
      ...testCase.expected.points.flatMap((want, i) =>
        mismatches(`points[${i}]`, result.points[i] as unknown as Record<string, unknown>, want),
      ),
      ...testCase.expected.parts.flatMap((want, i) =>
        mismatches(`parts[${i}]`, result.parts[i] as unknown as Record<string, unknown>, want),
      ),
    ];
    expect(problems).toEqual([]);
  });
});

describe('controlChartColumns matches qicharts2 0.8.1 too', () => {
  it.each(fixture.cases.map((c) => [c.id, c] as const))('%s', (_id, testCase) => {
    const columns = controlChartColumns(testCase.input);
    const points = columnPoints(columns);
    expect(columns.length).toBe(testCase.expected.points.length);
    expect(columns.parts).toHaveLength(testCase.expected.parts.length);
    const problems = [
      ...testCase.expected.points.flatMap((want, i) =>
        mismatches(`points[${i}]`, points[i] as unknown as Record<string, unknown>, want),
      ),
      ...testCase.expected.parts.flatMap((want, i) =>
        mismatches(`parts[${i}]`, columns.parts[i] as unknown as Record<string, unknown>, want),
      ),
    ];
    expect(problems).toEqual([]);
  });
});
