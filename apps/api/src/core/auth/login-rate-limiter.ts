import { Injectable } from '@nestjs/common';
import {
  LOGIN_ATTEMPTS_PER_ACCOUNT,
  LOGIN_ATTEMPTS_PER_IP,
  LOGIN_WINDOW_SECONDS,
} from '@coalesce/protocol';
import { AppError } from '../errors/app-error.js';

interface Window {
  count: number;
  resetAt: number;
}

/**
 * Fixed-window limits on login: every attempt counts against the client IP, failed attempts
 * count against the account (a success clears them). Kept in this process's memory; with several
 * API nodes each node keeps its own windows.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly byIp = new Map<string, Window>();
  private readonly failuresByAccount = new Map<string, Window>();

  private limits = {
    perIp: LOGIN_ATTEMPTS_PER_IP,
    perAccount: LOGIN_ATTEMPTS_PER_ACCOUNT,
    windowMs: LOGIN_WINDOW_SECONDS * 1000,
  };

  /** Tests use smaller limits. */
  configure(limits: Partial<typeof this.limits>): void {
    this.limits = { ...this.limits, ...limits };
  }

  reset(): void {
    this.byIp.clear();
    this.failuresByAccount.clear();
  }

  /** Counts an attempt from `ip` and refuses it (429) when the IP or the account is over its limit. */
  checkAttempt(ip: string, account: string, now = Date.now()): void {
    this.sweep(now);
    const ipWindow = this.bump(this.byIp, ip, now);
    if (ipWindow.count > this.limits.perIp) {
      throw this.limited('Too many sign-in attempts from this network.', ipWindow, now);
    }
    const accountWindow = this.failuresByAccount.get(account);
    if (
      accountWindow &&
      accountWindow.resetAt > now &&
      accountWindow.count >= this.limits.perAccount
    ) {
      throw this.limited('Too many failed sign-in attempts for this account.', accountWindow, now);
    }
  }

  recordFailure(account: string, now = Date.now()): void {
    this.bump(this.failuresByAccount, account, now);
  }

  recordSuccess(account: string): void {
    this.failuresByAccount.delete(account);
  }

  private bump(map: Map<string, Window>, key: string, now: number): Window {
    let window = map.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + this.limits.windowMs };
      map.set(key, window);
    }
    window.count += 1;
    return window;
  }

  private limited(message: string, window: Window, now: number): AppError {
    const retryAfter = Math.max(1, Math.ceil((window.resetAt - now) / 1000));
    return new AppError(
      'RATE_LIMITED',
      `${message} Try again in ${Math.ceil(retryAfter / 60)} minute(s).`,
      { retryAfter },
    );
  }

  private sweep(now: number): void {
    if (this.byIp.size + this.failuresByAccount.size < 10_000) return;
    for (const map of [this.byIp, this.failuresByAccount]) {
      for (const [key, window] of map) if (window.resetAt <= now) map.delete(key);
    }
  }
}
