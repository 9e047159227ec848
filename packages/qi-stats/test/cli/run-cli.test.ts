import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/node-io.js';
import { nodeIo } from '../../src/cli/node-io.js';
import { runCli } from '../../src/cli/run-cli.js';
import { ihiRunChart } from '../../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = join(here, '..', '..');
const example = join(packageDir, 'examples', 'ae-attendances-RF4.csv');
// The whole NHSRdatasets file (every trust and department type, CC0), shipped in examples/.
const realFile = join(packageDir, 'examples', 'ae-attendances.csv');

/** An in-memory CliIo: files by name, captured stdout/stderr. */
function memoryIo(files: Record<string, string> = {}, stdin = '') {
  const out = { stdout: '', stderr: '', written: {} as Record<string, string> };
  const io: CliIo = {
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return text;
    },
    readStdin: async () => stdin,
    writeFile: async (path, text) => {
      out.written[path] = text;
    },
    stdout: (text) => {
      out.stdout += text;
    },
    stderr: (text) => {
      out.stderr += text;
    },
  };
  return { io, out };
}

/** Runs the CLI on real files, capturing output. */
async function run(argv: string[]) {
  const { io: memory, out } = memoryIo();
  const real = nodeIo();
  const io: CliIo = { ...memory, readFile: real.readFile };
  const code = await runCli(argv, io);
  return { code, ...out };
}

/** Our own reading of the A&E file, independent of the CLI: plain split, quotes stripped. */
function aeRows(path: string, org: string, type: string) {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const columns = (header ?? '').split(',').map((c) => c.replaceAll('"', ''));
  return lines
    .map((line) =>
      Object.fromEntries(line.split(',').map((cell, i) => [columns[i], cell.replaceAll('"', '')])),
    )
    .filter((row) => row.org_code === org && row.type === type)
    .map((row) => ({
      period: row.period as string,
      attendances: Number(row.attendances),
      breaches: Number(row.breaches),
    }))
    .sort((a, b) => (a.period < b.period ? -1 : 1));
}

