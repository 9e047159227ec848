// A tiny static server for the built app (adapter-static output in build/): what the
// e2e tests, the benchmark and `pnpm start` serve. Whole files only (the app never
// asks for ranges); serves precompressed .br/.gz siblings when PRECOMPRESS=1 built them.
//
//   node e2e/serve.mjs [--port 4173] [--root build]
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.arrow': 'application/vnd.apache.arrow.stream',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Finds the file for a URL path: exact file, then `path.html`, then `path/index.html`. */
function resolveFile(root, pathname) {
  const clean = path.normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  const candidates = [clean, `${clean}.html`, path.join(clean, 'index.html')];
  for (const candidate of candidates) {
    const file = path.join(root, candidate);
    if (!file.startsWith(root)) return null;
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return null;
}

/**
 * Starts serving `root` on 127.0.0.1 (port 0 = any free port).
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export function startServer({ root = path.join(appDir, 'build'), port = 0, host = '127.0.0.1' } = {}) {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const file = resolveFile(root, url.pathname);
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`Not found: ${url.pathname}`);
      return;
    }
    const extension = path.extname(file);
    // Content-hashed files never change; everything else (HTML, the data manifest) is revalidated.
    const immutable =
      url.pathname.includes('/_app/immutable/') || /\.[0-9a-f]{12}\.arrow$/.test(url.pathname);
    const headers = {
      'content-type': types[extension] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    };
    const accepts = String(request.headers['accept-encoding'] ?? '');
    let body = file;
    for (const [encoding, suffix] of [
      ['br', '.br'],
      ['gzip', '.gz'],
    ]) {
      if (accepts.includes(encoding) && existsSync(file + suffix)) {
        body = file + suffix;
        headers['content-encoding'] = encoding;
        headers.vary = 'accept-encoding';
        break;
      }
    }
    headers['content-length'] = statSync(body).size;
    response.writeHead(200, headers);
    if (request.method === 'HEAD') response.end();
    else createReadStream(body).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({
        url: `http://${host}:${address.port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const value = (name) => {
    const index = args.indexOf(name);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const root = path.resolve(value('--root') ?? path.join(appDir, 'build'));
  if (!existsSync(path.join(root, 'index.html'))) {
    console.error(
      `serve: no built app in ${root}; run \`pnpm --filter @maternity-qi/dashboard build\` first`,
    );
    process.exit(1);
  }
  const { url } = await startServer({ root, port: Number(value('--port') ?? 4173) });
  console.log(`Maternity Equity QI Network dashboard: ${url}/ (Ctrl+C to stop)`);
}
