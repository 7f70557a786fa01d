import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';

let ticks = 0;
function clockTicks(): number {
  if (!ticks) {
    try {
      ticks = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    } catch {
      ticks = 100;
    }
  }
  return ticks;
}

/** CPU time (user + system) of a process in seconds, from /proc/<pid>/stat; NaN if gone. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces: fields start after the closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return (utime + stime) / clockTicks();
  } catch {
    return NaN;
  }
}

/** Resident set size of a process in bytes, from /proc/<pid>/status; NaN if gone. */
export function rssBytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

/**
 * CPU seconds per process whose command name is `name` and whose command line contains `filter`
 * (e.g. the PostgreSQL backends serving one database: "postgres: user db 127.0.0.1(port) ...").
 */
export function cpuSecondsByProcess(name: string, filter = ''): Map<number, number> {
  const out = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== name) continue;
      if (filter && !readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(filter)) continue;
      const v = cpuSeconds(Number(entry));
      if (!Number.isNaN(v)) out.set(Number(entry), v);
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

/** CPU use of a changing set of processes (those alive at the end; new ones count from zero). */
export class ProcessSetCpuMeter {
  private before = new Map<number, number>();
  private startWall = 0;
  constructor(private readonly read: () => Map<number, number>) {}
  start(): void {
    this.before = this.read();
    this.startWall = performance.now();
  }
  stop(): number {
    let cpu = 0;
    for (const [pid, v] of this.read()) cpu += Math.max(0, v - (this.before.get(pid) ?? 0));
    const wall = (performance.now() - this.startWall) / 1000;
    return wall > 0 ? cpu / wall : NaN;
  }
}

/** CPU use of a process over an interval, as a fraction of one core. */
export class CpuMeter {
  private startCpu = NaN;
  private startWall = 0;
  constructor(private readonly read: () => number) {}
  start(): void {
    this.startCpu = this.read();
    this.startWall = performance.now();
  }
  /** Fraction of one core used since start(). */
  stop(): number {
    const cpu = this.read() - this.startCpu;
    const wall = (performance.now() - this.startWall) / 1000;
    return wall > 0 ? cpu / wall : NaN;
  }
}

/** A free TCP port on 127.0.0.1 (for servers that cannot listen on port 0 and report it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export function cpuModel(): string {
  try {
    const m = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    return m ? m[1].trim() : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** CPU seconds spent busy by the whole machine (all cores), from /proc/stat. */
export function machineBusySeconds(): number {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal
    const busy = v[0] + v[1] + v[2] + v[5] + v[6] + (v[7] ?? 0);
    return busy / clockTicks();
  } catch {
    return NaN;
  }
}

/** "some" CPU pressure over the last 10 s (% of time some task waited for a CPU), or NaN. */
export function cpuPressure(): number {
  try {
    const m = /some avg10=([\d.]+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'));
    return m ? Number(m[1]) : NaN;
  } catch {
    return NaN;
  }
}

/** Cores busy on the whole machine, sampled over `ms`. */
export async function machineBusyOver(ms: number): Promise<number> {
  const meter = new CpuMeter(machineBusySeconds);
  meter.start();
  await new Promise((resolve) => setTimeout(resolve, ms));
  return meter.stop();
}

/** Waits (at most maxMs) until other work on the machine uses fewer than `cores`; true if it did. */
export async function waitForIdleMachine(maxMs: number, cores = 0.3): Promise<boolean> {
  const deadline = Date.now() + maxMs;
  while (Date.now() < deadline) {
    if ((await machineBusyOver(1000)) < cores) return true;
  }
  return false;
}
