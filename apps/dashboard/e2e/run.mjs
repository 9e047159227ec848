// End-to-end tests of the built dashboard in Debian's Chromium, driven by
// playwright-core (no downloaded browsers). Every page must render with no console
// errors, no request to any host but 127.0.0.1, and no axe-core WCAG 2.1 A/AA
// violation; filters must change the URL and the charts; downloads must produce
// files. Screenshots go to e2e-out/ for people to look at.
//
// Prints "N passed, N failed" last and writes e2e-out/results.json.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkAdvisoryCounts } from './advisory-counts.mjs';
import { expectNoAxeViolations } from './axe-check.mjs';
import { launchChromium } from './launch-chromium.mjs';
import { startServer } from './serve.mjs';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = path.join(appDir, 'build');
const outDir = path.join(appDir, 'e2e-out');

if (!existsSync(path.join(buildDir, 'index.html'))) {
  console.error('e2e: no built app in build/; run `pnpm --filter @maternity-qi/dashboard build` first');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
rmSync(outDir, { recursive: true, force: true });
mkdirSync(path.join(outDir, 'downloads'), { recursive: true });

const server = await startServer({ root: buildDir });
const browser = await launchChromium();
const manifest = JSON.parse(readFileSync(path.join(buildDir, 'data/manifest.json'), 'utf8'));
const hasData = manifest.tables.length > 0;
const hasNational =
  JSON.parse(readFileSync(path.join(buildDir, 'data/national-context.json'), 'utf8')).file != null;
const oglSource = 'NHS Maternity Statistics 2021-22, NHS England, Open Government Licence v3.0';

const results = [];

/**
 * Runs one test in a fresh page. Fails it on a thrown error, a console error, an
 * uncaught page error, or any request to a host other than 127.0.0.1.
 */
async function test(name, body, { viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.hostname !== '127.0.0.1') problems.push(`request to another host: ${request.url()}`);
  });
  const started = performance.now();
  try {
    await body(page);
    if (problems.length > 0) throw new Error(problems.join('\n'));
    results.push({ name, ok: true, ms: Math.round(performance.now() - started) });
    console.log(`✓ ${name} (${Math.round(performance.now() - started)} ms)`);
  } catch (error) {
    const message = [error instanceof Error ? error.message : String(error), ...problems].join('\n');
    results.push({ name, ok: false, ms: Math.round(performance.now() - started), error: message });
    console.log(`✗ ${name}\n  ${message.replaceAll('\n', '\n  ')}`);
    await page
      .screenshot({ path: path.join(outDir, `failed-${slug(name)}.png`), fullPage: true })
      .catch(() => {});
  } finally {
    await context.close();
  }
}

function slug(text) {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Fails if the page scrolls sideways (the layout must fit down to a tablet). */
async function expectNoSidewaysScroll(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert(overflow <= 0, `the page is ${overflow}px wider than the ${page.viewportSize()?.width}px window`);
}

async function screenshot(page, name) {
  await page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage: true });
}

/** Waits until the Explore page has a result (or an error) for the query in the URL. */
async function waitForResults(page) {
  await page.waitForSelector('[data-testid=result-count], [data-testid=query-error], .error-summary', {
    timeout: 60_000,
  });
}

const explore = (query, extra = {}) =>
  `${server.url}/explore?${new URLSearchParams({ sql: query, ...extra })}`;

const byMonthSql = hasData
  ? `SELECT period, sum(numerator)::DOUBLE / sum(denominator) * 1000 AS rate_per_1000, sum(denominator) AS births
FROM submissions WHERE measure_id = (SELECT min(measure_id) FROM submissions) AND ethnic_category = 'ALL'
GROUP BY period ORDER BY period`
  : `SELECT DATE '2024-01-01' + INTERVAL (i) MONTH AS period, i * 1.5 AS rate_per_1000, i AS births FROM range(12) t(i)`;

// ---------------------------------------------------------------------------

await test('Home page describes the data, reading only the manifest', async (page) => {
  const wasm = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.wasm')) wasm.push(request.url());
  });
  await page.goto(`${server.url}/`);
  await page.waitForSelector('[data-testid=table-list], [data-testid=empty-state]');
  assert((await page.locator('h1').count()) === 1, 'the page needs exactly one h1');
  if (hasData) {
    const rows = await page.locator('[data-testid=table-list] tbody tr').count();
    assert(
      rows === manifest.tables.length,
      `the table list shows ${rows} of ${manifest.tables.length} tables`,
    );
  }
  const nav = await page.locator('nav[aria-label=Main] a').allTextContents();
  assert(
    nav.join('|') === 'Home|Network overview|Site|Disparity explorer|Measure|National context|Explore',
    `the navigation lists ${nav.join(', ')}`,
  );
  assert(wasm.length === 0, `the home page downloaded DuckDB: ${wasm.join(', ')}`);
  await expectNoAxeViolations(page);
  await screenshot(page, 'home');
});

await test('Every navigation link opens a page that exists', async (page) => {
  await page.goto(`${server.url}/`);
  const links = await page.locator('nav[aria-label=Main] a').evaluateAll((as) => as.map((a) => a.href));
  for (const link of links) {
    const response = await page.request.get(link);
    assert(response.status() === 200, `${link} answered ${response.status()}`);
  }
});

await test('Explore starts DuckDB with progress, lists the tables and draws a quick chart', async (page) => {
  const started = Date.now();
  await page.goto(`${server.url}/explore`);
  await waitForResults(page);
  const firstResultMs = Date.now() - started;
  const count = (await page.locator('[data-testid=result-count]').textContent())?.replace(/\s+/g, ' ').trim();
  assert(
    count?.startsWith(`${manifest.tables.length} row`),
    `expected ${manifest.tables.length} tables, got "${count}"`,
  );
  if (hasData) {
    await page.waitForSelector('.quick-chart svg.qi-chart');
    writeFileSync(
      path.join(outDir, 'timing.json'),
      JSON.stringify({ exploreFirstResultMs: firstResultMs }, null, 2),
    );
  }
  await expectNoAxeViolations(page);
  await screenshot(page, 'explore-tables');
});

await test('A query in the URL draws a line chart over time, with a data table behind it', async (page) => {
  await page.goto(explore(byMonthSql));
  await waitForResults(page);
  await page.waitForSelector('.quick-chart svg.qi-chart');
  const summary = await page.locator('.quick-chart .chart-summary').textContent();
  assert(summary?.startsWith('Line chart of rate_per_1000 by period'), `unexpected summary: ${summary}`);
  await page.getByRole('button', { name: 'Show data table' }).click();
  const rows = await page.locator('.quick-chart .chart-table tbody tr').count();
  assert(rows > 0, 'the data table behind the chart is empty');
  await page.getByRole('button', { name: 'Show chart' }).click();
  await expectNoAxeViolations(page);
  await screenshot(page, 'explore-line-chart');
});

