// Performance benchmark of the built dashboard in headless Debian Chromium:
//   1. cold load to first chart: the Site page (precomputed data) and Explore (DuckDB-WASM, split into
//      engine start-up and data loading), empty cache each run;
//   2. filter change to re-render (Site page: change site, measure, chart type), median;
//   3. a national-scale table (5 million rows made inside DuckDB-WASM) filtered on the Explore page.
// Targets (issue §6): first chart < 1.5 s, re-render < 100 ms median, national-scale filter < 1 s.
// Writes bench-out/results.json and prints one line per measurement.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../e2e/serve.mjs';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(appDir, 'bench-out');
mkdirSync(outDir, { recursive: true });
const runs = Number(process.env.BENCH_RUNS ?? 5);

const server = await startServer({ root: path.join(appDir, 'build') });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
});

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

/** A national-scale table (5M rows: ~120 trusts × 48 months × 20 measures × 18 groups, rounded) filtered through Explore. */
async function nationalScale() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const create = `CREATE TABLE national AS
SELECT 'T' || (i % 122) AS provider, DATE '2022-04-01' + INTERVAL (i // 122 % 48) MONTH AS period,
       'M' || (i // 5856 % 20) AS measure_id, 'G' || (i // 117120 % 18) AS ethnic_category,
       (hash(i) % 40)::INTEGER AS numerator, 400 + (hash(i * 7) % 100)::INTEGER AS denominator
FROM range(5000000) AS t(i)`;
  await page.goto(`${server.url}/explore?${new URLSearchParams({ sql: create })}`);
  await page.waitForSelector('[data-testid=result-count], [data-testid=query-error]', { timeout: 120_000 });
  const samples = [];
  for (let run = 0; run < runs; run++) {
    const provider = `T${run * 7}`;
    const sql = `SELECT period, ethnic_category, sum(numerator)::DOUBLE / sum(denominator) * 1000 AS rate
FROM national WHERE provider = '${provider}' AND measure_id = 'M3' GROUP BY ALL ORDER BY ALL`;
    await page.locator('#sql').fill(sql);
    const started = Date.now();
    await page.getByRole('button', { name: 'Run query' }).click();
    await page.waitForFunction(
      (p) =>
        new URL(location.href).searchParams.get('sql')?.includes(p) &&
        document.querySelector('[data-testid=result-count]')?.textContent?.includes('rows in'),
      provider,
      { timeout: 60_000 },
    );
    await page.waitForSelector('.quick-chart svg.qi-chart');
    const text = (await page.locator('[data-testid=result-count]').textContent()) ?? '';
    samples.push({ queryMs: Number(text.match(/in (\d+) ms/)?.[1]), toChartMs: Date.now() - started });
  }
  const count = await page.evaluate(() => document.querySelector('[data-testid=result-count]')?.textContent);
  await context.close();
  return {
    queryMedianMs: round(median(samples.map((s) => s.queryMs))),
    clickToChartMedianMs: round(median(samples.map((s) => s.toChartMs))),
    lastResult: count?.replace(/\s+/g, ' ').trim(),
    samples,
  };
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
  national: await nationalScale(),
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
console.log(
  `national scale (5M rows) filter: ${results.national.queryMedianMs} ms query, ${results.national.clickToChartMedianMs} ms click to chart; target 1000 ms: ${verdict(results.national.clickToChartMedianMs, 1000)}`,
);
