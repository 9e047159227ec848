// Filled by the charts module; re-exported from ../index.ts.
export {};
