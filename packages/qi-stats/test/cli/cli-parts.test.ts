import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLI_OPTIONS, parseCliArgs } from '../../src/cli/args.js';
import {
  alignTable,
  formatControlChart,
  formatIhiRunChart,
  formatNumber,
} from '../../src/cli/format-table.js';
import { HELP_TEXT } from '../../src/cli/help.js';
import { nodeIo } from '../../src/cli/node-io.js';
import { readCsv } from '../../src/cli/read-csv.js';
import { selectSeries } from '../../src/cli/select-series.js';
import { controlChart, ihiRunChart } from '../../src/index.js';

// The doc-comment examples of the CLI's modules, run as written.

describe('parseCliArgs', () => {
  it('runs its doc example', () => {
    const request = parseCliArgs([
      'data.csv',
      '--y',
      'breaches',
      '--n',
      'attendances',
      '--chart',
      'p',
      '--part',
      '12,24',
    ]);
    expect(request).toMatchObject({
      kind: 'chart',
      options: { file: 'data.csv', chart: 'p', y: 'breaches', n: 'attendances', part: [12, 24] },
    });
  });

  it('reads repeated and comma-separated positions alike, and the defaults', () => {
    const request = parseCliArgs(['-', '--y', 'v', '--exclude', '3,5', '--exclude', '9', '--no-screen']);
    expect(request).toEqual({
      kind: 'chart',
      options: {
        file: '-',
        chart: 'run',
        x: null,
        y: 'v',
        n: null,
        part: null,
        freeze: null,
        exclude: [3, 5, 9],
        multiply: null,
        method: null,
        screenMovingRanges: false,
        baseline: null,
        where: [],
        format: 'table',
        output: null,
      },
    });
  });

  it('keeps an = inside a --where value', () => {
    const request = parseCliArgs(['f.csv', '--y', 'v', '--where', 'note=a=b']);
    expect(request.kind === 'chart' && request.options.where).toEqual([
      { column: 'note', value: 'a=b', text: 'note=a=b' },
    ]);
  });
});

describe('readCsv', () => {
  it('runs its doc example', () => {
    expect(readCsv('period,breaches\n2017-03-01,2879\n2017-04-01,2547\n', 'ae.csv')).toEqual({
      columns: ['period', 'breaches'],
      rows: [
        { line: 2, cells: ['2017-03-01', '2879'] },
        { line: 3, cells: ['2017-04-01', '2547'] },
      ],
    });
  });

  it('handles CRLF, a byte-order mark and quoted fields', () => {
    const table = readCsv('\uFEFF"a","b"\r\n"x, y",1\r\n\r\n"z",2\r\n', 'f.csv');
    expect(table.columns).toEqual(['a', 'b']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['x, y', '1'] },
      { line: 4, cells: ['z', '2'] },
    ]);
  });

  it('refuses an empty file', () => {
    expect(() => readCsv('', 'e.csv')).toThrow('e.csv is empty');
  });
});

describe('selectSeries', () => {
  it('runs its doc example', () => {
    const table = readCsv('org,breaches,attendances\nRF4,10,100\nR1H,5,50\n', 'ae.csv');
    expect(
      selectSeries(
        table,
        {
          x: null,
          y: 'breaches',
          n: 'attendances',
          where: [{ column: 'org', value: 'RF4', text: 'org=RF4' }],
        },
        'ae.csv',
      ),
    ).toEqual({ lines: [2], x: null, y: [10], n: [100] });
  });

  it('puts rows in x order, numbers numerically, keeping each row its line', () => {
    const table = readCsv('week,v\n10,1\n9,2\n', 'w.csv');
    expect(selectSeries(table, { x: 'week', y: 'v', n: null, where: [] }, 'w.csv')).toEqual({
      lines: [3, 2],
      x: [9, 10],
      y: [2, 1],
      n: null,
    });
  });
});