describe('qi-stats on the real A&E file (NHSRdatasets ae_attendances)', () => {
  it('p chart of RF4 type-1 breaches agrees with sums done by hand', async () => {
    const result = await run([
      realFile,
      '--where',
      'org_code=RF4',
      '--where',
      'type=1',
      '--chart',
      'p',
      '--x',
      'period',
      '--y',
      'breaches',
      '--n',
      'attendances',
      '--format',
      'json',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const chart = JSON.parse(result.stdout);
    const rows = aeRows(realFile, 'RF4', '1');
    expect(rows).toHaveLength(36); // April 2016 to March 2019

    // Centre line of a p chart: total breaches over total attendances.
    const cl = rows.reduce((s, r) => s + r.breaches, 0) / rows.reduce((s, r) => s + r.attendances, 0);
    expect(chart.points).toHaveLength(36);
    chart.points.forEach((point: Record<string, number | string>, i: number) => {
      const row = rows[i] as (typeof rows)[number];
      expect(point.x).toBe(row.period); // in time order, though the file is not
      expect(point.n).toBe(row.attendances);
      expect(point.y).toBeCloseTo(row.breaches / row.attendances, 12);
      expect(point.cl).toBeCloseTo(cl, 12);
      // 3-sigma binomial limits at this month's denominator.
      const sigma = Math.sqrt((cl * (1 - cl)) / row.attendances);
      expect(point.ucl).toBeCloseTo(cl + 3 * sigma, 12);
      expect(point.lcl).toBeCloseTo(cl - 3 * sigma, 12);
    });
    // The bundled subset gives the very same chart.
    const bundled = await run([
      example,
      '--chart',
      'p',
      '--x',
      'period',
      '--y',
      'breaches',
      '--n',
      'attendances',
      '--format',
      'json',
    ]);
    expect(JSON.parse(bundled.stdout)).toEqual(chart);
  });
});

describe('qi-stats on the bundled example', () => {
  const rows = aeRows(example, 'RF4', '1');
  const pArgs = [example, '--chart', 'p', '--x', 'period', '--y', 'breaches', '--n', 'attendances'];

  it('multiplies the centre line by --multiply', async () => {
    const { code, stdout } = await run([...pArgs, '--multiply', '100', '--format', 'json']);
    expect(code).toBe(0);
    const cl = (100 * rows.reduce((s, r) => s + r.breaches, 0)) / rows.reduce((s, r) => s + r.attendances, 0);
    expect(JSON.parse(stdout).points[0].cl).toBeCloseTo(cl, 10);
  });

  it('gives each part its own centre line with --part', async () => {
    const { stdout } = await run([...pArgs, '--part', '12,24', '--format', 'json']);
    const chart = JSON.parse(stdout);
    const share = (from: number, to: number) => {
      const slice = rows.slice(from, to);
      return slice.reduce((s, r) => s + r.breaches, 0) / slice.reduce((s, r) => s + r.attendances, 0);
    };
    expect(chart.parts).toHaveLength(3);
    expect(chart.points[0].cl).toBeCloseTo(share(0, 12), 12);
    expect(chart.points[12].cl).toBeCloseTo(share(12, 24), 12);
    expect(chart.points[35].cl).toBeCloseTo(share(24, 36), 12);
  });

  it('freezes the limits on the first points with --freeze', async () => {
    const { stdout } = await run([...pArgs, '--freeze', '12', '--format', 'json']);
    const first12 = rows.slice(0, 12);
    const cl = first12.reduce((s, r) => s + r.breaches, 0) / first12.reduce((s, r) => s + r.attendances, 0);
    expect(JSON.parse(stdout).points[35].cl).toBeCloseTo(cl, 12);
  });

  it('leaves --exclude points out of the centre line', async () => {
    const { stdout } = await run([...pArgs, '--exclude', '5,6', '--format', 'json']);
    const kept = rows.filter((_, i) => i !== 4 && i !== 5);
    const cl = kept.reduce((s, r) => s + r.breaches, 0) / kept.reduce((s, r) => s + r.attendances, 0);
    const chart = JSON.parse(stdout);
    expect(chart.points[0].cl).toBeCloseTo(cl, 12);
    expect(chart.points[4].include).toBe(false);
  });

  it('passes --no-screen and --method through', async () => {
    // I chart of 10 12 11 13 12 40 11 12 13 12: mean 14.6; moving ranges
    // 2 1 2 1 28 29 1 1 1 (mean 66/9 = 7.33). Unscreened sigma = 7.33/1.128.
    // Screened: 28 and 29 >= 3.267 x 7.33 = 23.96 are dropped -> mean 9/7.
    const csv = `y\n${[10, 12, 11, 13, 12, 40, 11, 12, 13, 12].join('\n')}\n`;
    const { io, out } = memoryIo({ 'i.csv': csv });
    await runCli(['i.csv', '--chart', 'i', '--y', 'y', '--no-screen', '--format', 'json'], io);
    expect(JSON.parse(out.stdout).points[0].ucl).toBeCloseTo(14.6 + (3 * 66) / 9 / 1.128, 10);
    const screened = memoryIo({ 'i.csv': csv });
    await runCli(
      ['i.csv', '--chart', 'i', '--y', 'y', '--method', 'bestbox', '--format', 'json'],
      screened.io,
    );
    const chart = JSON.parse(screened.out.stdout);
    expect(chart.points[0].ucl).toBeCloseTo(14.6 + (3 * 9) / 7 / 1.128, 10);
    expect(chart.points[5].sigmaSignal).toBe(true);
    expect(chart.parts[0].runsMethod).toBe('bestbox');
  });

  it('prints a table with limits, signal marks and why the runs signal fired', async () => {
    const { code, stdout } = await run([...pArgs, '--multiply', '100']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^P chart of breaches \/ attendances x 100: .*ae-attendances-RF4\.csv, 36 points/);
    expect(stdout).toMatch(/#\s+period\s+n \(attendances\)\s+y\s+cl\s+lcl\s+ucl\s+signal/);
    // August 2016: 1724 breaches of 18825 attendances = 9.16%, far below the
    // centre line of about 21.5%: below the lower limit.
    const august = rows.find((r) => r.period === '2016-08-01');
    expect(august && (100 * august.breaches) / august.attendances).toBeCloseTo(9.158, 3);
    expect(stdout).toMatch(/ 5 {2}2016-08-01 +18825 +9\.158 .*below LCL/);
    expect(stdout).toContain('Part 1: points 1-36');
    expect(stdout).toMatch(
      /Runs signal: YES, because the longest run, \d+ points (above|below) the centre line/,
    );
    expect(stdout).toContain('Points outside the 3-sigma limits:');
  });

  it('runs the IHI rules with --chart ihi on y/n', async () => {
    const { code, stdout } = await run([
      example,
      '--chart',
      'ihi',
      '--x',
      'period',
      '--y',
      'breaches',
      '--n',
      'attendances',
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    const shares = rows.map((r) => r.breaches / r.attendances);
    const sorted = [...shares].sort((a, b) => a - b);
    expect(result.median).toBeCloseTo(((sorted[17] ?? 0) + (sorted[18] ?? 0)) / 2, 15); // 36 values
    expect(result).toEqual(ihiRunChart(shares));
  });

  it('prints the IHI rules in words', async () => {
    const { stdout } = await run([
      example,
      '--chart',
      'ihi',
      '--x',
      'period',
      '--y',
      'breaches',
      '--baseline',
      '12',
    ]);
    expect(stdout).toMatch(/^IHI run chart of breaches: /);
    expect(stdout).toContain('(of the first 12 points)');
    expect(stdout).toMatch(/Shifts \(6 or more .*\): \d/);
    expect(stdout).toContain('Astronomical point candidates');
  });

  it('reads standard input with -', async () => {
    const text = readFileSync(example, 'utf8');
    const { io, out } = memoryIo({}, text);
    const code = await runCli(
      ['-', '--chart', 'c', '--x', 'period', '--y', 'breaches', '--format', 'json'],
      io,
    );
    expect(code).toBe(0);
    const mean = rows.reduce((s, r) => s + r.breaches, 0) / rows.length;
    expect(JSON.parse(out.stdout).points[0].cl).toBeCloseTo(mean, 10); // c chart centre = mean count
  });

  it('writes to --output instead of standard output', async () => {
    const text = readFileSync(example, 'utf8');
    const { io, out } = memoryIo({ 'ae.csv': text });
    const code = await runCli(['ae.csv', '--y', 'breaches', '--output', 'chart.txt'], io);
    expect(code).toBe(0);
    expect(out.stdout).toBe('');
    expect(out.written['chart.txt']).toMatch(/^Run chart of breaches: ae\.csv, 36 points/);
  });

  it('prints help', async () => {
    const { io, out } = memoryIo();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(out.stdout).toContain('Usage:');
    expect(out.stdout).toContain('--where <column=value>');
  });
});

describe('qi-stats error messages (exit code 2, message on stderr)', () => {
  const csv = 'period,org,breaches,attendances\n2019-01,A,10,100\n2019-02,A,12,100\n2019-03,A,x,100\n';
  const fail = async (argv: string[], files: Record<string, string> = { 'ae.csv': csv }) => {
    const { io, out } = memoryIo(files);
    const code = await runCli(argv, io);
    expect(out.stdout).toBe('');
    return { code, message: out.stderr };
  };

  it('names a missing file', async () => {
    const { code, message } = await fail(['nope.csv', '--y', 'breaches']);
    expect(code).toBe(2);
    expect(message).toBe("qi-stats: cannot read 'nope.csv': no such file\n");
  });

  it('names a missing column and lists the available ones', async () => {
    const { code, message } = await fail(['ae.csv', '--y', 'brechs']);
    expect(code).toBe(2);
    expect(message).toBe(
      "qi-stats: column 'brechs' (--y) is not in ae.csv; available columns: period, org, breaches, attendances\n",
    );
  });

  it('names the file line and column of a non-numeric cell', async () => {
    const { code, message } = await fail(['ae.csv', '--y', 'breaches']);
    expect(code).toBe(2);
    expect(message).toMatch(/^qi-stats: ae\.csv line 4, column 'breaches': 'x' is not a number/);
  });

  it('counts lines through quoted newlines and blank lines', async () => {
    const text = 'label,value\n"two\nlines",1\n\n3rd,oops\n';
    const { message } = await fail(['t.csv', '--y', 'value'], { 't.csv': text });
    expect(message).toMatch(/^qi-stats: t\.csv line 5, column 'value': 'oops' is not a number/);
  });

  it('rejects an unknown chart type, listing the known ones', async () => {
    const { code, message } = await fail(['ae.csv', '--y', 'breaches', '--chart', 'q']);
    expect(code).toBe(2);
    expect(message).toMatch(
      /^qi-stats: unknown chart type 'q' \(--chart\); choose one of run, i, mr, xbar, s, t, p, pp, c, u, up, g, ihi\n/,
    );
    expect(message).toContain("Run 'qi-stats --help' for usage.");
  });

  it('says which filter matched no rows, and what the column holds', async () => {
    const { code, message } = await fail(['ae.csv', '--y', 'attendances', '--where', 'org=B']);
    expect(code).toBe(2);
    expect(message).toBe(
      "qi-stats: no rows of ae.csv match --where org=B (org=B matches none; org has 'A')\n",
    );
  });

  it('says which of several filters is to blame', async () => {
    const { message } = await fail([
      'ae.csv',
      '--y',
      'attendances',
      '--where',
      'org=A',
      '--where',
      'period=2020-01',
    ]);
    expect(message).toMatch(
      /org=A matches 3 rows; period=2020-01 matches none; period has '2019-01', '2019-02', '2019-03'/,
    );
  });

  it('shows a library input error with the CSV line it maps to', async () => {
    // Line 3 (the second data row) has more breaches than attendances.
    const bad = 'period,breaches,attendances\n2019-01,10,100\n2019-02,120,100\n';
    const { code, message } = await fail(
      ['bad.csv', '--chart', 'p', '--x', 'period', '--y', 'breaches', '--n', 'attendances'],
      { 'bad.csv': bad },
    );
    expect(code).toBe(2);
    expect(message).toMatch(
      /^qi-stats: bad\.csv line 3, column 'breaches' \(point 2\): .*count 120 exceeds its denominator 100 \(rule: count-exceeds-denominator\)/,
    );
  });

  it('maps a library error about --n to the flag', async () => {
    const { message } = await fail(['ae.csv', '--chart', 'c', '--y', 'attendances', '--n', 'attendances']);
    expect(message).toBe(
      'qi-stats: --n: a c chart takes no denominator (use a u or p chart for rates and proportions) (rule: denominator-not-used)\n',
    );
  });

  it('maps a library error about --part to the flag', async () => {
    const good = 'y\n1\n2\n3\n';
    const { code, message } = await fail(['g.csv', '--chart', 'i', '--y', 'y', '--part', '9'], {
      'g.csv': good,
    });
    expect(code).toBe(2);
    expect(message).toMatch(/^qi-stats: --part: part.*out-of-range/);
  });

  it('maps an ihiRunChart error (baseline too long) to --baseline', async () => {
    const good = 'y\n1\n2\n3\n';
    const { message } = await fail(['g.csv', '--chart', 'ihi', '--y', 'y', '--baseline', '5'], {
      'g.csv': good,
    });
    expect(message).toMatch(/^qi-stats: --baseline: expected a whole number from 1 to 3/);
  });

  it('refuses a zero denominator for --chart ihi with --n', async () => {
    const zero = 'y,n\n1,10\n2,0\n';
    const { message } = await fail(['z.csv', '--chart', 'ihi', '--y', 'y', '--n', 'n'], { 'z.csv': zero });
    expect(message).toBe("qi-stats: z.csv line 3, column 'n': the denominator is 0\n");
  });

  it('asks for --n on a p chart', async () => {
    const { code, message } = await fail(['ae.csv', '--chart', 'p', '--y', 'breaches']);
    expect(code).toBe(2);
    expect(message).toMatch(/^qi-stats: --chart p needs a denominator: add --n <column>/);
  });

  it('asks for --y and for a file', async () => {
    expect((await fail(['ae.csv'])).message).toMatch(/^qi-stats: --y is required/);
    expect((await fail(['--y', 'breaches'])).message).toMatch(/^qi-stats: no input file/);
  });

  it('rejects malformed numbers in flags', async () => {
    expect((await fail(['ae.csv', '--y', 'breaches', '--part', '12,x'])).message).toMatch(
      /^qi-stats: --part expects whole numbers of 1 or more separated by commas, got '12,x'/,
    );
    expect((await fail(['ae.csv', '--y', 'breaches', '--freeze', '0'])).message).toMatch(
      /^qi-stats: --freeze expects a whole number of 1 or more, got '0'/,
    );
    expect((await fail(['ae.csv', '--y', 'breaches', '--multiply=-5'])).message).toMatch(
      /^qi-stats: --multiply expects a positive number such as 100, got '-5'/,
    );
    expect((await fail(['ae.csv', '--y', 'breaches', '--multiply', 'lots'])).message).toMatch(
      /^qi-stats: --multiply expects a positive number such as 100, got 'lots'/,
    );
    expect((await fail(['ae.csv', '--y', 'breaches', '--where', 'org'])).message).toMatch(
      /^qi-stats: --where expects column=value/,
    );
  });

  it('rejects options that do not apply to the chart', async () => {
    expect((await fail(['ae.csv', '--y', 'breaches', '--chart', 'ihi', '--freeze', '3'])).message).toMatch(
      /^qi-stats: --freeze does not apply to --chart ihi; use --baseline/,
    );
    expect((await fail(['ae.csv', '--y', 'breaches', '--baseline', '3'])).message).toMatch(
      /^qi-stats: --baseline applies to --chart ihi only; for --chart run use --freeze/,
    );
  });

  it('rejects unknown options, methods and formats', async () => {
    expect((await fail(['ae.csv', '--y', 'breaches', '--bogus'])).message).toMatch(
      /^qi-stats: Unknown option '--bogus'/,
    );
    expect((await fail(['ae.csv', '--y', 'breaches', '--method', 'magic'])).message).toMatch(
      /^qi-stats: unknown runs method 'magic' \(--method\); choose one of anhoej, bestbox, cutbox/,
    );
    expect((await fail(['ae.csv', '--y', 'breaches', '--format', 'xml'])).message).toMatch(
      /^qi-stats: unknown format 'xml' \(--format\); choose table or json/,
    );
  });

  it('names a row with the wrong number of fields', async () => {
    const ragged = 'a,b\n1,2\n3\n';
    const { message } = await fail(['r.csv', '--y', 'b'], { 'r.csv': ragged });
    expect(message).toBe('qi-stats: r.csv line 3 has 1 fields but the header has 2\n');
  });

  it('treats empty cells and NA as missing, not as errors', async () => {
    const gaps = 'y\n1\n\n2\nNA\n3\n,\n';
    const { io, out } = memoryIo({ 'g.csv': gaps.replace('\n,\n', '\n') });
    expect(await runCli(['g.csv', '--chart', 'ihi', '--y', 'y', '--format', 'json'], io)).toBe(0);
    expect(JSON.parse(out.stdout).median).toBe(2); // 1 2 3, NA skipped (the blank line is no row)
  });
});

describe('the built command (dist/cli/main.js)', () => {
  const main = join(packageDir, 'dist', 'cli', 'main.js');
  it.skipIf(!existsSync(main))('runs as a program: help, exit code 0; a bad chart, exit code 2', () => {
    const help = spawnSync(process.execPath, [main, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage:');
    const bad = spawnSync(process.execPath, [main, example, '--y', 'breaches', '--chart', 'nope'], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown chart type 'nope'/);
    const out = join(mkdtempSync(join(tmpdir(), 'qi-stats-')), 'chart.json');
    const ok = spawnSync(
      process.execPath,
      [main, example, '--y', 'breaches', '--format', 'json', '--output', out],
      {
        encoding: 'utf8',
      },
    );
    expect(ok.status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).chart).toBe('run');
  });
});

describe('the commands in examples/README.md', () => {
  const readme = readFileSync(join(packageDir, 'examples', 'README.md'), 'utf8');
  const commands = [...readme.matchAll(/^qi-stats (examples\/\S+.*)$/gm)].map((match) =>
    (match[1] ?? '').trim(),
  );

  it('lists one command per chart type', () => {
    const charts = commands.map((command) => /--chart (\S+)/.exec(command)?.[1]);
    expect(new Set(charts)).toEqual(
      new Set(['run', 'ihi', 'i', 'mr', 'c', 'p', 'pp', 'u', 'up', 'xbar', 's', 't', 'g']),
    );
  });

  it.each(commands)('qi-stats %s', async (command) => {
    const argv = command.split(/\s+/);
    argv[0] = join(packageDir, argv[0] ?? '');
    const result = await run(argv);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // A readable table names the chart; JSON output parses and carries the chart type.
    if (argv.includes('json'))
      expect(JSON.parse(result.stdout).chart).toBe(/--chart (\S+)/.exec(command)?.[1]);
    else expect(result.stdout).toMatch(/ chart of /);
  });
});
