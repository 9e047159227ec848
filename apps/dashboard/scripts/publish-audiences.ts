#!/usr/bin/env node
// Publishes the portal's per-audience data folders from the server's CSV export. The portal
// server runs this as a child process (DuckDB-WASM's Node build blocks for seconds; the
// server's event loop must keep answering):
//
//   node --import tsx scripts/publish-audiences.ts --tables <staging dir> --out <audiences dir> \
//     --repo-data <repo data dir> [--sites S1,S2 | --all]
//
// Prints one JSON line (the report) on success; exits 1 with the reason on stderr otherwise.
import { parseArgs } from 'node:util';
import { publishAudiences } from '../src/lib/build/publish-audiences.ts';
import { withPublishLock } from '../src/lib/build/publish-lock.ts';

const { values } = parseArgs({
  options: {
    tables: { type: 'string' },
    out: { type: 'string' },
    'repo-data': { type: 'string' },
    sites: { type: 'string' },
    all: { type: 'boolean', default: false },
  },
});
const missing = ['tables', 'out', 'repo-data'].filter((name) => !values[name as keyof typeof values]);
if (missing.length > 0 || (!values.all && values.sites === undefined)) {
  console.error(
    `publish-audiences: ${missing.length > 0 ? `missing --${missing.join(', --')}` : 'give --sites S1,S2 or --all'}`,
  );
  process.exit(2);
}
const started = performance.now();
try {
  const audiencesDir = values.out as string;
  // One publisher at a time per folder (a killed server's child may still be finishing).
  const audiences = await withPublishLock(audiencesDir, () =>
    publishAudiences({
      stagingDir: values.tables as string,
      audiencesDir,
      repoDataDir: values['repo-data'] as string,
      sites: values.all ? 'all' : (values.sites ?? '').split(',').filter(Boolean),
    }),
  );
  console.log(JSON.stringify({ ms: Math.round(performance.now() - started), audiences }));
} catch (error) {
  console.error(`publish-audiences: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
  process.exit(1);
}
