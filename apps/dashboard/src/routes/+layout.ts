// Every page is a client-rendered shell prerendered at build time: DuckDB-WASM and the
// charts need a browser, and a static build can be served from any NHS web host.
export const prerender = true;
export const ssr = false;