await test('Running a new query puts it in the URL and redraws the chart', async (page) => {
  await page.goto(explore(byMonthSql));
  await waitForResults(page);
  await page.waitForSelector('.quick-chart svg.qi-chart');
  const newSql = hasData
    ? "SELECT site_id, sum(denominator) AS births FROM submissions WHERE ethnic_category = 'ALL' GROUP BY site_id ORDER BY site_id"
    : "SELECT 'A' AS site_id, 1 AS births UNION ALL SELECT 'B', 2";
  await page.locator('#sql').fill(newSql);
  await page.getByRole('button', { name: 'Run query' }).click();
  await waitForText(page, '.quick-chart .chart-summary', /^Bar chart of births by site_id/);
  assert(
    new URL(page.url()).searchParams.get('sql') === newSql,
    `the URL does not hold the query: ${page.url()}`,
  );
  await page.goBack();
  await waitForText(page, '.quick-chart .chart-summary', /^Line chart/);
});

await test('Choosing another column changes the URL and the chart', async (page) => {
  await page.goto(explore(byMonthSql));
  await waitForResults(page);
  await page.waitForSelector('.quick-chart svg.qi-chart');
  await page.getByLabel('Up (y)').selectOption('births');
  await waitForText(page, '.quick-chart .chart-summary', /^Line chart of births by period/, 10_000);
  assert(
    new URL(page.url()).searchParams.get('y') === 'births',
    `the URL does not hold the column: ${page.url()}`,
  );
  await page.reload();
  await waitForText(page, '.quick-chart .chart-summary', /^Line chart of births by period/, 60_000);
});

await test('Tooltips can be reached with the keyboard', async (page) => {
  await page.goto(explore(byMonthSql));
  await waitForResults(page);
  await page.waitForSelector('.quick-chart svg.qi-chart');
  await page.locator('.quick-chart .chart-canvas').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const tooltip = page.locator('.quick-chart .chart-tooltip.visible');
  await tooltip.waitFor({ timeout: 5000 });
  const text = await tooltip.textContent();
  assert(/: [\d,.]+/.test(text ?? ''), `the tooltip says "${text}"`);
  await screenshot(page, 'explore-keyboard-tooltip');
});

await test('Downloads produce SVG, PNG and CSV files with a source and date', async (page) => {
  await page.goto(explore(byMonthSql));
  await waitForResults(page);
  await page.waitForSelector('.quick-chart svg.qi-chart');
  const files = {};
  for (const kind of ['SVG', 'PNG', 'CSV']) {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 10_000 }),
      page
        .locator('.quick-chart')
        .getByRole('button', { name: `Download ${kind}` })
        .click(),
    ]);
    const file = path.join(outDir, 'downloads', download.suggestedFilename());
    await download.saveAs(file);
    files[kind] = readFileSync(file);
  }
  assert(files.SVG.toString().startsWith('<svg'), 'the SVG download is not SVG');
  assert(files.SVG.toString().includes('Source: '), 'the SVG download has no source footer');
  assert(files.PNG.subarray(1, 4).toString() === 'PNG', 'the PNG download is not a PNG');
  assert(files.PNG.byteLength > 5000, `the PNG is suspiciously small (${files.PNG.byteLength} bytes)`);
  const csv = files.CSV.toString('utf8');
  assert(csv.includes('period,rate_per_1000'), 'the CSV has no header row');
  assert(/Source: .*Downloaded \d+ \w+ \d{4}/.test(csv), 'the CSV has no source and date');
});

await test('A query that fails says what failed', async (page) => {
  await page.goto(explore('SELECT * FROM no_such_table'));
  await page.waitForSelector('[data-testid=query-error]', { timeout: 60_000 });
  const text = await page.locator('[data-testid=query-error]').textContent();
  assert(
    /Running a query failed.*no_such_table.*does not exist/s.test(text ?? ''),
    `the error says: ${text}`,
  );
  await expectNoAxeViolations(page);
});

await test('Explore SQL cannot read files or reach other hosts', async (page) => {
  await page.goto(explore("SELECT * FROM read_csv('https://example.com/x.csv')"));
  await page.waitForSelector('[data-testid=query-error]', { timeout: 60_000 });
  const text = await page.locator('[data-testid=query-error]').textContent();
  assert(/disabled/.test(text ?? ''), `the error says: ${text}`);
});

/** Waits until the Site page has drawn its overall chart (or said why not). */
async function waitForSiteCharts(page) {
  await page.waitForSelector('section[aria-labelledby=measure-title] svg.qi-chart, .error-summary', {
    timeout: 60_000,
  });
}

