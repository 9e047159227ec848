#!/usr/bin/env node
// Starts the portal: the adapter-node build in build-node/ with the embedded database.
//
//   node scripts/start-portal.mjs [--port 4173] [--host 127.0.0.1] [--db .portal/portal.duckdb] [--no-demo]
//
// With the demo (default) an empty database is filled with the bundled synthetic network and
// demo accounts, which are printed. Build first (`pnpm --filter @maternity-qi/dashboard build`).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : fallback;
};
const host = option('--host', process.env.HOST ?? '127.0.0.1');
const port = option('--port', process.env.PORT ?? '4173');
const entry = path.join(appDir, 'build-node', 'index.js');
if (!existsSync(entry)) {
  console.error(
    `start-portal: ${entry} is missing. Build first: pnpm --filter @maternity-qi/dashboard build`,
  );
  process.exit(1);
}
process.env.HOST = host;
process.env.PORT = port;
// adapter-node builds absolute URLs (and the same-origin check) from ORIGIN.
process.env.ORIGIN ??= `http://${host}:${port}`;
process.env.PORTAL_DB ??= path.resolve(appDir, option('--db', '.portal/portal.duckdb'));
process.env.PORTAL_AUDIENCE_DIR ??= path.join(path.dirname(process.env.PORTAL_DB), 'audiences');
process.env.PORTAL_BACKUP_DIR ??= path.join(path.dirname(process.env.PORTAL_DB), 'backups');
// The server runs scripts/publish-audiences.ts (in a child process) to write those folders.
process.env.PORTAL_APP_DIR ??= appDir;
if (!args.includes('--no-demo')) process.env.PORTAL_DEMO ??= '1';
// Large enough for a month's CSV; adapter-node refuses bigger bodies with 413 before any handler runs.
process.env.BODY_SIZE_LIMIT ??= String(2 * 1024 * 1024);

await import(entry);
console.log(`Portal: http://${host}:${port}/portal (database ${process.env.PORTAL_DB})`);
