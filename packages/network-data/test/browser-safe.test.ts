import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.join(import.meta.dirname, '..', 'src');

/** Every module reachable from a source file through relative imports. */
function reachable(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const text = readFileSync(entry, 'utf8');
  for (const m of text.matchAll(/from '(\.[^']+)\.js'/g)) {
    reachable(path.resolve(path.dirname(entry), `${m[1]}.ts`), seen);
  }
  return seen;
}

describe('the main entry point is browser-safe', () => {
  it('reaches no Node built-in and no DuckDB from src/index.ts', () => {
    const offenders: string[] = [];
    for (const file of reachable(path.join(SRC, 'index.ts'))) {
      const text = readFileSync(file, 'utf8');
      if (
        /from '(node:[^']+|fs|path|os|child_process|@duckdb\/[^']+)'/.test(text) ||
        /\bprocess\.env\b/.test(text)
      ) {
        offenders.push(path.relative(SRC, file));
      }
    }
    expect(offenders).toEqual([]);
  });
  it('keeps Node-only code under src/node/, reached from src/node.ts only', () => {
    const fromMain = [...reachable(path.join(SRC, 'index.ts'))].map((f) => path.relative(SRC, f));
    expect(fromMain.filter((f) => f.startsWith('node'))).toEqual([]);
    expect([...reachable(path.join(SRC, 'node.ts'))].length).toBeGreaterThan(5);
  });
});
