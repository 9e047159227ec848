// Benchmark runner for qi-stats (`pnpm bench`). Measures the built package
// (dist/), as consumers load it. Every `bench/*.bench.mjs` file default-exports
// an array of cases: { name, target?: string, setup?: () => state, run: (state) => void }.
// For each case it reports the median and minimum wall time over repeated runs
// and the heap one run grows by. Results go to the console and to
// bench-out/results.json. These are measurements, not pass/fail tests.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => !only || f.includes(only))
  .sort();

const collectGarbage = globalThis.gc ?? (() => {});
const results = [];

for (const file of files) {
  const cases = (await import(pathToFileURL(join(here, file)).href)).default;
  for (const benchCase of cases) {
    const state = benchCase.setup ? await benchCase.setup() : undefined;
    // Warm up so the JIT has compiled the hot paths before timing.
    const warmupEnd = performance.now() + 300;
    let warmups = 0;
    while (performance.now() < warmupEnd || warmups < 3) {
      benchCase.run(state);
      warmups++;
    }
    const times = [];
    const budgetEnd = performance.now() + (benchCase.seconds ?? 2) * 1000;
    while ((performance.now() < budgetEnd && times.length < 200) || times.length < 5) {
      const start = performance.now();
      benchCase.run(state);
      times.push(performance.now() - start);
    }
    collectGarbage();
    const heapBefore = process.memoryUsage().heapUsed;
    // One run after a full collection: the heap it grows by (its result kept
    // alive, its garbage not yet collected) bounds the memory it needs.
    const kept = benchCase.run(state);
    const peak = process.memoryUsage().heapUsed;
    void kept;
    times.sort((a, b) => a - b);
    const result = {
      file,
      name: benchCase.name,
      target: benchCase.target ?? null,
      runs: times.length,
      medianMs: Number(times[Math.floor(times.length / 2)].toFixed(3)),
      minMs: Number(times[0].toFixed(3)),
      peakExtraHeapMB: Number(((peak - heapBefore) / 2 ** 20).toFixed(1)),
      rssMB: Number((process.memoryUsage().rss / 2 ** 20).toFixed(0)),
    };
    results.push(result);
    console.log(
      `${result.name.padEnd(58)} median ${String(result.medianMs).padStart(9)} ms  min ${String(result.minMs).padStart(9)} ms  heap +${result.peakExtraHeapMB} MB${result.target ? `  (target ${result.target})` : ''}`,
    );
  }
}

mkdirSync(join(here, '..', 'bench-out'), { recursive: true });
writeFileSync(
  join(here, '..', 'bench-out', 'results.json'),
  `${JSON.stringify({ node: process.version, date: new Date().toISOString(), results }, null, 2)}\n`,
);
