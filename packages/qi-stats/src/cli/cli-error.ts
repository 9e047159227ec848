/**
 * A problem with the command line or the input file that the user can fix.
 * The CLI prints its message on stderr and exits with code 2 (the usual
 * "usage error" code), keeping exit code 1 for genuine failures.
 */
export class CliError extends Error {
  /** Whether to remind the user of `--help` after the message. */
  readonly showUsageHint: boolean;

  constructor(message: string, options: { usage?: boolean } = {}) {
    super(message);
    this.name = 'CliError';
    this.showUsageHint = options.usage ?? false;
  }
}
