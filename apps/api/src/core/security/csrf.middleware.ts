import type { NextFunction, Request, Response } from 'express';
import { REFRESH_COOKIE } from '../auth/refresh-cookie.js';
import { AppError } from '../errors/app-error.js';
import { csrfProblem } from './csrf-check.js';
import type { OriginPolicy } from './origin-policy.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The routes that act on the refresh cookie: always checked, with or without the cookie. */
export const COOKIE_AUTHENTICATED_PATHS: readonly string[] = [
  '/api/v1/auth/refresh',
  '/api/v1/auth/logout',
];

/**
 * CSRF defence for everything the refresh cookie authenticates: the cookie routes above, and any
 * other unsafe request that carries the cookie (so a future route that reads it is covered too).
 * Bearer-token requests without the cookie are not exposed to CSRF and are not checked.
 * Refused requests get 403 CSRF_REJECTED before any handler runs.
 */
export function csrfMiddleware(policy: OriginPolicy) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (SAFE_METHODS.has(req.method)) return next();
    const cookies = req.cookies as Record<string, unknown> | undefined;
    const cookieAuthenticated =
      COOKIE_AUTHENTICATED_PATHS.includes(req.path.toLowerCase().replace(/\/+$/, '')) ||
      cookies?.[REFRESH_COOKIE] !== undefined;
    if (!cookieAuthenticated) return next();
    const problem = csrfProblem(req.headers, policy);
    if (!problem) return next();
    next(new AppError('CSRF_REJECTED', `Request refused: ${problem}.`));
  };
}
