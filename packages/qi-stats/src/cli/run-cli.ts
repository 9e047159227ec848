/**
 * The `qi-stats` command: read a CSV, pick one series, run controlChart (or
 * ihiRunChart) on it and print the result as a table or JSON. All I/O goes
 * through a {@link CliIo}, so tests call `runCli` directly with strings, and
 * the library (src/index.ts) never imports anything from here.
 */
import { controlChart, ihiRunChart, QiStatsInputError } from '../index.js';
import { type CliOptions, parseCliArgs } from './args.js';
import { CliError } from './cli-error.js';
import { type ChartContext, formatControlChart, formatIhiRunChart } from './format-table.js';
import { HELP_TEXT } from './help.js';
import type { CliIo } from './node-io.js';
import { readCsv } from './read-csv.js';
import { type Series, selectSeries } from './select-series.js';

type ControlChartInput = Parameters<typeof controlChart>[0];

/**
 * Runs the command line `argv` (without node and the script path) and
 * returns the exit code: 0 done, 2 a problem the user can fix (message on
 * stderr), 1 an unexpected failure.
 *
 * @example
 * const io = { readFile: async () => 'y\n1\n2\n3\n', readStdin: async () => '', writeFile: async () => {},
 *   stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) };
 * await runCli(['data.csv', '--y', 'y', '--chart', 'i', '--format', 'json'], io); // 0, JSON on stdout
 */
export async function runCli(argv: ReadonlyArray<string>, io: CliIo): Promise<number> {
  try {
    const request = parseCliArgs(argv);
    if (request.kind === 'help') {
      io.stdout(HELP_TEXT);
      return 0;
    }
    const output = await produce(request.options, io);
    if (request.options.output === null) {
      io.stdout(output);
    } else {
      try {
        await io.writeFile(request.options.output, output);
      } catch (error) {
        throw new CliError(`cannot write '${request.options.output}': ${describeFsError(error)}`);
      }
    }
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(
        `qi-stats: ${error.message}\n${error.showUsageHint ? "Run 'qi-stats --help' for usage.\n" : ''}`,
      );
      return 2;
    }
    io.stderr(
      `qi-stats: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 1;
  }
}

async function produce(options: CliOptions, io: CliIo): Promise<string> {
  const source = options.file === '-' ? 'standard input' : options.file;
  const text = await readInput(options.file, io);
  const series = selectSeries(readCsv(text, source), options, source);
  const context: ChartContext = {
    source,
    chart: options.chart,
    xLabel: options.x,
    yLabel: options.y,
    nLabel: options.n,
    multiply: options.multiply,
    filters: options.where.map((filter) => filter.text),
  };

  if (options.chart === 'ihi') {
    const values = ihiSeries(series, options, source);
    const result = explainingInputErrors(series, options, source, () =>
      ihiRunChart(values, options.baseline === null ? undefined : { baseline: options.baseline }),
    );
    return options.format === 'json'
      ? `${JSON.stringify(result, null, 2)}\n`
      : formatIhiRunChart(result, { x: series.x, values }, { ...context, baseline: options.baseline });
  }

  const input: ControlChartInput = {
    chart: options.chart,
    y: series.y,
    n: series.n,
    x: series.x,
    part: options.part,
    freeze: options.freeze,
    exclude: options.exclude,
    screenMovingRanges: options.screenMovingRanges,
  };
  if (options.multiply !== null) input.multiply = options.multiply;
  if (options.method !== null) input.method = options.method;
  const result = explainingInputErrors(series, options, source, () => controlChart(input));
  return options.format === 'json'
    ? `${JSON.stringify(result, null, 2)}\n`
    : formatControlChart(result, context);
}

async function readInput(file: string, io: CliIo): Promise<string> {
  try {
    return file === '-' ? await io.readStdin() : await io.readFile(file);
  } catch (error) {
    throw new CliError(`cannot read '${file === '-' ? 'standard input' : file}': ${describeFsError(error)}`);
  }
}

/** For --chart ihi: y, or y/n when --n is given, times --multiply. */
function ihiSeries(series: Series, options: CliOptions, source: string): Array<number | null> {
  const scale = options.multiply ?? 1;
  return series.y.map((y, index) => {
    if (y === null) return null;
    if (series.n === null) return y * scale;
    const n = series.n[index] ?? null;
    if (n === null) return null;
    if (n === 0) {
      throw new CliError(
        `${source} line ${series.lines[index]}, column '${options.n}': the denominator is 0`,
      );
    }
    return (y / n) * scale;
  });
}

/**
 * Runs a library call and turns its QiStatsInputError into a message that
 * names the file line (for errors about one observation) or the flag (for
 * errors about part, freeze, exclude...).
 */
function explainingInputErrors<T>(series: Series, options: CliOptions, source: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (!(error instanceof QiStatsInputError)) throw error;
    const columns: Record<string, string | null> = {
      y: options.y,
      n: options.n,
      x: options.x,
      values: options.n === null ? options.y : `${options.y} / ${options.n}`,
    };
    const column = columns[error.field];
    const line = error.position === null ? undefined : series.lines[error.position - 1];
    if (column && line !== undefined) {
      throw new CliError(
        `${source} line ${line}, column '${column}' (point ${error.position}): ${error.message}`,
      );
    }
    const flags: Record<string, string> = {
      y: '--y',
      n: '--n',
      x: '--x',
      values: '--y',
      part: '--part',
      freeze: '--freeze',
      exclude: '--exclude',
      baseline: '--baseline',
      multiply: '--multiply',
      method: '--method',
    };
    const flag = flags[error.field];
    // The library's message starts with the field ("n: ..."); after the flag that would say it twice.
    const message =
      flag && error.message.startsWith(`${error.field}: `)
        ? error.message.slice(error.field.length + 2)
        : error.message;
    throw new CliError(`${flag ? `${flag}: ` : ''}${message}`);
  }
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
