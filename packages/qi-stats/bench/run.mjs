// Benchmark runner for qi-stats (`pnpm bench`). Measures the built package
// (dist/), as consumers load it. Every `bench/*.bench.mjs` file default-exports
// an array of cases: { name, target?: string, seconds?: number, setup?: () => state, run: (state) => void }.
// For each case it reports the median and minimum wall time over repeated runs
// and the heap one run grows by (JS heap plus typed-array buffers). Results go
// to the console and to bench-out/results.json (which also has the median CPU
// time per run, `cpuMedianMs`). These are measurements, not pass/fail tests.
//
// Each case runs in its own child process (same Node flags, e.g.
// --expose-gc): in one long-lived process the cases distort each other —
// once V8 has seen many objects survive (a million-point chart, 3,600 charts
// kept) it allocates later ones straight into the old generation, and the
// previous case's garbage is collected on the next case's clock — which
// slowed later cases by 2–3×. Usage: node --expose-gc bench/run.mjs [file filter].
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const CHILD = '--bench-case';

const loadCases = async (file) => (await import(pathToFileURL(join(here, file)).href)).default;

/** Times one case in this process and returns its result record. */
async function measure(file, benchCase) {
  const collectGarbage = globalThis.gc ?? (() => {});
  const state = benchCase.setup ? await benchCase.setup() : undefined;
  collectGarbage();
  // Warm up so the JIT has compiled the hot paths before timing.
  const warmupEnd = performance.now() + 300;
  let warmups = 0;
  while (performance.now() < warmupEnd || warmups < 3) {
    benchCase.run(state);
    warmups++;
  }
  const times = [];
  // CPU time (user + system, this process's threads, GC helpers included) per run as well: on a
  // machine shared with other work, wall time is inflated by waiting for a core; CPU time is not.
  const cpuTimes = [];
  const budgetEnd = performance.now() + (benchCase.seconds ?? 2) * 1000;
  while ((performance.now() < budgetEnd && times.length < 200) || times.length < 5) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    benchCase.run(state);
    times.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  collectGarbage();
  collectGarbage();
  // Dead typed arrays' buffers are freed by a background task after a collection: give it a moment,
  // or buffers freed during the run make the growth below look smaller (even negative).
  await new Promise((resolve) => setTimeout(resolve, 100));
  const heapBefore = process.memoryUsage().heapUsed;
  // One run after a full collection: the heap it grows by (its result kept
  // alive, its garbage not yet collected) bounds the memory it needs.
  // Typed arrays' buffers live outside the V8 heap, so `arrayBuffers` growth is added.
  const buffersBefore = process.memoryUsage().arrayBuffers;
  const kept = benchCase.run(state);
  const usage = process.memoryUsage();
  void kept;
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  return {
    file,
    name: benchCase.name,
    target: benchCase.target ?? null,
    runs: times.length,
    medianMs: Number(times[Math.floor(times.length / 2)].toFixed(3)),
    minMs: Number(times[0].toFixed(3)),
    cpuMedianMs: Number(cpuTimes[Math.floor(cpuTimes.length / 2)].toFixed(3)),
    peakExtraHeapMB: Number(
      ((usage.heapUsed - heapBefore + usage.arrayBuffers - buffersBefore) / 2 ** 20).toFixed(1),
    ),
    rssMB: Number((usage.rss / 2 ** 20).toFixed(0)),
  };
}

const childAt = process.argv.indexOf(CHILD);
if (childAt !== -1) {
  // Child: time the one case named by file and index, print its record as JSON.
  const file = process.argv[childAt + 1];
  const index = Number(process.argv[childAt + 2]);
  const cases = await loadCases(file);
  process.stdout.write(`${JSON.stringify(await measure(file, cases[index]))}\n`);
} else {
  const only = process.argv[2];
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.bench.mjs'))
    .filter((f) => !only || f.includes(only))
    .sort();
  const results = [];
  for (const file of files) {
    const cases = await loadCases(file);
    for (let index = 0; index < cases.length; index++) {
      const output = execFileSync(
        process.execPath,
        [...process.execArgv, fileURLToPath(import.meta.url), CHILD, file, String(index)],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 2 ** 24 },
      );
      const result = JSON.parse(output.trim().split('\n').at(-1));
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
}
