/**
 * Runs the @example of every exported function's doc comment as a test (a small doctest):
 * a line `expression; // => expected` (or `expression;` followed by a line `// => expected`)
 * becomes `assert.deepStrictEqual(expression, expected)`. Every export of the package's two
 * entry points is in scope, plus `fs`, `path` and `os`. It also fails when an exported
 * function has no @example, so the standard "every public function has an example a test
 * runs" is kept by the test suite, not by memory.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as arrow from 'apache-arrow';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as lib from '../src/index.js';
import * as nodeLib from '../src/node.js';

const SRC = path.join(import.meta.dirname, '..', 'src');

interface DocExample {
  file: string;
  name: string;
  code: string | null;
}

function collect(dir: string): DocExample[] {
  const found: DocExample[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      found.push(...collect(full));
      continue;
    }
    if (!entry.name.endsWith('.ts')) continue;
    const text = fs.readFileSync(full, 'utf8');
    const re = /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/)?\s*export (?:function\*?|class) (\w+)/g;
    for (const m of text.matchAll(re)) {
      const doc = m[1] ?? '';
      const example = /@example\s*\n\s*\*\s*```ts\n([\s\S]*?)\n\s*\*\s*```/.exec(doc);
      const code = example?.[1]
        ? example[1]
            .split('\n')
            .map((l) => l.replace(/^\s*\* ?/, ''))
            .join('\n')
        : null;
      found.push({ file: path.relative(SRC, full), name: m[2] ?? '?', code });
    }
  }
  return found;
}

function toAssertions(code: string): string {
  const out: string[] = [];
  for (const line of code.split('\n')) {
    const standalone = /^\s*\/\/ => (.*)$/.exec(line);
    if (standalone) {
      const previous = out.pop() ?? '';
      out.push(`assert.deepStrictEqual(${previous.trim().replace(/;$/, '')}, ${standalone[1]});`);
      continue;
    }
    const inline = /^(.*?);\s*\/\/ => (.*)$/.exec(line);
    if (inline) {
      out.push(`assert.deepStrictEqual(${inline[1]}, ${inline[2]});`);
      continue;
    }
    out.push(line);
  }
  return out.join('\n');
}

const examples = collect(SRC).filter((e) => e.name !== 'MsdsImportError' && e.name !== 'ReferenceTableError');
const scope = { ...lib, ...nodeLib, arrow } as Record<string, unknown>;
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...args: string[]
) => (...values: unknown[]) => Promise<void>;

describe('doc comment examples', () => {
  it('every exported function has an @example', () => {
    expect(examples.filter((e) => e.code === null).map((e) => `${e.file}: ${e.name}`)).toEqual([]);
  });
  for (const example of examples.filter((e) => e.code !== null)) {
    it(`${example.file}: ${example.name}`, async () => {
      const body = ts.transpileModule(toAssertions(example.code ?? ''), {
        compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
      }).outputText;
      const names = Object.keys(scope);
      const run = new AsyncFunction('assert', 'fs', 'path', 'os', ...names, body);
      await run(assert, fs, path, os, ...names.map((n) => scope[n]));
      expect(example.code).toContain('// =>');
    });
  }
});
