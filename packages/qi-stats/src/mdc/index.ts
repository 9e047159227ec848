// Filled by the mdc module; re-exported from ../index.ts.
export {};
