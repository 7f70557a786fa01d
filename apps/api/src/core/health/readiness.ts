import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Lifecycle } from '../lifecycle/lifecycle.service.js';

export interface DependencyStatus {
  status: 'up' | 'down';
  latencyMs: number | null;
  error?: string;
}

export interface ReadinessReport {
  status: 'ready' | 'not-ready';
  /** The process got SIGTERM/SIGINT and is draining: take it out of the rotation. */
  shuttingDown: boolean;
  checks: Record<string, DependencyStatus>;
}

type Check = () => Promise<unknown>;

const CHECK_TIMEOUT_MS = 2000;

/**
 * Readiness: the process serves and is not shutting down, the database answers a query, and every
 * other dependency registered here (Redis when REDIS_URL is set) answers too.
 */
@Injectable()
export class Readiness {
  private readonly checks = new Map<string, Check>();

  constructor(
    @InjectDataSource() db: DataSource,
    private readonly lifecycle: Lifecycle,
  ) {
    this.checks.set('database', () => db.query('SELECT 1'));
  }

  addCheck(name: string, check: Check): void {
    this.checks.set(name, check);
  }

  async report(): Promise<ReadinessReport> {
    if (!this.lifecycle.serving) {
      return { status: 'not-ready', shuttingDown: this.lifecycle.shuttingDown, checks: {} };
    }
    const names = [...this.checks.keys()];
    const results = await Promise.all(names.map((name) => probe(this.checks.get(name)!)));
    const checks = Object.fromEntries(names.map((name, i) => [name, results[i]]));
    const up = results.every((r) => r.status === 'up') && this.lifecycle.serving;
    return {
      status: up ? 'ready' : 'not-ready',
      shuttingDown: this.lifecycle.shuttingDown,
      checks,
    };
  }
}

/** Runs one check with a time limit. */
export async function probe(check: Check, timeoutMs = CHECK_TIMEOUT_MS): Promise<DependencyStatus> {
  const started = performance.now();
  try {
    await withTimeout(check(), timeoutMs);
    return { status: 'up', latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    return {
      status: 'down',
      latencyMs: null,
      error: error instanceof Error ? error.message : 'unknown',
    };
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      timer.unref();
    }),
  ]).finally(() => clearTimeout(timer));
}
