import { fileURLToPath } from 'node:url';
import { sveltekit } from '@sveltejs/kit/vite';
// defineConfig from vitest/config so that svelte-check accepts the `test` block (toolchain §10 P6).
import { defineConfig } from 'vitest/config';
import { precomputedAdvisoryData } from './src/lib/build/precompute-advisory-data.ts';
import { precomputedNationalData } from './src/lib/build/precompute-national-data.ts';
import { precomputedSiteData } from './src/lib/build/precompute-site-data.ts';

const dataDir = fileURLToPath(new URL('./static/data', import.meta.url));
// The portal build (adapter-node) serves /data/ per audience from its database, so it ships
// no precomputed files of its own: those are for the public static build.
const portal = process.env.ADAPTER === 'node';

export default defineConfig({
  // Precompute before SvelteKit copies static/: the Site, Network overview and National context
  // pages draw from these files, not DuckDB (the overview's file is disclosure-controlled: advisory/).
  plugins: [
    ...(portal
      ? []
      : [
          precomputedSiteData(dataDir),
          precomputedAdvisoryData(dataDir),
          precomputedNationalData(dataDir, fileURLToPath(new URL('../../data', import.meta.url))),
        ]),
    sveltekit(),
  ],
  define: { __PORTAL__: JSON.stringify(portal) },
  // The data layer imports DuckDB's worker and wasm with `?url`; pre-bundling breaks those URLs.
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: {
    // DuckDB-WASM, Arrow and Plot make chunks above Vite's default warning size by design.
    chunkSizeWarningLimit: 1500,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // DuckDB's blocking bundle compiles 34 MB of wasm per test file: allow for a slow CI machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: '.test-results/vitest.json' },
  },
});
