// Filled by the suppression module; re-exported from ../index.ts.
export {};