describe('formatNumber and alignTable', () => {
  it('run their doc examples', () => {
    expect(formatNumber(0.135231)).toBe('0.1352');
    expect(formatNumber(13.5231)).toBe('13.523');
    expect(formatNumber(21289)).toBe('21289');
    expect(formatNumber(null)).toBe('-');
    expect(
      alignTable(
        ['#', 'value'],
        [
          ['1', '10'],
          ['2', '3'],
        ],
        [true, true],
      ),
    ).toBe('#  value\n1     10\n2      3');
  });
});

describe('formatControlChart and formatIhiRunChart', () => {
  const context = {
    source: 'x.csv',
    chart: 'i',
    xLabel: null,
    yLabel: 'y',
    nLabel: null,
    multiply: null,
    filters: [],
  };

  it('format an I chart: title, header, a summary per part', () => {
    const text = formatControlChart(controlChart({ chart: 'i', y: [1, 2, 3] }), context);
    const lines = text.split('\n');
    expect(lines[0]).toBe('I chart of y: x.csv, 3 points');
    expect(lines[2]).toMatch(/^#\s+x\s+y\s+cl\s+lcl\s+ucl\s+signal$/);
    expect(text).toContain('Part 1: points 1-3');
  });

  it('format an IHI run chart: title, header, verdicts', () => {
    const text = formatIhiRunChart(
      ihiRunChart([1, 2, 3]),
      { x: null, values: [1, 2, 3] },
      { ...context, chart: 'ihi', baseline: null },
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe('IHI run chart of y: x.csv, 3 points');
    expect(lines[2]).toMatch(/^#\s+x\s+value\s+side\s+signal$/);
    expect(text).toContain('Median 2 (of all points); 3 values, 2 useful');
    expect(text).toContain('No runs limits for 2 useful observations');
  });
});

describe('nodeIo', () => {
  it('writes and reads files', async () => {
    const io = nodeIo();
    const path = join(mkdtempSync(join(tmpdir(), 'qi-stats-io-')), 'a.csv');
    await io.writeFile(path, 'y\n1\n');
    expect(await io.readFile(path)).toBe('y\n1\n');
  });
});

describe('CLI help documents every short flag', () => {
  const shortFlags = Object.entries(CLI_OPTIONS).flatMap(([name, spec]) =>
    'short' in spec ? [[name, spec.short] as const] : [],
  );
  const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');

  it.each(shortFlags)('--%s as -%s in --help and in the README options table', (name, short) => {
    expect(HELP_TEXT).toContain(`-${short}, --${name}`);
    expect(readme).toMatch(new RegExp(`^\\| \`-${short}\`, \`--${name}[ \`]`, 'm'));
  });

  it('the short flags work', () => {
    const request = parseCliArgs([
      'x.csv',
      '--y',
      'v',
      '-c',
      'i',
      '-w',
      'a=b',
      '-f',
      'json',
      '-o',
      'out.json',
    ]);
    expect(request.kind).toBe('chart');
    if (request.kind === 'chart') {
      expect(request.options).toMatchObject({ chart: 'i', format: 'json', output: 'out.json' });
      expect(request.options.where).toHaveLength(1);
    }
  });
});

describe('CLI runs analysis wording', () => {
  const context = {
    source: 'x.csv',
    chart: 'run',
    yLabel: 'y',
    xLabel: null,
    nLabel: null,
    multiply: null,
    filters: [],
  };

  it('one crossing is "1 time", not "1 times"', () => {
    const y = [1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 8, 9, 8, 9, 8, 9, 8, 9, 8, 9];
    const result = controlChart({ chart: 'run', y });
    expect(result.parts[0]?.crossings).toBe(1);
    const text = formatControlChart(result, context);
    expect(text).toContain('crosses the centre line only 1 time, fewer than');
    expect(text).not.toContain('1 times');
  });

  it('other counts stay plural', () => {
    const y = [1, 2, 1, 2, 1, 8, 9, 8, 9, 8, 1, 2, 1, 2, 1, 8, 9, 8, 9, 8, 1, 2, 1, 2, 1, 8, 9, 8, 9, 8];
    const result = controlChart({ chart: 'run', y });
    const crossings = result.parts[0]?.crossings as number;
    expect(crossings).toBeGreaterThan(1);
    expect(formatControlChart(result, context)).not.toMatch(/crosses the centre line only \d+ time,/);
  });
});