if (hasData) {
  await test('Site page draws the measure overall and by ethnic group, with icons for every measure', async (page) => {
    const wasm = [];
    page.on('request', (request) => {
      if (request.url().endsWith('.wasm')) wasm.push(request.url());
    });
    const started = Date.now();
    await page.goto(`${server.url}/site?site=S2&measure=booking_by_10wk`);
    await waitForSiteCharts(page);
    const firstChartMs = Date.now() - started;
    const timing = JSON.parse(readFileSync(path.join(outDir, 'timing.json'), 'utf8'));
    writeFileSync(
      path.join(outDir, 'timing.json'),
      JSON.stringify({ ...timing, siteFirstChartMs: firstChartMs }, null, 2),
    );
    await page.waitForSelector('.icon-table tbody tr');
    const charts = await page.locator('section[aria-labelledby=measure-title] svg.qi-chart').count();
    assert(charts >= 5, `expected the overall chart and one per ethnic group, found ${charts} charts`);
    const title = await page.locator('.chart-title').first().textContent();
    assert(title?.includes('Site B'), `the first chart is "${title}"`);
    const aim = await page.locator('.aim').first().textContent();
    assert(aim?.includes('Black women'), `the aim says "${aim}"`);
    assert((await page.locator('.annotation-list li').count()) > 0, 'no PDSA cycles or changes are listed');
    assert(
      /Ethnic group recorded for [\d.]+%/.test(
        (await page.locator('[data-testid=completeness]').textContent()) ?? '',
      ),
      'no ethnicity completeness',
    );
    await page.waitForSelector('section[aria-labelledby=compare-title] svg.qi-chart');
    await waitForCount(page, 'section[aria-labelledby=compare-title] svg.qi-chart', 2, 10_000);
    const comparisons = await page
      .locator('section[aria-labelledby=compare-title] .chart-summary')
      .allTextContents();
    assert(
      comparisons[0]?.startsWith('Risk ratio against White women'),
      `the forest plot says "${comparisons[0]}"`,
    );
    assert(comparisons[1]?.startsWith('Funnel plot of'), `the funnel plot says "${comparisons[1]}"`);
    // Tooltips work on a band scale too: step to the forest plot's second row.
    const forest = page.locator('section[aria-labelledby=compare-title] .chart-canvas').first();
    await forest.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const forestTip = await forest.locator('.chart-tooltip.visible').textContent({ timeout: 5000 });
    assert(
      /^Black or Black British: [\d.]+ \(95% CI/.test(forestTip ?? ''),
      `the forest tooltip says "${forestTip}"`,
    );
    const iconRows = await page.locator('.icon-table tbody tr').count();
    assert(iconRows >= 10, `the icon table has ${iconRows} measures`);
    assert(wasm.length === 0, `the Site page downloaded DuckDB: ${wasm.join(', ')}`);
    await expectNoAxeViolations(page);
    await screenshot(page, 'site');
  });

  await test('Site filters change the URL and the charts', async (page) => {
    await page.goto(`${server.url}/site?site=S2&measure=booking_by_10wk`);
    await waitForSiteCharts(page);
    await page.getByLabel('Site', { exact: true }).selectOption('S4');
    await waitForText(page, '.chart-title', /Site D/);
    assert(new URL(page.url()).searchParams.get('site') === 'S4', `the URL is ${page.url()}`);
    await page.getByLabel('Run chart').check();
    await waitForText(page, '.chart-summary', /^Run chart/);
    assert(new URL(page.url()).searchParams.get('chart') === 'run', `the URL is ${page.url()}`);
    await page.getByLabel('Measure', { exact: true }).selectOption('pph_1500');
    await waitForText(page, '.chart-title', /^Postpartum/);
    await page.getByLabel('Making Data Count (XmR)').check();
    await waitForText(page, '.chart-summary', /^Making Data Count/);
    assert(await page.locator('.chart-aside svg[role=img]').first().isVisible(), 'no variation icon');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 10_000 }),
      page.locator('figure.chart').first().getByRole('button', { name: 'Download SVG' }).click(),
    ]);
    const file = path.join(outDir, 'downloads', download.suggestedFilename());
    await download.saveAs(file);
    const svg = readFileSync(file, 'utf8');
    assert(/>Variation: [^<]+<\/text>/.test(svg), 'the downloaded MDC chart has no variation icon');
    await screenshot(page, 'site-pph-mdc');
    await page.goBack();
    await waitForText(page, '.chart-summary', /^Run chart/);
  });

  await test(
    'Site page fits a tablet (768 px) without sideways scrolling',
    async (page) => {
      await page.goto(`${server.url}/site?site=S1&measure=booking_by_10wk&chart=mdc`);
      await waitForSiteCharts(page);
      await page.waitForSelector('.icon-table tbody tr');
      await expectNoSidewaysScroll(page);
      await expectNoAxeViolations(page);
      await screenshot(page, 'site-tablet');
    },
    { viewport: { width: 768, height: 1024 } },
  );
}

/** Waits until a page has drawn its first chart (or said why not). */
async function waitForFirstChart(page) {
  await page.waitForSelector('figure.chart svg.qi-chart, .error-summary, [data-testid=empty-state]', {
    timeout: 60_000,
  });
}

/** Waits until the first element matching `selector` has text matching `pattern`. */
async function waitForText(page, selector, pattern, timeout = 20_000) {
  await page.waitForFunction(
    ({ selector, source, flags }) =>
      new RegExp(source, flags).test(document.querySelector(selector)?.textContent ?? ''),
    { selector, source: pattern.source, flags: pattern.flags },
    { timeout },
  );
}

/** Waits until exactly `count` elements match `selector`. */
async function waitForCount(page, selector, count, timeout = 20_000) {
  await page.waitForFunction(
    ({ selector, count }) => document.querySelectorAll(selector).length === count,
    { selector, count },
    { timeout },
  );
}

/** Waits until the page's URL has (or, with `present` false, lacks) the query parameter `key`. */
async function waitForQuery(page, key, present, timeout = 10_000) {
  await page.waitForFunction(
    ({ key, present }) => new URL(location.href).searchParams.has(key) === present,
    { key, present },
    { timeout },
  );
}

/** Records a first-chart time in e2e-out/timing.json. */
function recordTiming(key, ms) {
  const file = path.join(outDir, 'timing.json');
  const timing = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  writeFileSync(file, JSON.stringify({ ...timing, [key]: ms }, null, 2));
}

/** Saves a chart's download of one kind and returns its bytes. */
async function downloadFrom(page, figure, kind) {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 10_000 }),
    figure.getByRole('button', { name: `Download ${kind}` }).click(),
  ]);
  const file = path.join(outDir, 'downloads', download.suggestedFilename());
  await download.saveAs(file);
  return readFileSync(file);
}

const chartTitles = (page) => page.locator('figure.chart .chart-title').allTextContents();

