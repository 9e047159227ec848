// Filled by the disparity module; re-exported from ../index.ts.
export {};
