// The portal's admin command line: accounts, backup and restore. Run it with the portal
// stopped (DuckDB lets one process open the database file at a time):
//
//   pnpm --filter @maternity-qi/dashboard portal:admin --help
//
// The commands live in src/lib/server/admin/ (unit-tested); this file only connects them
// to the real process: arguments, terminal, environment, exit status.
import { userInfo } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { askHiddenPassword } from '../src/lib/server/admin/ask-hidden-password.ts';
import { runAdminCommand } from '../src/lib/server/admin/run-admin-command.ts';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const terminal = process.stdin.isTTY ? process.stdin : null;

const status = await runAdminCommand(process.argv.slice(2), {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
  env: process.env,
  osUser: userInfo().username,
  askPassword: terminal ? (prompt) => askHiddenPassword(prompt, terminal, process.stderr) : null,
  appDir,
});
process.exit(status);
