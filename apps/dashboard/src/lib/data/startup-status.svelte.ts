import type { DataError } from './data-error';
import type { StartupProgress } from './network-database';

/**
 * What the layout shows while the database starts: a progress bar, then nothing,
 * or an error that says what failed. Written only by `network.ts`.
 */
export const startupStatus = $state<{
  progress: StartupProgress | null;
  error: DataError | null;
  /** Milliseconds from navigation start to data loaded, for the benchmark. */
  readyAtMs: number | null;
}>({ progress: null, error: null, readyAtMs: null });
