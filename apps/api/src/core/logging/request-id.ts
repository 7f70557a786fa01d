import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

const VALID = /^[\w-]{1,64}$/;

/**
 * The id of a request (or of a socket's handshake): the X-Request-Id a proxy sent when it looks
 * sane, else a new UUID. It is echoed in the X-Request-Id response header, in every log line about
 * the request and in error bodies.
 */
export function requestIdOf(headers: IncomingHttpHeaders): string {
  const incoming = headers['x-request-id'];
  return typeof incoming === 'string' && VALID.test(incoming) ? incoming : randomUUID();
}
