/**
 * One clock for every process of a run: CLOCK_MONOTONIC (process.hrtime) is system-wide on Linux,
 * so a timestamp taken in a sender process can be compared with one taken in a receiver process.
 */
export function nowUs(): number {
  const [s, ns] = process.hrtime();
  return s * 1e6 + Math.floor(ns / 1e3);
}

export function nowMs(): number {
  const [s, ns] = process.hrtime();
  return s * 1e3 + ns / 1e6;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Sleeps until the given monotonic time (µs); returns at once if it has passed. */
export async function sleepUntilUs(us: number): Promise<void> {
  const wait = (us - nowUs()) / 1000;
  if (wait > 0) await sleep(wait);
}

/** Rejects after ms with a message naming what timed out. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timeout after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
