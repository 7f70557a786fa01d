import { Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';

export type LifecyclePhase = 'starting' | 'serving' | 'draining' | 'stopped';

/** Work a module must do at a graceful shutdown, before the database and Redis close. */
export interface ShutdownStep {
  name: string;
  /** Steps run one after another, lowest first. */
  order: number;
  run: () => Promise<void> | void;
}

/**
 * Where the process is in its life, and the ordered steps of a graceful shutdown. `beginShutdown`
 * (on SIGTERM/SIGINT) makes /api/health/ready answer 503 and the socket gateway refuse new
 * connections; `runShutdownSteps` then runs what modules registered (flush group commits, disconnect
 * sockets, compact) in order. Nest's own close sequence runs the steps as well if nobody did, before
 * anything is torn down, so `app.close()` in a test drains the same way.
 */
@Injectable()
export class Lifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Shutdown');
  private current: LifecyclePhase = 'starting';
  private readonly steps: ShutdownStep[] = [];
  private running: Promise<void> | null = null;

  get phase(): LifecyclePhase {
    return this.current;
  }

  /** Serving and not shutting down: what readiness reports. */
  get serving(): boolean {
    return this.current === 'serving';
  }

  get shuttingDown(): boolean {
    return this.current === 'draining' || this.current === 'stopped';
  }

  onApplicationBootstrap(): void {
    if (this.current === 'starting') this.current = 'serving';
  }

  addShutdownStep(step: ShutdownStep): void {
    this.steps.push(step);
  }

  /** Not ready from now on; new connections are refused. Idempotent. */
  beginShutdown(reason = 'shutdown'): void {
    if (this.shuttingDown) return;
    this.current = 'draining';
    this.logger.log(`${reason}: not ready any more, refusing new connections`);
  }

  /** Runs the registered steps once (later calls wait for the same run). A failing step is logged. */
  runShutdownSteps(): Promise<void> {
    this.beginShutdown();
    this.running ??= this.runSteps();
    return this.running;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runShutdownSteps();
  }

  private async runSteps(): Promise<void> {
    const ordered = [...this.steps].sort((a, b) => a.order - b.order);
    for (const step of ordered) {
      const started = performance.now();
      try {
        await step.run();
        this.logger.log(`${step.name}: done in ${Math.round(performance.now() - started)} ms`);
      } catch (error) {
        this.logger.error({ err: error }, `${step.name}: failed`);
      }
    }
    this.current = 'stopped';
  }
}
