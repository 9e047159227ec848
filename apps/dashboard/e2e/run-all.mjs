// Runs the public static build's browser tests, then the portal's; fails if either fails.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
let status = 0;
for (const script of ['run.mjs', 'portal/run.mjs']) {
  const result = spawnSync(process.execPath, [path.join(here, script)], { stdio: 'inherit' });
  status ||= result.status ?? 1;
}
process.exit(status);
