// Filled by the rules module; re-exported from ../index.ts.
export {};
