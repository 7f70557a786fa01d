import type { Request, Response } from 'express';
import type { AppConfig } from '../config/app-config.js';

export const REFRESH_COOKIE = 'coalesce_refresh';
const COOKIE_PATH = '/api/v1/auth';

/** The refresh token lives only in an httpOnly, SameSite=Strict cookie scoped to the auth routes. */
export function setRefreshCookie(res: Response, token: string, config: AppConfig): void {
  res.cookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.isProduction,
    path: COOKIE_PATH,
    maxAge: config.refreshTokenTtlDays * 86_400_000,
  });
}

export function clearRefreshCookie(res: Response, config: AppConfig): void {
  res.clearCookie(REFRESH_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.isProduction,
    path: COOKIE_PATH,
  });
}

export function readRefreshCookie(req: Request): string | null {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIE];
  return typeof value === 'string' && value.length > 0 && value.length < 200 ? value : null;
}
