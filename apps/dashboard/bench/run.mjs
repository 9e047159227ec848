// Performance benchmark of the built dashboard in headless Debian Chromium:
//   1. cold load to first chart: the Site page (precomputed data) and Explore (DuckDB-WASM, split into
//      engine start-up and data loading), empty cache each run;
//   2. filter change to re-render (Site page: change site, measure, chart type), median;
//   3. the national-scale dataset (`pnpm generate:national`: 5,021,520 rows, 95 MB of Arrow) loaded and
//      filtered on the Explore page: fetch + load time, then the median of two typical filtered
//      aggregates. Without the generated file it says how to make it and times a synthetic 5M-row
//      table made inside DuckDB-WASM instead, labelled as such.
// Targets (issue §6): first chart < 1.5 s, re-render < 100 ms median, national-scale filter < 1 s.
// Writes bench-out/results.json and prints one line per measurement.
//
//   BENCH_RUNS=5 (samples per median)  BENCH_NATIONAL=path/to/submissions.arrow (default: the generated one)
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RecordBatchReader } from 'apache-arrow';
import { launchChromium } from '../e2e/launch-chromium.mjs';
import { startServer } from '../e2e/serve.mjs';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = path.join(appDir, 'build');
const outDir = path.join(appDir, 'bench-out');
mkdirSync(outDir, { recursive: true });
const runs = Number(process.env.BENCH_RUNS ?? 5);
const nationalFile = path.resolve(
  process.env.BENCH_NATIONAL ?? path.join(appDir, '../../data/generated/national/submissions.arrow'),
);

const server = await startServer({ root: buildDir });
const browser = await launchChromium();

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const round = (value) => Math.round(value);

/** Cold load (a fresh browser context, so an empty HTTP cache, each run) of `url` until `selector` appears. */
async function coldLoad(url, selector) {
  const samples = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url + url);
    await page.waitForSelector(selector, { timeout: 60_000 });
    samples.push(
      await page.evaluate(() => {
        const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
        return {
          firstChart: performance.now(),
          engineReady: mark('network-data:engine-ready'),
          tablesLoaded: mark('network-data:tables-loaded'),
        };
      }),
    );
    await context.close();
  }
  const medianOf = (key) => {
    const values = samples.map((sample) => sample[key]).filter((value) => value != null);
    return values.length > 0 ? round(median(values)) : null;
  };
  return {
    firstChartMs: medianOf('firstChart'),
    engineReadyMs: medianOf('engineReady'),
    tablesLoadedMs: medianOf('tablesLoaded'),
    samples,
  };
}