if (hasData) {
  await test('Disparity explorer draws rates, ratios, a funnel, the ranking and summary measures', async (page) => {
    const wasm = [];
    page.on('request', (request) => {
      if (request.url().endsWith('.wasm')) wasm.push(request.url());
    });
    const started = Date.now();
    await page.goto(`${server.url}/disparity?measure=pph_1500`);
    await waitForFirstChart(page);
    recordTiming('disparityFirstChartMs', Date.now() - started);
    await waitForCount(page, 'figure.chart svg.qi-chart', 4);
    const summaries = await page.locator('figure.chart .chart-summary').allTextContents();
    assert(summaries[0]?.includes('by ethnic group at 7 sites'), `the rates chart says "${summaries[0]}"`);
    assert(
      summaries[1]?.startsWith('Risk ratio, Black or Black British vs White women'),
      `the forest says "${summaries[1]}"`,
    );
    assert(summaries[2]?.startsWith('Funnel plot of'), `the funnel says "${summaries[2]}"`);
    assert(/has the most excess events/.test(summaries[3] ?? ''), `the ranking says "${summaries[3]}"`);
    assert(
      /excess events in every group other than White women/.test(
        (await page.locator('[data-testid=impact-rule]').textContent()) ?? '',
      ),
      'the ranking rule is not explained',
    );
    const summaryRows = await page.locator('section[aria-labelledby=summary-title] tbody tr').count();
    assert(summaryRows === 15, `the summary measures table has ${summaryRows} rows`);
    const recording = await page.locator('section[aria-labelledby=recording-title] tbody tr').count();
    assert(recording === 8, `the recording table has ${recording} rows`);
    // Keyboard tooltips on the rates chart.
    const canvas = page.locator('figure.chart .chart-canvas').first();
    await canvas.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const tip = await canvas.locator('.chart-tooltip.visible').textContent({ timeout: 5000 });
    assert(
      /^Site A \(London\), Asian or Asian British: [\d.]+ per 1,000/.test(tip ?? ''),
      `the tooltip says "${tip}"`,
    );
    await screenshot(page, 'disparity-keyboard-tooltip');
    assert(wasm.length === 0, `the Disparity explorer downloaded DuckDB: ${wasm.join(', ')}`);
    await expectNoAxeViolations(page);
    await screenshot(page, 'disparity');
  });

  await test('Disparity filters change the URL and the charts, and back/forward restore them', async (page) => {
    await page.goto(`${server.url}/disparity?measure=pph_1500`);
    await waitForFirstChart(page);
    const first = await chartTitles(page);
    const changes = [
      ['Measure', 'smoking_at_delivery', 'measure', /^Smoking/],
      ['Months', '3', 'window', /latest 3 months/],
      ['Level 2 (Indian, Black Caribbean, …)', null, 'level', /Black Caribbean|Indian/],
      ['Compare', 'ASIAN', 'group', /Indian|Pakistani|Bangladeshi|Other Asian/],
      ['Summary for', 'S3', 'scope', /Site C/],
    ];
    const measures = await page
      .locator('#filter-measure option')
      .evaluateAll((options) => options.map((o) => o.value));
    if (!measures.includes('smoking_at_delivery')) changes[0][1] = measures.find((m) => m !== 'pph_1500');
    let before = first;
    for (const [label, value, key, expected] of changes) {
      if (key === 'group') {
        // Level 2 is on: pick the first level-2 Asian group.
        const options = await page
          .locator('#filter-group option')
          .evaluateAll((os) => os.map((o) => o.value));
        const asian = options.find((option) =>
          ['INDIAN', 'PAKISTANI', 'BANGLADESHI', 'OTHER_ASIAN'].includes(option),
        );
        await page.getByLabel(label, { exact: true }).selectOption(asian);
      } else if (value == null) {
        await page.getByLabel(label).check();
      } else {
        await page.getByLabel(label, { exact: true }).selectOption(value);
      }
      // Wait for the chosen state itself: while the next measure's counts load the charts
      // are briefly gone, which already differs from before but is not the answer yet.
      await page
        .waitForFunction(
          ({ previous, key, source }) => {
            const titles = [...document.querySelectorAll('figure.chart .chart-title')].map(
              (t) => t.textContent,
            );
            const tables = [...document.querySelectorAll('figure.chart caption')].map((t) => t.textContent);
            const text = `${titles.join(' | ')} ${document.querySelector('main')?.textContent ?? ''}`;
            return (
              titles.length > 0 &&
              JSON.stringify([...titles, ...tables]) !== previous &&
              new URL(location.href).searchParams.has(key) &&
              new RegExp(source).test(text)
            );
          },
          {
            previous: JSON.stringify([
              ...before,
              ...(await page.locator('figure.chart caption').allTextContents()),
            ]),
            key,
            source: expected.source,
          },
          { timeout: 20_000 },
        )
        .catch(() => {});
      const url = new URL(page.url());
      assert(url.searchParams.has(key), `choosing ${label} left the URL at ${page.url()}`);
      const text = `${(await chartTitles(page)).join(' | ')} ${await page.locator('main').textContent()}`;
      assert(expected.test(text), `after choosing ${label} the page does not match ${expected}`);
      before = await chartTitles(page);
    }
    const tables = await page.locator('figure.chart caption').allTextContents();
    assert(
      tables.some((caption) => caption.includes('Site C')),
      'the summary measures are not for Site C',
    );
    await screenshot(page, 'disparity-level2');
    await page.goBack();
    await waitForQuery(page, 'scope', false);
    await page.goBack();
    await waitForQuery(page, 'group', false);
    await page.goForward();
    await waitForQuery(page, 'group', true);
    await page
      .waitForFunction(
        () =>
          /Asian|Indian|Pakistani|Bangladeshi/.test(
            [...document.querySelectorAll('figure.chart .chart-title')].map((t) => t.textContent).join(' '),
          ),
        null,
        { timeout: 20_000 },
      )
      .catch(() => {});
    assert(
      /Asian|Indian|Pakistani|Bangladeshi/.test((await chartTitles(page)).join(' ')),
      'forward did not restore the group',
    );
  });

  await test('Disparity charts download as SVG, PNG and CSV; the summary table as CSV', async (page) => {
    await page.goto(`${server.url}/disparity?measure=pph_1500&window=12`);
    await waitForFirstChart(page);
    const figure = page.locator('figure.chart').first();
    const svg = (await downloadFrom(page, figure, 'SVG')).toString();
    assert(svg.startsWith('<svg') && svg.includes('Source: '), 'the SVG download has no source footer');
    const png = await downloadFrom(page, figure, 'PNG');
    assert(png.subarray(1, 4).toString() === 'PNG', 'the PNG download is not a PNG');
    const csv = (await downloadFrom(page, figure, 'CSV')).toString('utf8');
    assert(csv.includes('Site,Ethnic group,Events,Denominator'), `the CSV header is ${csv.split('\n')[1]}`);
    assert(/Source: .*Downloaded \d+ \w+ \d{4}/.test(csv), 'the CSV has no source and date');
    const summary = page.locator('section[aria-labelledby=summary-title] figure.chart');
    const summaryCsv = (await downloadFrom(page, summary, 'CSV')).toString('utf8');
    assert(summaryCsv.includes('Difference (D)'), 'the summary CSV has no D');
  });

  await test('Measure page shows the definition and every site side by side', async (page) => {
    const started = Date.now();
    await page.goto(`${server.url}/measure?measure=pph_1500`);
    await waitForFirstChart(page);
    recordTiming('measureFirstChartMs', Date.now() - started);
    await waitForCount(page, 'figure.chart svg.qi-chart', 2);
    const definition = (await page.locator('[data-testid=definition]').textContent()) ?? '';
    for (const term of [
      'Numerator',
      'Denominator',
      'Direction',
      'Lower is better',
      'Target',
      'Default chart',
    ]) {
      assert(definition.includes(term), `the definition has no "${term}"`);
    }
    const summaries = await page.locator('figure.chart .chart-summary').allTextContents();
    assert(summaries[0]?.includes('at 7 sites'), `the sites chart says "${summaries[0]}"`);
    assert(summaries[1]?.startsWith('Funnel plot of'), `the funnel says "${summaries[1]}"`);
    const canvas = page.locator('figure.chart .chart-canvas').first();
    await canvas.focus();
    await page.keyboard.press('ArrowRight');
    const tip = await canvas.locator('.chart-tooltip.visible').textContent({ timeout: 5000 });
    assert(/^Site A \(London\): [\d.]+ per 1,000/.test(tip ?? ''), `the tooltip says "${tip}"`);
    const svg = (await downloadFrom(page, page.locator('figure.chart').first(), 'SVG')).toString();
    assert(svg.startsWith('<svg') && svg.includes('Source: '), 'the SVG download has no source footer');
    const csv = (await downloadFrom(page, page.locator('figure.chart').first(), 'CSV')).toString('utf8');
    assert(csv.includes('Site A (London)'), 'the CSV has no sites');
    await expectNoAxeViolations(page);
    await screenshot(page, 'measure');
  });

  await test('Measure filters change the URL and the charts; the Site page links to the Measure page', async (page) => {
    await page.goto(`${server.url}/measure?measure=pph_1500`);
    await waitForFirstChart(page);
    const first = (await chartTitles(page))[0];
    await page.getByLabel('Measure', { exact: true }).selectOption('booking_by_10wk');
    await page.waitForFunction(
      (previous) => {
        // A title must be back (charts are briefly gone while the next counts load).
        const title = document.querySelector('.chart-title')?.textContent;
        return title != null && title !== previous;
      },
      first,
      {
        timeout: 20_000,
      },
    );
    assert(new URL(page.url()).searchParams.get('measure') === 'booking_by_10wk', `the URL is ${page.url()}`);
    assert(
      ((await page.locator('[data-testid=definition]').textContent()) ?? '').includes('Higher is better'),
      'the direction did not change',
    );
    const second = (await chartTitles(page))[0];
    const windowValue = await page.locator('#filter-window option').nth(2).getAttribute('value');
    await page.getByLabel('Months', { exact: true }).selectOption(windowValue ?? '3');
    await page.waitForFunction(
      (previous) => {
        // A title must be back (charts are briefly gone while the next counts load).
        const title = document.querySelector('.chart-title')?.textContent;
        return title != null && title !== previous;
      },
      second,
      {
        timeout: 20_000,
      },
    );
    assert(new URL(page.url()).searchParams.get('window') === windowValue, `the URL is ${page.url()}`);
    await page.goBack();
    await page.waitForFunction(
      (previous) => document.querySelector('.chart-title')?.textContent === previous,
      second,
      {
        timeout: 20_000,
      },
    );
    await page.goBack();
    await page.waitForFunction(
      (previous) => document.querySelector('.chart-title')?.textContent === previous,
      first,
      {
        timeout: 20_000,
      },
    );
    await page.goto(`${server.url}/site?site=S1&measure=booking_by_10wk`);
    await waitForSiteCharts(page);
    await page.getByRole('link', { name: 'About this measure: definition and every site' }).click();
    await page.waitForURL(/\/measure\?measure=booking_by_10wk/);
    await waitForFirstChart(page);
  });

  for (const [name, url] of [
    ['disparity', '/disparity?measure=pph_1500&level=level2'],
    ['measure', '/measure?measure=pph_1500'],
  ]) {
    await test(
      `${name} fits a tablet (768 px) without sideways scrolling`,
      async (page) => {
        await page.goto(server.url + url);
        await waitForFirstChart(page);
        await expectNoSidewaysScroll(page);
        await expectNoAxeViolations(page);
        await screenshot(page, `${name}-tablet`);
      },
      { viewport: { width: 768, height: 1024 } },
    );
  }
}

