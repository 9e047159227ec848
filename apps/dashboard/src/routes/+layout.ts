// The public static build: every page is a client-rendered shell prerendered at build time
// (DuckDB-WASM and the charts need a browser; a static build can be served from any NHS web
// host). The portal build renders the same shells per request, so that the server can ask
// for a session before handing them out.
export const prerender = !__PORTAL__;
export const ssr = false;
