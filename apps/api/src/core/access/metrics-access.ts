import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { Authenticator } from '../auth/authenticator.js';
import { AppError } from '../errors/app-error.js';

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/**
 * Who may read /api/metrics. With METRICS_TOKEN: whoever presents it as a bearer token (compared in
 * constant time), from anywhere. Without: only a direct connection from loopback that carries no
 * proxy header, so a reverse proxy on the same host never exposes the metrics by accident.
 */
export function assertMetricsAccess(req: Request, token: string | null): void {
  if (token) {
    const presented = Authenticator.bearer(req.headers.authorization);
    if (!presented || !sameSecret(presented, token)) {
      throw new AppError(
        'UNAUTHENTICATED',
        'Metrics need the header Authorization: Bearer <METRICS_TOKEN>.',
      );
    }
    return;
  }
  const direct = !req.headers['x-forwarded-for'] && !req.headers.forwarded;
  if (direct && LOOPBACK.test(req.socket.remoteAddress ?? '')) return;
  throw AppError.forbidden(
    'Metrics are served to loopback only; set METRICS_TOKEN to scrape them from elsewhere.',
  );
}

function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}