/** Waits until the National context page has drawn both charts (or said why not). */
async function waitForNationalCharts(page) {
  await page.waitForSelector(
    '[data-testid=empty-state], .error-summary, section[aria-labelledby=mix-title] svg.qi-chart',
    {
      timeout: 60_000,
    },
  );
}

/** Text of the first chart title in a section. */
const nationalTitle = (page, section) =>
  page.locator(`section[aria-labelledby=${section}] .chart-title`).first().textContent();

if (hasNational) {
  await test('National context draws the funnel, the providers and the ethnic mix, with the OGL attribution', async (page) => {
    const wasm = [];
    page.on('request', (request) => {
      if (request.url().endsWith('.wasm')) wasm.push(request.url());
    });
    await page.goto(`${server.url}/national?measure=caesarean_rate`);
    await waitForNationalCharts(page);
    await page.waitForSelector('section[aria-labelledby=funnel-title] svg.qi-chart');
    assert((await page.locator('h1').count()) === 1, 'the page needs exactly one h1');
    const attribution = (await page.locator('[data-testid=ogl-attribution]').textContent()) ?? '';
    assert(/Open Government Licence v3\.0/.test(attribution), `the attribution says "${attribution}"`);
    assert(
      /NHS Maternity Statistics 2021-22, NHS England/.test(attribution),
      'the attribution has no source',
    );
    const summary =
      (await page.locator('section[aria-labelledby=funnel-title] .chart-summary').textContent()) ?? '';
    assert(
      /^Funnel plot of Caesarean birth rate for 121 English maternity providers around a national rate of 33\.1%/.test(
        summary,
      ),
      `the funnel summary says "${summary}"`,
    );
    const rate = (await page.locator('[data-testid=national-rate]').textContent()) ?? '';
    assert(/National rate 33\.1%/.test(rate), `the national rate says "${rate}"`);
    const rows = await page.locator('[data-testid=provider-table] tbody tr').count();
    assert(rows === 123, `the provider table has ${rows} rows, not 123`);
    assert(
      (await page.locator('[data-testid=outside-list] li').count()) > 0,
      'no provider is listed outside the limits',
    );
    const mixSummary =
      (await page.locator('section[aria-labelledby=mix-title] .chart-summary').textContent()) ?? '';
    assert(/not known for 7\.1%/.test(mixSummary), `the ethnic mix summary says "${mixSummary}"`);
    const footers = await page.locator('.chart-source').allTextContents();
    assert(
      footers.length === 2 && footers.every((text) => text.startsWith(`Source: ${oglSource}. Downloaded `)),
      `the chart footers say ${footers.join(' | ')}`,
    );
    assert(wasm.length === 0, `the National context page downloaded DuckDB: ${wasm.join(', ')}`);
    await expectNoAxeViolations(page);
    await screenshot(page, 'national');
  });

  await test('National filters change the URL and the charts, with back and forward', async (page) => {
    await page.goto(`${server.url}/national?measure=caesarean_rate`);
    await waitForNationalCharts(page);
    await page.getByLabel('NHS England region').selectOption({ label: 'London' });
    await waitForText(page, 'section[aria-labelledby=funnel-title] .chart-title', /: London$/);
    assert(new URL(page.url()).searchParams.get('region') === 'Y56', `the URL is ${page.url()}`);
    const regions = await page
      .locator('[data-testid=provider-table] tbody tr td:nth-child(3)')
      .allTextContents();
    assert(
      regions.length > 10 && regions.every((text) => text === 'London'),
      `the table lists ${[...new Set(regions)].join(', ')}`,
    );
    assert(
      (await page.locator('svg.qi-chart g.providers-context circle').count()) > 50,
      'no other regions drawn as context',
    );
    const mixTitle = await nationalTitle(page, 'mix-title');
    assert(mixTitle?.endsWith(': London'), `the ethnic mix is "${mixTitle}"`);
    await page.getByLabel('Measure', { exact: true }).selectOption('booking_by_10wk');
    await waitForText(page, 'section[aria-labelledby=funnel-title] .chart-summary', /Booked by 10 weeks/);
    assert(new URL(page.url()).searchParams.get('measure') === 'booking_by_10wk', `the URL is ${page.url()}`);
    const provider = await page.locator('#filter-highlight option').nth(1).getAttribute('value');
    await page.getByLabel('Highlight a provider').selectOption(provider ?? '');
    await page.waitForSelector('section[aria-labelledby=funnel-title] svg.qi-chart g.highlight', {
      timeout: 20_000,
    });
    assert(new URL(page.url()).searchParams.get('highlight') === provider, `the URL is ${page.url()}`);
    const highlight = ((await page.locator('[data-testid=highlight-summary]').textContent()) ?? '').replace(
      /\s+/g,
      ' ',
    );
    assert(
      /: [\d.]+% \([\d,]+ of [\d,]+; 95% CI [\d.]+ to [\d.]+\), (within|above|below)/.test(highlight),
      `the highlighted provider's summary says "${highlight}"`,
    );
    await screenshot(page, 'national-london-highlight');
    await page.goBack();
    await page.waitForFunction(
      () => !document.querySelector('section[aria-labelledby=funnel-title] svg.qi-chart g.highlight'),
      null,
      { timeout: 20_000 },
    );
    await page.goBack();
    await waitForText(page, 'section[aria-labelledby=funnel-title] .chart-summary', /Caesarean/);
    assert(
      (await page.getByLabel('Measure', { exact: true }).inputValue()) === 'caesarean_rate',
      'the measure menu did not follow Back',
    );
    await page.goForward();
    await waitForText(page, 'section[aria-labelledby=funnel-title] .chart-summary', /Booked by 10 weeks/);
    await page.goBack();
    await page.goBack();
    await waitForText(page, 'section[aria-labelledby=funnel-title] .chart-title', /2021-22$/);
    assert(new URL(page.url()).searchParams.get('region') === null, `the URL is ${page.url()}`);
  });

  await test('National charts: keyboard tooltips, data tables, and downloads with the OGL footer', async (page) => {
    await page.goto(`${server.url}/national?measure=preterm_birth&region=Y62`);
    await waitForNationalCharts(page);
    const funnel = page.locator('section[aria-labelledby=funnel-title] figure.chart');
    await funnel.locator('.chart-canvas').focus();
    await page.keyboard.press('ArrowRight');
    const tip = await funnel.locator('.chart-tooltip.visible').textContent({ timeout: 5000 });
    assert(
      /^.+: [\d.]+% \([\d,]+ of [\d,]+; 95% CI [\d.]+ to [\d.]+\); (within|above|below)/.test(tip ?? ''),
      `the funnel tooltip says "${tip}"`,
    );
    await screenshot(page, 'national-keyboard-tooltip');
    const mix = page.locator('section[aria-labelledby=mix-title] figure.chart');
    await mix.locator('.chart-canvas').focus();
    await page.keyboard.press('ArrowRight');
    const mixTip = await mix.locator('.chart-tooltip.visible').textContent({ timeout: 5000 });
    assert(
      /^England: White [\d.]+%, .*Not known or not stated [\d.]+%$/.test(mixTip ?? ''),
      `the mix tooltip says "${mixTip}"`,
    );
    await mix.getByRole('button', { name: 'Show data table' }).click();
    const mixRows = await mix.locator('.chart-table tbody tr').count();
    assert(mixRows > 3, `the ethnic mix table has ${mixRows} rows`);
    await expectNoAxeViolations(page);
    await mix.getByRole('button', { name: 'Show chart' }).click();
    for (const [name, chart] of [
      ['funnel', funnel],
      ['mix', mix],
    ]) {
      const files = {};
      for (const kind of ['SVG', 'PNG', 'CSV']) {
        const [download] = await Promise.all([
          page.waitForEvent('download', { timeout: 10_000 }),
          chart.getByRole('button', { name: `Download ${kind}` }).click(),
        ]);
        const file = path.join(outDir, 'downloads', download.suggestedFilename());
        await download.saveAs(file);
        files[kind] = readFileSync(file);
      }
      const footer = new RegExp(
        `Source: ${oglSource.replaceAll('.', '\\.')}\\. Downloaded \\d+ \\w+ \\d{4}\\.`,
      );
      const svg = files.SVG.toString();
      assert(svg.startsWith('<svg'), `the ${name} SVG download is not SVG`);
      assert(footer.test(svg), `the ${name} SVG download has no OGL footer`);
      assert(files.PNG.subarray(1, 4).toString() === 'PNG', `the ${name} PNG download is not a PNG`);
      assert(
        files.PNG.byteLength > 5000,
        `the ${name} PNG is suspiciously small (${files.PNG.byteLength} bytes)`,
      );
      const csv = files.CSV.toString('utf8');
      assert(footer.test(csv), `the ${name} CSV has no OGL footer`);
      assert(
        name === 'funnel'
          ? csv.includes('Provider,ODS code,NHS England region,Numerator,Denominator')
          : csv.includes('Organisation,Deliveries'),
        `the ${name} CSV has no header row`,
      );
    }
  });

  await test(
    'National context fits a tablet (768 px) without sideways scrolling',
    async (page) => {
      await page.goto(`${server.url}/national?measure=smoking_at_booking&region=Y56&highlight=R1H`);
      await waitForNationalCharts(page);
      await expectNoSidewaysScroll(page);
      await expectNoAxeViolations(page);
      await screenshot(page, 'national-tablet');
    },
    { viewport: { width: 768, height: 1024 } },
  );
}

