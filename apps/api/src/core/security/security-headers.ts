import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/** Browser features the app never uses: a page (or an injected frame) may not ask for them. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'bluetooth=()',
  'browsing-topics=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

/** A Host header that can go into a CSP source expression (host[:port], nothing else). */
const SAFE_HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/**
 * The page's own WebSocket origin for Socket.IO. CSP Level 3 lets 'self' match ws:/wss: on the same
 * host, but older engines do not, and a bare `wss:` would allow sockets to any host.
 */
function ownSocketOrigins(req: IncomingMessage): string {
  const host = req.headers.host ?? '';
  return SAFE_HOST.test(host) ? `ws://${host} wss://${host}` : '';
}

/**
 * Security headers of every response (helmet, with every directive spelled out rather than
 * helmet's defaults):
 * - a strict Content-Security-Policy: scripts only from the app's own files (no inline scripts, no
 *   eval), no plugins, no framing, no <base> or form posts elsewhere; styles allow 'unsafe-inline'
 *   because Mantine writes its theme in <style> elements and TipTap/ProseMirror and Swagger UI set
 *   style attributes (docs/security.md explains the trade-off);
 * - HSTS (one year, subdomains) and upgrade-insecure-requests in production only, so a developer's
 *   http://localhost is never pinned to HTTPS;
 * - Referrer-Policy no-referrer (invitation links carry tokens), X-Frame-Options DENY,
 *   nosniff, same-origin opener and resource policies, and a Permissions-Policy that turns off
 *   every device API.
 */
export function securityHeaders(options: { production: boolean }) {
  const applyHelmet = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", (req) => ownSocketOrigins(req)],
        workerSrc: ["'self'", 'blob:'],
        manifestSrc: ["'self'"],
        mediaSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        ...(options.production ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: options.production
      ? { maxAge: 31_536_000, includeSubDomains: true }
      : false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  return (req: Request, res: Response, next: NextFunction): void => {
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    applyHelmet(req, res, next);
  };
}
