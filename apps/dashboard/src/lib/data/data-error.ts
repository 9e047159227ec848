/**
 * The steps of getting network data into the browser. An error names the step
 * so that the message shown to users says what failed, not just that something did.
 */
export type DataStep = 'start' | 'manifest' | 'download' | 'load' | 'query';

const stepDescriptions: Record<DataStep, string> = {
  start: 'Starting the in-browser database (DuckDB-WASM)',
  manifest: 'Reading the list of data files',
  download: 'Downloading a data file',
  load: 'Loading a data file into the database',
  query: 'Running a query',
};

/** An error from the data layer that says which step failed, on what, and why. */
export class DataError extends Error {
  override readonly name = 'DataError';

  constructor(
    readonly step: DataStep,
    /** What was being worked on: a table name, a URL, or a query. */
    readonly subject: string,
    /** The underlying reason, in the words of the component that failed. */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${stepDescriptions[step]} failed (${subject}): ${reason}`, options);
  }
}

/** The message of any thrown value, for wrapping foreign errors into a DataError. */
export function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
