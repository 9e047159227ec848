#!/usr/bin/env node
// Copies the network's Arrow tables into static/data/ under content-hashed names and
// writes static/data/manifest.json, which the app reads first (dashboard-notes.md b.5:
// hashed names can be cached forever; only the manifest is revalidated).
//
//   node scripts/prepare-data.mjs [--from ../../data/demo] [--to static/data]
//
// With no data in --from it writes an empty manifest: the app then explains how to
// produce the data instead of failing.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareDataFolder } from './lib/data-folder.mjs';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index >= 0 ? path.resolve(args[index + 1]) : fallback;
};
const from = option('--from', path.resolve(appDir, '../../data/demo'));
const to = option('--to', path.join(appDir, 'static/data'));

rmSync(to, { recursive: true, force: true });
let manifest;
try {
  manifest = prepareDataFolder(from, to);
} catch (error) {
  throw new Error(`prepare-data: ${error instanceof Error ? error.message : error}`);
}
const { tables } = manifest;
const total = tables.reduce((sum, entry) => sum + entry.bytes, 0);
console.error(
  tables.length === 0
    ? `prepare-data: no .arrow files in ${from}; wrote an empty manifest (the app will explain how to make the data)`
    : `prepare-data: ${tables.length} tables, ${(total / 1e6).toFixed(2)} MB, from ${from} to ${path.relative(appDir, to)}`,
);