await test('National context without imported data explains how to import it', async (page) => {
  await page.route('**/data/national-context.json', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ file: null, period: null, source: null, bytes: 0 }),
    }),
  );
  await page.goto(`${server.url}/national`);
  await page.waitForSelector('[data-testid=empty-state]');
  const text = (await page.locator('[data-testid=empty-state]').textContent()) ?? '';
  assert(text.includes('pnpm msds:import'), `the empty state says "${text}"`);
  assert(
    ((await page.locator('[data-testid=ogl-attribution]').textContent()) ?? '').includes(
      'Open Government Licence v3.0',
    ),
    'no OGL attribution',
  );
  await expectNoAxeViolations(page);
  await screenshot(page, 'national-empty');
});

/** Waits until the Network overview has drawn its MDC chart and icon table (or said why not). */
async function waitForOverview(page) {
  await page.waitForSelector('section[aria-labelledby=measure-title] svg.qi-chart, .error-summary', {
    timeout: 60_000,
  });
  await page.waitForSelector('[data-testid=overview-icon-table] tbody tr');
}

/** The count columns of a downloaded CSV (header mentions events, numerator or denominator): none may be 1 to 7. */
/** Rows of an RFC 4180 CSV (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text) {
  const rows = [[]];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    rows.at(-1).push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted && char === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && char === '"') quoted = false;
    else if (quoted) cell += char;
    else if (char === '"') quoted = true;
    else if (char === ',') endCell();
    else if (char === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push([]);
      i++;
    } else cell += char;
  }
  return rows.filter((row) => row.length > 0);
}

function checkCsvCounts(csv, name) {
  const lines = parseCsv(csv);
  // The data end at the blank line before the title and footer.
  const end = lines.findIndex((row) => row.length === 1 && row[0] === '');
  const header = lines[0];
  const countColumns = header
    .map((label, index) => ({ label, index }))
    .filter(({ label }) => /events|numerator|denominator/i.test(label));
  assert(countColumns.length > 0, `${name}: the CSV has no count columns (${header.join(', ')})`);
  let checked = 0;
  for (const cells of lines.slice(1, end)) {
    for (const { label, index } of countColumns) {
      const cell = cells[index];
      if (cell === '' || cell === '*') continue;
      const count = Number(cell);
      checked++;
      assert(
        Number.isInteger(count) && (count === 0 || (count >= 8 && count % 5 === 0)),
        `${name}: ${label} is ${cell}`,
      );
    }
  }
  assert(checked > 0, `${name}: no counts to check`);
  return checked;
}

if (hasData) {
  await test('Network overview draws every chart from the advisory file alone', async (page) => {
    const requests = [];
    page.on('request', (request) => requests.push(new URL(request.url())));
    await page.goto(`${server.url}/overview?measure=pph_1500`);
    await waitForOverview(page);
    await waitForCount(page, 'section[aria-labelledby=measure-title] svg.qi-chart', 5, 10_000);
    const summaries = await page
      .locator('section[aria-labelledby=measure-title] .chart-summary')
      .allTextContents();
    assert(
      summaries[0]?.startsWith('Making Data Count chart of Postpartum'),
      `the MDC chart says "${summaries[0]}"`,
    );
    assert(
      summaries.slice(1).every((text) => text.startsWith('Risk ratio of Postpartum')),
      `the gap charts say ${summaries.slice(1).join(' | ')}`,
    );
    assert(await page.locator('.chart-aside svg[role=img]').first().isVisible(), 'no MDC variation icon');
    const iconRows = await page.locator('[data-testid=overview-icon-table] tbody tr').count();
    assert(iconRows === 20, `the icon matrix has ${iconRows} measures`);
    const gapCells = await page.locator('[data-testid=overview-icon-table] .gap').count();
    assert(gapCells >= 10, `only ${gapCells} measures show a gap to White`);
    const data = requests.filter((url) => url.pathname.includes('/data/'));
    const allowed = /^\/data\/advisory\/(index|network-overview\.[0-9a-f]{12})\.json$/;
    const other = data.filter((url) => !allowed.test(url.pathname));
    assert(other.length === 0, `the page fetched other data: ${other.map((url) => url.pathname).join(', ')}`);
    assert(
      data.length === 2,
      `expected the index and the advisory file, got ${data.map((u) => u.pathname).join(', ')}`,
    );
    const forbidden = requests.filter((url) =>
      /\.wasm$|submissions|manifest\.json|\.arrow$/.test(url.pathname),
    );
    assert(forbidden.length === 0, `the page requested ${forbidden.map((url) => url.pathname).join(', ')}`);
    await expectNoAxeViolations(page);
    await screenshot(page, 'overview');
  });

  await test('The served advisory files hold no count of 1 to 7', async (page) => {
    const index = await page.request.get(`${server.url}/data/advisory/index.json`);
    assert(index.status() === 200, `advisory/index.json answered ${index.status()}`);
    const { file } = await index.json();
    const response = await page.request.get(`${server.url}/data/${file}`);
    assert(response.status() === 200, `${file} answered ${response.status()}`);
    const text = await response.text();
    const overview = JSON.parse(text);
    const checked = checkAdvisoryCounts(overview, file);
    assert(checked > 5_000, `only ${checked} counts were checked`);
    assert(
      !/"site_id"|"display_name"/.test(text),
      'the advisory file names sites: it must hold network totals only',
    );
    assert(
      overview.rule?.suppressTo === 7 && overview.rule?.roundTo === 5,
      'the file does not state the NHS rule',
    );
    // Every file the build put in advisory/ (the static server lists none, so read the build).
    const dir = path.join(buildDir, 'data/advisory');
    for (const name of readdirSync(dir)) {
      const served = await page.request.get(`${server.url}/data/advisory/${name}`);
      assert(served.status() === 200, `advisory/${name} answered ${served.status()}`);
      checkAdvisoryCounts(await served.json(), `advisory/${name}`);
    }
  });

  await test('Overview filters change the URL and the charts', async (page) => {
    await page.goto(`${server.url}/overview?measure=pph_1500`);
    await waitForOverview(page);
    await page.getByLabel('Measure', { exact: true }).selectOption('stillbirth_rate');
    await waitForText(page, '.chart-title', /^Stillbirth/);
    assert(new URL(page.url()).searchParams.get('measure') === 'stillbirth_rate', `the URL is ${page.url()}`);
    await page.getByLabel('Ethnic group compared with White women').selectOption('BLACK');
    await waitForCount(page, 'section[aria-labelledby=measure-title] svg.qi-chart', 2);
    assert(new URL(page.url()).searchParams.get('group') === 'BLACK', `the URL is ${page.url()}`);
    const heading = await page.locator('[data-testid=overview-icon-table] thead th').last().textContent();
    assert(heading === 'Black or Black British vs White', `the gap column is "${heading}"`);
    await page.reload();
    await waitForOverview(page);
    assert(
      (await page.locator('.chart-title').first().textContent())?.startsWith('Stillbirth'),
      'the measure did not survive a reload',
    );
    // The ethnic grouping level: the detailed groups, one chart (or a why-not panel) each.
    await page.getByRole('radio', { name: /Detailed groups/ }).check();
    await waitForCount(page, 'section[aria-labelledby=measure-title] .small-multiples > *', 10);
    const url = new URL(page.url());
    assert(
      url.searchParams.get('level') === 'level2' && !url.searchParams.has('group'),
      `the URL is ${page.url()}`,
    );
    const options = await page
      .getByLabel('Ethnic group compared with White women')
      .locator('option')
      .allTextContents();
    assert(options.includes('Black African'), `the group list is ${options.join(', ')}`);
    const levelHeading = await page
      .locator('[data-testid=overview-icon-table] thead th')
      .last()
      .textContent();
    assert(levelHeading === 'Largest gap to White (detailed groups)', `the gap column is "${levelHeading}"`);
    await expectNoAxeViolations(page);
    await screenshot(page, 'overview-detailed-groups');
    await page.goBack();
    await page.goBack();
    // Every group again: a chart, or a panel saying why there is no ratio (Mixed, Other: too few stillbirths).
    await waitForCount(page, 'section[aria-labelledby=measure-title] .small-multiples > *', 4);
    await screenshot(page, 'overview-stillbirth');
  });

  await test('Overview downloads: SVG, PNG and CSV, with no count of 1 to 7', async (page) => {
    await page.goto(`${server.url}/overview?measure=apgar_lt7_term`);
    await waitForOverview(page);
    const figures = page.locator('section[aria-labelledby=measure-title] figure.chart');
    const save = async (figure, kind) => {
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 10_000 }),
        figure.getByRole('button', { name: `Download ${kind}` }).click(),
      ]);
      const file = path.join(outDir, 'downloads', `overview-${download.suggestedFilename()}`);
      await download.saveAs(file);
      return readFileSync(file);
    };
    // Every chart's CSV: the MDC chart's and each group's gap (Mixed and Other have many suppressed windows).
    const count = await figures.count();
    assert(count === 5, `expected 5 charts, found ${count}`);
    let suppressed = 0;
    for (let index = 0; index < count; index++) {
      const csv = (await save(figures.nth(index), 'CSV')).toString('utf8');
      checkCsvCounts(csv, `chart ${index + 1}`);
      assert(
        /Source: .*Downloaded \d+ \w+ \d{4}/.test(csv),
        `chart ${index + 1}: the CSV has no source and date`,
      );
      suppressed += (csv.match(/,\*/g) ?? []).length;
    }
    assert(suppressed > 0, 'no suppressed count in any CSV: the check proves nothing on this measure');
    const svg = (await save(figures.nth(1), 'SVG')).toString('utf8');
    assert(svg.startsWith('<svg') && svg.includes('Source: '), 'the gap chart SVG has no source footer');
    const png = await save(figures.nth(1), 'PNG');
    assert(
      png.subarray(1, 4).toString() === 'PNG' && png.byteLength > 5000,
      'the gap chart PNG is not a picture',
    );
    // The table view shows '*' for suppressed counts.
    await figures.nth(3).getByRole('button', { name: 'Show data table' }).click();
    const cells = await figures.nth(3).locator('tbody td').allTextContents();
    assert(cells.includes('*'), 'the table view shows no suppressed count');
    assert(!cells.some((cell) => /^[1-7]$/.test(cell.trim())), 'the table view shows a count of 1 to 7');
  });

  await test('Overview tooltips can be reached with the keyboard', async (page) => {
    await page.goto(`${server.url}/overview?measure=booking_by_10wk&group=BLACK`);
    await waitForOverview(page);
    const gapChart = page.locator('section[aria-labelledby=measure-title] .chart-canvas').nth(1);
    await gapChart.focus();
    await page.keyboard.press('End');
    const text = await gapChart.locator('.chart-tooltip.visible').textContent({ timeout: 5000 });
    assert(/^\w{3} \d{4}: [\d.]+ \(95% CI [\d.]+ to [\d.]+\)/.test(text ?? ''), `the tooltip says "${text}"`);
    await screenshot(page, 'overview-keyboard-tooltip');
  });

  await test(
    'Network overview fits a tablet (768 px) without sideways scrolling',
    async (page) => {
      // A rare outcome: 12-month windows, and groups with too few deaths to compare say so instead of an empty chart.
      await page.goto(`${server.url}/overview?measure=neonatal_mortality`);
      await waitForOverview(page);
      const note = await page.locator('[data-testid=series-note]').textContent();
      assert(note?.includes('sums the 12 months'), `the series note says "${note}"`);
      const empty = await page.locator('[data-testid=no-ratio]').count();
      assert(empty === 2, `expected Mixed and Other to have no ratio, found ${empty} panels`);
      await expectNoSidewaysScroll(page);
      await expectNoAxeViolations(page);
      await screenshot(page, 'overview-tablet');
    },
    { viewport: { width: 768, height: 1024 } },
  );
}

