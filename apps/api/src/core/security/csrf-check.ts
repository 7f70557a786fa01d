import type { IncomingHttpHeaders } from 'node:http';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@coalesce/protocol';
import type { OriginPolicy } from './origin-policy.js';

/**
 * Why a cookie-authenticated request looks forged, or null when it may proceed:
 * 1. it must carry `X-Coalesce-CSRF: 1` (a cross-site form cannot, and a cross-site fetch with it
 *    needs a CORS preflight that origins outside the allow-list fail);
 * 2. its `Origin`, when the browser sends one, must be the API's own or a listed one;
 * 3. without an `Origin`, `Sec-Fetch-Site` (when sent) must not say the request is cross-site.
 * Non-browser clients (scripts, tests) send neither header and pass on the custom header alone.
 */
export function csrfProblem(headers: IncomingHttpHeaders, policy: OriginPolicy): string | null {
  if (headers[CSRF_HEADER.toLowerCase()] !== CSRF_HEADER_VALUE)
    return `the ${CSRF_HEADER} header is missing`;
  const origin = headers.origin;
  if (origin !== undefined) {
    return policy.allows(origin, headers.host) ? null : 'the request comes from another site';
  }
  const site = headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return 'the request comes from another site';
  return null;
}
