#!/usr/bin/env node
// Copies the network's Arrow tables into static/data/ under content-hashed names and
// writes static/data/manifest.json, which the app reads first (dashboard-notes.md b.5:
// hashed names can be cached forever; only the manifest is revalidated).
//
//   node scripts/prepare-data.mjs [--from ../../data/demo] [--to static/data]
//
// With no data in --from it writes an empty manifest: the app then explains how to
// produce the data instead of failing.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tableFromIPC } from 'apache-arrow';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index >= 0 ? path.resolve(args[index + 1]) : fallback;
};
const from = option('--from', path.resolve(appDir, '../../data/demo'));
const to = option('--to', path.join(appDir, 'static/data'));

// What the footer of every chart and download says the data is.
const sourceFile = path.join(from, 'SOURCE.txt');
const source = existsSync(sourceFile)
  ? readFileSync(sourceFile, 'utf8').trim()
  : 'Maternity Equity QI Network, synthetic demonstration data (not real patients)';

rmSync(to, { recursive: true, force: true });
mkdirSync(to, { recursive: true });

const files = existsSync(from)
  ? readdirSync(from)
      .filter((name) => name.endsWith('.arrow'))
      .sort()
  : [];
const tables = files.map((name) => {
  const table = path
    .basename(name, '.arrow')
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_');
  const bytes = readFileSync(path.join(from, name));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file = `${table}.${sha256.slice(0, 12)}.arrow`;
  let arrow;
  try {
    arrow = tableFromIPC(bytes);
  } catch (error) {
    throw new Error(`prepare-data: ${path.join(from, name)} is not an Arrow IPC file: ${error.message}`);
  }
  writeFileSync(path.join(to, file), bytes);
  return {
    table,
    file,
    bytes: bytes.byteLength,
    rows: arrow.numRows,
    sha256,
    columns: arrow.schema.fields.map((field) => ({ name: field.name, type: String(field.type) })),
  };
});

const manifest = { preparedAt: new Date().toISOString(), source, tables };
writeFileSync(path.join(to, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
const total = tables.reduce((sum, entry) => sum + entry.bytes, 0);
console.error(
  tables.length === 0
    ? `prepare-data: no .arrow files in ${from}; wrote an empty manifest (the app will explain how to make the data)`
    : `prepare-data: ${tables.length} tables, ${(total / 1e6).toFixed(2)} MB, from ${from} to ${path.relative(appDir, to)}`,
);