for (const [name, url] of [
  ['home', '/'],
  ['explore', `/explore?${new URLSearchParams({ sql: byMonthSql })}`],
]) {
  await test(
    `${name} fits a tablet (768 px) without sideways scrolling`,
    async (page) => {
      await page.goto(server.url + url);
      if (name === 'explore') {
        await waitForResults(page);
        await page.waitForSelector('.quick-chart svg.qi-chart');
      } else {
        await page.waitForSelector('[data-testid=table-list], [data-testid=empty-state]');
      }
      await expectNoSidewaysScroll(page);
      await expectNoAxeViolations(page);
      await screenshot(page, `${name}-tablet`);
    },
    { viewport: { width: 768, height: 1024 } },
  );
}

await test('Print hides navigation and controls', async (page) => {
  await page.goto(explore(byMonthSql));
  await waitForResults(page);
  await page.waitForSelector('.quick-chart svg.qi-chart');
  await page.emulateMedia({ media: 'print' });
  assert(!(await page.locator('nav[aria-label=Main]').isVisible()), 'the navigation prints');
  assert(!(await page.getByRole('button', { name: 'Run query' }).isVisible()), 'buttons print');
  assert(await page.locator('.quick-chart svg.qi-chart').isVisible(), 'the chart does not print');
  await screenshot(page, 'explore-print');
});

// ---------------------------------------------------------------------------

await browser.close();
await server.close();
const passed = results.filter((result) => result.ok).length;
const failed = results.length - passed;
writeFileSync(
  path.join(outDir, 'results.json'),
  `${JSON.stringify({ passed, failed, tests: results }, null, 2)}\n`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