/** Time in the page from a filter change to the new chart being in the DOM. */
async function rerender() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/site?site=S2&measure=booking_by_10wk`);
  await page.waitForSelector('section[aria-labelledby=measure-title] svg.qi-chart', { timeout: 60_000 });
  await page.waitForSelector('.icon-table tbody tr');
  const changes = [
    ['#filter-site', 'S4', (text) => text.includes('Site D')],
    ['#filter-site', 'S2', (text) => text.includes('Site B')],
    ['#filter-measure', 'pph_1500', (text) => text.startsWith('Postpartum')],
    ['#filter-measure', 'booking_by_10wk', (text) => text.startsWith('Booked')],
  ];
  const samples = [];
  for (let run = 0; run < runs; run++) {
    for (const [selector, value, expected] of changes) {
      samples.push(
        await page.evaluate(
          ([selector, value, expected]) =>
            new Promise((resolve) => {
              const matches = new Function('text', `return (${expected})(text)`);
              const started = performance.now();
              const done = () => {
                const title = document.querySelector('section[aria-labelledby=measure-title] .chart-title');
                if (
                  title &&
                  matches(title.textContent ?? '') &&
                  title.closest('figure')?.querySelector('svg.qi-chart')
                ) {
                  observer.disconnect();
                  resolve(performance.now() - started);
                }
              };
              const observer = new MutationObserver(done);
              observer.observe(document.querySelector('main'), {
                subtree: true,
                childList: true,
                characterData: true,
              });
              const select = document.querySelector(selector);
              select.value = value;
              select.dispatchEvent(new Event('change', { bubbles: true }));
            }),
          [selector, value, expected.toString()],
        ),
      );
    }
  }
  await context.close();
  return {
    medianMs: round(median(samples)),
    maxMs: round(Math.max(...samples)),
    samples: samples.map(round),
  };
}

/**
 * Runs `sql` through the Explore page's form as a user would and times, in the page, the click on
 * "Run query" to the new quick chart in the DOM. Waiting for the chart node to be replaced (rather than
 * for "rows in" text, which the previous result already shows) makes sure the sample is this query's.
 * Returns that time and the page's own query time ("N rows in M ms": DuckDB plus turning Arrow into rows).
 */
async function timeExploreQuery(page, sql) {
  const { toChartMs, resultText } = await page.evaluate(
    (sql) =>
      new Promise((resolve, reject) => {
        const chartBefore = document.querySelector('.quick-chart svg.qi-chart');
        const errorBefore = document.querySelector('[data-testid=query-error]');
        const button = document.querySelector('#sql').form.querySelector('button[type=submit]');
        let started = 0;
        const done = () => {
          const error = document.querySelector('[data-testid=query-error]');
          const chart = document.querySelector('.quick-chart svg.qi-chart');
          if (error && error !== errorBefore) {
            observer.disconnect();
            reject(new Error(`bench: the query failed: ${error.textContent?.replace(/\s+/g, ' ')}`));
          } else if (chart && chart !== chartBefore && !button.disabled) {
            observer.disconnect();
            resolve({
              toChartMs: performance.now() - started,
              resultText: document.querySelector('[data-testid=result-count]')?.textContent ?? '',
            });
          }
        };
        const observer = new MutationObserver(done);
        observer.observe(document.querySelector('main'), {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
        });
        const textarea = document.querySelector('#sql');
        textarea.value = sql;
        textarea.dispatchEvent(new Event('input', { bubbles: true }));
        started = performance.now();
        button.click();
      }),
    sql,
  );
  return {
    queryMs: Number(resultText.match(/in (\d+) ms/)?.[1]),
    toChartMs: round(toChartMs),
    result: resultText.replace(/\s+/g, ' ').replace(' Download results (CSV)', '').trim(),
  };
}

/** Medians of `runs` samples of `timeExploreQuery`, one query per run (`sqlOf(run)`, so no run repeats another). */
async function timeQueries(page, sqlOf) {
  const samples = [];
  for (let run = 0; run < runs; run++) samples.push(await timeExploreQuery(page, sqlOf(run)));
  return {
    queryMedianMs: round(median(samples.map((s) => s.queryMs))),
    clickToChartMedianMs: round(median(samples.map((s) => s.toChartMs))),
    lastResult: samples.at(-1)?.result,
    samples,
  };
}

/**
 * Memory (MB) of this process's descendants, i.e. the browser's processes, as proportional set size:
 * summed RSS would count the libraries Chromium's processes share once per process (Linux; null elsewhere).
 */
function browserMemoryMb() {
  if (!existsSync('/proc/self/smaps_rollup')) return null;
  const parentOf = new Map();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      // The command name in brackets may hold spaces; the parent id is the second field after it.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parentOf.set(Number(pid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const isOurs = (pid) => {
    for (let at = parentOf.get(pid); at; at = parentOf.get(at)) if (at === process.pid) return true;
    return false;
  };
  let kilobytes = 0;
  for (const pid of parentOf.keys()) {
    if (!isOurs(pid)) continue;
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      kilobytes += Number(rollup.match(/^Pss:\s+(\d+)/m)?.[1] ?? 0);
    } catch {
      // As above.
    }
  }
  return round(kilobytes / 1024);
}

/**
 * Serves the built app with the generated national file added to its data, so that the app's own
 * data layer (`networkDatabase()`: manifest, whole-file fetch, `insertArrowFromIPCStream`, row-count
 * check) loads it as one more table. A temporary folder mirrors build/ through symlinks, with its own
 * data/manifest.json listing the build's tables plus `national_submissions`; nothing is copied and the
 * build output is left as it is. The national table comes last, so its load is the end of start-up.
 */
function nationalSite() {
  const bytes = readFileSync(nationalFile);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // Row count and columns from the stream's record batches, without materialising the table.
  let rows = 0;
  let schema;
  for (const batch of RecordBatchReader.from(bytes)) {
    rows += batch.numRows;
    schema ??= batch.schema;
  }
  const columns = schema?.fields.map((field) => ({ name: field.name, type: String(field.type) })) ?? [];
  const root = mkdtempSync(path.join(os.tmpdir(), 'qi-bench-'));
  for (const name of readdirSync(buildDir)) {
    if (name !== 'data') symlinkSync(path.join(buildDir, name), path.join(root, name));
  }
  mkdirSync(path.join(root, 'data'));
  for (const name of readdirSync(path.join(buildDir, 'data'))) {
    if (name !== 'manifest.json')
      symlinkSync(path.join(buildDir, 'data', name), path.join(root, 'data', name));
  }
  const file = `national_submissions.${sha256.slice(0, 12)}.arrow`;
  symlinkSync(nationalFile, path.join(root, 'data', file));
  const manifest = JSON.parse(readFileSync(path.join(buildDir, 'data', 'manifest.json'), 'utf8'));
  const table = { table: 'national_submissions', file, bytes: bytes.byteLength, rows, sha256, columns };
  manifest.tables.push(table);
  writeFileSync(path.join(root, 'data', 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { root, table, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * The generated national dataset (122 providers × 120 months × 19 measures × 19 categories) through the
 * Explore page: one cold load (fresh context) timed from the national file's request to the end of
 * start-up, then two typical filtered aggregates written the way the app's own queries are (latest
 * version of each submission, NHS codes rolled up to level-1 groups through `ethnic_categories`).
 */
async function nationalGenerated() {
  const site = nationalSite();
  const nationalServer = await startServer({ root: site.root });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const memoryBeforeMb = browserMemoryMb();
    const fileUrl = `${nationalServer.url}/data/${site.table.file}`;
    await page.goto(
      `${nationalServer.url}/explore?${new URLSearchParams({ sql: 'SELECT count(*) AS row_count FROM national_submissions' })}`,
    );
    await page.waitForSelector('[data-testid=result-count], [data-testid=query-error]', { timeout: 300_000 });
    const error = await page.locator('[data-testid=query-error]').count();
    if (error > 0) throw new Error(`bench: ${await page.locator('[data-testid=query-error]').textContent()}`);
    const load = await page.evaluate((fileUrl) => {
      const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
      const file = performance.getEntriesByName(fileUrl)[0];
      const tablesLoaded = mark('network-data:tables-loaded');
      return {
        // From the request for the national file to its download, and to start-up's end (the national
        // table is loaded last: fetch, Arrow stream into DuckDB, row-count check, then the lockdown).
        fetchMs: file ? file.responseEnd - file.startTime : null,
        fetchAndLoadMs: file && tablesLoaded != null ? tablesLoaded - file.startTime : null,
        engineReadyMs: mark('network-data:engine-ready'),
        tablesLoadedMs: tablesLoaded,
      };
    }, fileUrl);
    const memoryAfterLoadMb = browserMemoryMb();
    const providers = ['T017', 'T042', 'T063', 'T088', 'T105', 'T009', 'T121'];
    const measures = ['stillbirth_rate', 'preterm_birth', 'pph_1500', 'caesarean_rate', 'booking_by_10wk'];
    const pick = (list, run) => list[run % list.length];
    // One provider's monthly rate for one measure by level-1 ethnic group (the Site page's view).
    const provider = await timeQueries(
      page,
      (run) => `WITH latest AS (
  SELECT period, ethnic_category::VARCHAR AS ethnic_category, numerator, denominator,
         row_number() OVER (PARTITION BY site_id, period, measure_id, ethnic_category ORDER BY version DESC) AS newest
  FROM national_submissions
  WHERE site_id = '${pick(providers, run)}' AND measure_id = '${pick(measures, run)}' AND ethnic_category <> 'ALL'
)
SELECT latest.period, coalesce(category.level1_group, 'UNKNOWN') AS ethnic_group,
       sum(latest.numerator)::DOUBLE / sum(latest.denominator) * 1000 AS rate
