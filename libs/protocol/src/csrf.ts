/**
 * Requests authenticated by the refresh cookie (`/auth/refresh`, `/auth/logout`, and any unsafe
 * request that carries the cookie) must send this header. A cross-site form cannot set a header,
 * and a cross-site `fetch` with it needs a CORS preflight that the API refuses to origins outside
 * its allow-list.
 */
export const CSRF_HEADER = 'X-Coalesce-CSRF';
export const CSRF_HEADER_VALUE = '1';
