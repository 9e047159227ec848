import { base } from '$app/paths';
import { startBrowserEngine } from './browser-engine';
import { DataError, reasonOf } from './data-error';
import { fetchWholeFile } from './fetch-bytes';
import { fetchManifest } from './manifest';
import { NetworkDatabase, type StartupProgress } from './network-database';
import { startupStatus } from './startup-status.svelte';

let opening: Promise<NetworkDatabase> | undefined;

/**
 * The network database, started once per tab on first use: DuckDB-WASM starts in
 * its worker while the manifest is read, then every listed table is loaded.
 * Progress and errors go to `startupStatus`. Browser only.
 */
export function networkDatabase(): Promise<NetworkDatabase> {
  opening ??= open().then(
    (database) => {
      startupStatus.readyAtMs = performance.now();
      return database;
    },
    (error: unknown) => {
      startupStatus.error =
        error instanceof DataError ? error : new DataError('start', 'network data', reasonOf(error));
      throw startupStatus.error;
    },
  );
  return opening;
}

function report(progress: StartupProgress): void {
  startupStatus.progress = progress;
}

async function open(): Promise<NetworkDatabase> {
  report({ stage: 'engine', message: 'Starting the in-browser database', fraction: 0 });
  const manifestUrl = dataManifestUrl();
  // Performance marks let the benchmark (bench/run.mjs) split start-up into engine and data time.
  performance.mark('network-data:start');
  const [engine, manifest] = await Promise.all([
    startBrowserEngine((loaded, total) =>
      report({
        stage: 'engine',
        message: `Downloading the database engine (${megabytes(loaded)} of ${megabytes(total)} MB)`,
        fraction: total > 0 ? (0.5 * loaded) / total : null,
      }),
    ).then((started) => {
      performance.mark('network-data:engine-ready');
      return started;
    }),
    fetchManifest(manifestUrl),
  ]);
  report({ stage: 'manifest', message: `Loading ${manifest.tables.length} tables`, fraction: 0.5 });
  const database = await NetworkDatabase.load(engine, manifest, manifestUrl, fetchWholeFile, report);
  performance.mark('network-data:tables-loaded');
  return database;
}

function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}

/** The manifest's absolute URL, honouring the app's base path (Evidence's base-path bug, b.1). */
export function dataManifestUrl(): string {
  return new URL(`${base}/data/manifest.json`, location.href).href;
}