FROM latest LEFT JOIN ethnic_categories AS category ON category.code = latest.ethnic_category
WHERE latest.newest = 1
GROUP BY ALL ORDER BY ALL`,
    );
    // One measure's national monthly totals across all 122 providers (the National page's view).
    const totals = await timeQueries(
      page,
      (run) => `WITH latest AS (
  SELECT period, numerator, denominator,
         row_number() OVER (PARTITION BY site_id, period, measure_id, ethnic_category ORDER BY version DESC) AS newest
  FROM national_submissions
  WHERE measure_id = '${pick(measures, run + 1)}' AND ethnic_category = 'ALL'
)
SELECT period, sum(numerator) AS events, sum(denominator) AS births,
       sum(numerator)::DOUBLE / sum(denominator) * 1000 AS rate
FROM latest WHERE newest = 1
GROUP BY period ORDER BY period`,
    );
    return {
      source: 'generated',
      file: path.relative(path.resolve(appDir, '../..'), nationalFile),
      rows: site.table.rows,
      bytes: site.table.bytes,
      load: {
        fetchMs: round(load.fetchMs),
        fetchAndLoadMs: round(load.fetchAndLoadMs),
        engineReadyMs: round(load.engineReadyMs),
        tablesLoadedMs: round(load.tablesLoadedMs),
        memoryBeforeMb,
        memoryAfterLoadMb,
      },
      providerByGroup: provider,
      nationalTotals: totals,
      memoryAfterQueriesMb: browserMemoryMb(),
    };
  } finally {
    await context.close();
    await nationalServer.close();
    site.remove();
  }
}

/** Without the generated file: a synthetic 5M-row table (~120 trusts × 48 months × 20 measures × 18 groups) made inside DuckDB-WASM. */
async function nationalSynthetic() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const create = `CREATE TABLE national AS
SELECT 'T' || (i % 122) AS provider, DATE '2022-04-01' + INTERVAL (i // 122 % 48) MONTH AS period,
       'M' || (i // 5856 % 20) AS measure_id, 'G' || (i // 117120 % 18) AS ethnic_category,
       (hash(i) % 40)::INTEGER AS numerator, 400 + (hash(i * 7) % 100)::INTEGER AS denominator
FROM range(5000000) AS t(i)`;
  await page.goto(`${server.url}/explore?${new URLSearchParams({ sql: create })}`);
  await page.waitForSelector('[data-testid=result-count], [data-testid=query-error]', { timeout: 120_000 });
  const filter = await timeQueries(
    page,
    (run) => `SELECT period, ethnic_category, sum(numerator)::DOUBLE / sum(denominator) * 1000 AS rate
FROM national WHERE provider = 'T${run * 7}' AND measure_id = 'M3' GROUP BY ALL ORDER BY ALL`,
  );
  await context.close();
  return { source: 'synthetic', ...filter };
}

const hasNationalFile = existsSync(nationalFile);
if (!hasNationalFile) {
  console.error(
    `bench: no national file at ${path.relative(process.cwd(), nationalFile)}; timing a SYNTHETIC 5M-row table instead.\n` +
      '       For the real one run `pnpm generate:national --no-csv` from the repository root (about 8 s, 95 MB, git-ignored).',
  );
}

const results = {
  // The Site page draws from build-time precomputed data; Explore needs DuckDB-WASM.
  cold: await coldLoad(
    '/site?site=S2&measure=booking_by_10wk',
    'section[aria-labelledby=measure-title] svg.qi-chart',
  ),
  coldExplore: await coldLoad(
    `/explore?${new URLSearchParams({ sql: "SELECT period, sum(denominator) AS births FROM submissions WHERE ethnic_category = 'ALL' GROUP BY period ORDER BY period" })}`,
    '.quick-chart svg.qi-chart',
  ),
  rerender: await rerender(),
  national: hasNationalFile ? await nationalGenerated() : await nationalSynthetic(),
};
await browser.close();
await server.close();
writeFileSync(path.join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
const verdict = (value, target) => (value <= target ? 'meets' : 'misses');
console.log(
  `cold load to first chart (Site page): ${results.cold.firstChartMs} ms median; target 1500 ms: ${verdict(results.cold.firstChartMs, 1500)}`,
);
console.log(
  `cold load to first chart (Explore, DuckDB-WASM): ${results.coldExplore.firstChartMs} ms median (engine ready ${results.coldExplore.engineReadyMs} ms, tables loaded ${results.coldExplore.tablesLoadedMs} ms)`,
);
console.log(
  `filter change to re-render: ${results.rerender.medianMs} ms median, ${results.rerender.maxMs} ms max; target 100 ms: ${verdict(results.rerender.medianMs, 100)}`,
);
const { national } = results;
if (national.source === 'generated') {
  console.log(
    `national scale (${national.file}, ${national.rows} rows, ${(national.bytes / 1e6).toFixed(1)} MB) load: fetch ${national.load.fetchMs} ms, fetch + load ${national.load.fetchAndLoadMs} ms (all tables loaded ${national.load.tablesLoadedMs} ms after navigation); browser memory ${national.load.memoryBeforeMb} MB before, ${national.load.memoryAfterLoadMb} MB after (PSS)`,
  );
  for (const [label, timing] of [
    ["one provider's monthly rate by ethnic group", national.providerByGroup],
    ["one measure's national monthly totals", national.nationalTotals],
  ]) {
    console.log(
      `national scale filter, ${label}: ${timing.queryMedianMs} ms query, ${timing.clickToChartMedianMs} ms click to chart (median of ${runs}); target 1000 ms: ${verdict(timing.clickToChartMedianMs, 1000)}`,
    );
  }
} else {
  console.log(
    `national scale filter, SYNTHETIC 5M rows made in DuckDB-WASM (no generated file): ${national.queryMedianMs} ms query, ${national.clickToChartMedianMs} ms click to chart; target 1000 ms: ${verdict(national.clickToChartMedianMs, 1000)}`,
  );
}
