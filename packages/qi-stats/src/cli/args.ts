/**
 * Command-line arguments of `qi-stats`, parsed with node:util parseArgs (no
 * dependency) and checked once here, so that the rest of the CLI works with
 * typed options and every mistake is reported before any file is read.
 */
import { parseArgs } from 'node:util';
import { CliError } from './cli-error.js';

/** Chart types of the library's controlChart (qicharts2 names), plus 'ihi' for ihiRunChart. */
export const CONTROL_CHART_TYPES = [
  'run',
  'i',
  'mr',
  'xbar',
  's',
  't',
  'p',
  'pp',
  'c',
  'u',
  'up',
  'g',
] as const;
export type ControlChartType = (typeof CONTROL_CHART_TYPES)[number];
export type CliChartType = ControlChartType | 'ihi';

/** Charts whose y is a count over a denominator: `--n` is required. */
export const CHARTS_NEEDING_N: ReadonlySet<CliChartType> = new Set(['p', 'pp', 'u', 'up']);

export const RUNS_METHODS = ['anhoej', 'bestbox', 'cutbox'] as const;
export type RunsMethod = (typeof RUNS_METHODS)[number];

/** One `--where column=value` filter: keep rows whose cell equals value exactly. */
export interface RowFilter {
  column: string;
  value: string;
  /** As typed, for messages. */
  text: string;
}

export interface CliOptions {
  /** File path, or '-' for standard input. */
  file: string;
  chart: CliChartType;
  x: string | null;
  y: string;
  n: string | null;
  part: number[] | null;
  freeze: number | null;
  exclude: number[] | null;
  multiply: number | null;
  method: RunsMethod | null;
  screenMovingRanges: boolean;
  baseline: number | null;
  where: RowFilter[];
  format: 'table' | 'json';
  output: string | null;
}

/** What the command line asks for: help, or a chart. */
export type CliRequest = { kind: 'help' } | { kind: 'chart'; options: CliOptions };

/** The options parseArgs accepts, with their short flags (documented in help.ts and the README). */
export const CLI_OPTIONS = {
  x: { type: 'string' },
  y: { type: 'string' },
  n: { type: 'string' },
  chart: { type: 'string', short: 'c' },
  part: { type: 'string', multiple: true },
  freeze: { type: 'string' },
  exclude: { type: 'string', multiple: true },
  multiply: { type: 'string' },
  method: { type: 'string' },
  'no-screen': { type: 'boolean' },
  baseline: { type: 'string' },
  where: { type: 'string', multiple: true, short: 'w' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Options that only control charts understand, with the reason shown when used with --chart ihi. */
const CONTROL_ONLY = ['part', 'freeze', 'exclude', 'method', 'no-screen'] as const;

/**
 * Parses and checks `argv` (without the node and script paths).
 *
 * @example
 * parseCliArgs(['data.csv', '--y', 'breaches', '--n', 'attendances', '--chart', 'p', '--part', '12,24']);
 * // { kind: 'chart', options: { file: 'data.csv', chart: 'p', y: 'breaches', n: 'attendances', part: [12, 24], ... } }
 */
export function parseCliArgs(argv: ReadonlyArray<string>): CliRequest {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof CLI_OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: CLI_OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error), { usage: true });
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };

  if (positionals.length === 0) {
    throw new CliError("no input file: give a CSV file path, or '-' to read standard input", { usage: true });
  }
  if (positionals.length > 1) {
    throw new CliError(`one input file at a time, got ${positionals.length}: ${positionals.join(', ')}`, {
      usage: true,
    });
  }
  const file = positionals[0] as string;

  const chartText = values.chart ?? 'run';
  const allCharts: ReadonlyArray<string> = [...CONTROL_CHART_TYPES, 'ihi'];
  if (!allCharts.includes(chartText)) {
    throw new CliError(`unknown chart type '${chartText}' (--chart); choose one of ${allCharts.join(', ')}`, {
      usage: true,
    });
  }
  const chart = chartText as CliChartType;

  if (values.y === undefined || values.y === '') {
    throw new CliError('--y is required: the column holding the values (counts for p, u and c charts)', {
      usage: true,
    });
  }
  if (CHARTS_NEEDING_N.has(chart) && (values.n === undefined || values.n === '')) {
    throw new CliError(`--chart ${chart} needs a denominator: add --n <column>`, { usage: true });
  }

  if (chart === 'ihi') {
    for (const name of CONTROL_ONLY) {
      if (values[name] !== undefined) {
        const hint = name === 'freeze' ? '; use --baseline to fix the median on the first points' : '';
        throw new CliError(`--${name} does not apply to --chart ihi${hint}`, { usage: true });
      }
    }
  } else if (values.baseline !== undefined) {
    throw new CliError(`--baseline applies to --chart ihi only; for --chart ${chart} use --freeze`, {
      usage: true,
    });
  }

  const method = values.method ?? null;
  if (method !== null && !(RUNS_METHODS as ReadonlyArray<string>).includes(method)) {
    throw new CliError(
      `unknown runs method '${method}' (--method); choose one of ${RUNS_METHODS.join(', ')}`,
      {
        usage: true,
      },
    );
  }

  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json') {
    throw new CliError(`unknown format '${format}' (--format); choose table or json`, { usage: true });
  }

  return {
    kind: 'chart',
    options: {
      file,
      chart,
      x: values.x ?? null,
      y: values.y,
      n: values.n ?? null,
      part: values.part ? wholeNumbers('--part', values.part) : null,
      freeze: values.freeze === undefined ? null : wholeNumber('--freeze', values.freeze),
      exclude: values.exclude ? wholeNumbers('--exclude', values.exclude) : null,
      multiply: values.multiply === undefined ? null : positiveNumber('--multiply', values.multiply),
      method: method as RunsMethod | null,
      screenMovingRanges: !values['no-screen'],
      baseline: values.baseline === undefined ? null : wholeNumber('--baseline', values.baseline),
      where: (values.where ?? []).map(rowFilter),
      format,
      output: values.output ?? null,
    },
  };
}

/** A positive whole number, as positions and baselines are. */
function wholeNumber(flag: string, text: string): number {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed) || Number(trimmed) < 1) {
    throw new CliError(`${flag} expects a whole number of 1 or more, got '${text}'`, { usage: true });
  }
  return Number(trimmed);
}

/** Whole numbers from repeated flags and comma lists alike: `--part 12,24` or `--part 12 --part 24`. */
function wholeNumbers(flag: string, texts: ReadonlyArray<string>): number[] {
  const items = texts.flatMap((text) => text.split(','));
  return items.map((item) => {
    const trimmed = item.trim();
    if (!/^\d+$/.test(trimmed) || Number(trimmed) < 1) {
      throw new CliError(
        `${flag} expects whole numbers of 1 or more separated by commas, got '${texts.join(',')}'`,
        {
          usage: true,
        },
      );
    }
    return Number(trimmed);
  });
}

function positiveNumber(flag: string, text: string): number {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0) {
    throw new CliError(`${flag} expects a positive number such as 100, got '${text}'`, { usage: true });
  }
  return value;
}

function rowFilter(text: string): RowFilter {
  const equals = text.indexOf('=');
  if (equals < 1) {
    throw new CliError(`--where expects column=value (for example org_code=RF4), got '${text}'`, {
      usage: true,
    });
  }
  return { column: text.slice(0, equals).trim(), value: text.slice(equals + 1), text };
}
