// Filled by the intervals module; re-exported from ../index.ts.
export {};
