/**
 * Node-only helpers of @maternity-qi/network-data (file system, command line). Import from
 * `@maternity-qi/network-data/node`; never from browser code.
 */

export * from './node/msds-files.js';
export { readReferenceTables } from './node/read-reference-tables.js';
export { repoDataDir, resolveFromCaller } from './node/repo-paths.js';
export type { ManifestEntry } from './node/write-demo-network.js';
export { writeDemoNetwork, writeFile, writeTable } from './node/write-demo-network.js';
export type { NationalWriteResult } from './node/write-national-network.js';
export { writeNationalNetwork } from './node/write-national-network.js';
