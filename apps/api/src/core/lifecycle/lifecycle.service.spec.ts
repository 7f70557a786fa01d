import { beforeAll, describe, expect, it } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { Lifecycle } from './lifecycle.service.js';

beforeAll(() => Logger.overrideLogger(false));

describe('Lifecycle', () => {
  it('serves after bootstrap and stops serving at the start of a shutdown', () => {
    const lifecycle = new Lifecycle();
    expect(lifecycle.phase).toBe('starting');
    expect(lifecycle.serving).toBe(false);
    lifecycle.onApplicationBootstrap();
    expect(lifecycle.serving).toBe(true);
    lifecycle.beginShutdown('SIGTERM');
    expect({ serving: lifecycle.serving, shuttingDown: lifecycle.shuttingDown }).toEqual({
      serving: false,
      shuttingDown: true,
    });
    // A late bootstrap hook never makes a draining process ready again.
    lifecycle.onApplicationBootstrap();
    expect(lifecycle.serving).toBe(false);
  });

  it('runs the steps once, in order, and goes on after a failing one', async () => {
    const lifecycle = new Lifecycle();
    lifecycle.onApplicationBootstrap();
    const ran: string[] = [];
    lifecycle.addShutdownStep({ name: 'compact', order: 300, run: () => void ran.push('compact') });
    lifecycle.addShutdownStep({
      name: 'flush',
      order: 100,
      run: async () => {
        await new Promise((r) => setTimeout(r, 10));
        ran.push('flush');
      },
    });
    lifecycle.addShutdownStep({
      name: 'disconnect',
      order: 200,
      run: () => {
        ran.push('disconnect');
        throw new Error('socket layer already gone');
      },
    });
    await Promise.all([lifecycle.runShutdownSteps(), lifecycle.beforeApplicationShutdown()]);
    await lifecycle.runShutdownSteps();
    expect(ran).toEqual(['flush', 'disconnect', 'compact']);
    expect(lifecycle.phase).toBe('stopped');
  });
});
