import { fork, type ChildProcess } from 'node:child_process';

interface Request {
  id: number;
  method: string;
  params: unknown;
}
interface Response {
  id: number;
  result?: unknown;
  error?: string;
}

/** A forked worker process answering method calls over IPC (structured clone: typed arrays pass as is). */
export class WorkerHandle {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve(v: unknown): void; reject(e: Error): void; timer: NodeJS.Timeout }
  >();
  private exited = false;

  private constructor(
    readonly child: ChildProcess,
    readonly name: string,
  ) {
    child.on('message', (msg: Response) => {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      clearTimeout(p.timer);
      if (msg.error !== undefined) p.reject(new Error(`${name}: ${msg.error}`));
      else p.resolve(msg.result);
    });
    child.on('exit', (code, signal) => {
      this.exited = true;
      for (const p of this.pending.values()) {
        clearTimeout(p.timer);
        p.reject(new Error(`${name} exited (${code ?? signal})`));
      }
      this.pending.clear();
    });
  }

  static start(script: string, name: string, execArgv: string[] = []): WorkerHandle {
    const child = fork(script, [], {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv,
    });
    return new WorkerHandle(child, name);
  }

  call<T>(method: string, params: unknown, timeoutMs: number): Promise<T> {
    if (this.exited) return Promise.reject(new Error(`${this.name} has exited`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${this.name}: ${method} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      this.child.send({ id, method, params } satisfies Request);
    });
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.disconnect();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}

/** Worker side: serves the given methods until the parent disconnects. */
export function serve(
  methods: Record<string, (params: never) => Promise<unknown> | unknown>,
): void {
  process.on('message', async (msg: Request) => {
    const fn = methods[msg.method];
    try {
      if (!fn) throw new Error(`unknown method ${msg.method}`);
      const result = await fn(msg.params as never);
      process.send?.({ id: msg.id, result } satisfies Response);
    } catch (error) {
      process.send?.({
        id: msg.id,
        error: (error as Error).stack ?? String(error),
      } satisfies Response);
    }
  });
  process.on('disconnect', () => process.exit(0));
}
