// Filled by the inequality module; re-exported from ../index.ts.
export {};
