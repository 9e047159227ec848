// Portal pages are rendered on the server per request (forms work without JavaScript, and
// the page is built for the signed-in user); they never exist in the public static build.
export const prerender = false;
export const ssr = true;
