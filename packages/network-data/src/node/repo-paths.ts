import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository's `data/` folder, found by walking up from this file (works from `src/`
 * under tsx and vitest and from `dist/` after a build).
 *
 * @example
 * ```ts
 * repoDataDir().endsWith('data'); // => true
 * ```
 */
export function repoDataDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = path.join(dir, 'data', 'sites.csv');
    if (existsSync(candidate)) return path.join(dir, 'data');
    dir = path.dirname(dir);
  }
  throw new Error('Could not find the repository data/ folder (with sites.csv) above this package.');
}

/**
 * Resolves a path given on the command line against the directory the user ran the command
 * from. `pnpm --filter ... run` runs scripts in the package directory, so a relative path typed
 * at the repository root would otherwise be read from the wrong place; pnpm (and npm) set
 * INIT_CWD to the caller's directory.
 *
 * @example
 * ```ts
 * resolveFromCaller('x.csv', { INIT_CWD: '/home/me' }); // => '/home/me/x.csv'
 * resolveFromCaller('/abs/x.csv', { INIT_CWD: '/home/me' }); // => '/abs/x.csv'
 * ```
 */
export function resolveFromCaller(p: string, env: Record<string, string | undefined> = process.env): string {
  return path.resolve(env.INIT_CWD ?? process.cwd(), p);
}
