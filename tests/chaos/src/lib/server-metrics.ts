/**
 * Reads a node's GET /api/metrics (Prometheus text format): the harness runs on loopback, where the
 * API serves its metrics without METRICS_TOKEN.
 */
export class MetricsSample {
  private constructor(
    readonly at: number,
    private readonly series: Map<string, number>,
  ) {}

  static async scrape(baseUrl: string): Promise<MetricsSample> {
    const at = Date.now();
    const res = await fetch(`${baseUrl}/api/metrics`, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`GET /api/metrics answered ${res.status}`);
    const series = new Map<string, number>();
    for (const line of (await res.text()).split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const space = line.lastIndexOf(' ');
      series.set(line.slice(0, space), Number(line.slice(space + 1)));
    }
    return new MetricsSample(at, series);
  }

  /** The value of a series (`name` or `name{labels}`); NaN when absent. */
  value(series: string): number {
    return this.series.get(series) ?? NaN;
  }

  /** Cumulative bucket counts of an unlabelled histogram: [upper bound in the metric's unit, count]. */
  buckets(name: string): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    const prefix = `${name}_bucket{le="`;
    for (const [key, value] of this.series) {
      if (!key.startsWith(prefix)) continue;
      const le = key.slice(prefix.length, -2);
      out.push([le === '+Inf' ? Infinity : Number(le), value]);
    }
    return out.sort((a, b) => a[0] - b[0]);
  }
}

/**
 * The bucket bound under which `q` of the observations made between two scrapes fall (a histogram
 * gives an upper bound, not an exact quantile); null when nothing was observed in between.
 */
export function quantileBetween(
  before: MetricsSample,
  after: MetricsSample,
  name: string,
  q: number,
): number | null {
  const start = new Map(before.buckets(name));
  const delta = after.buckets(name).map(([le, n]) => [le, n - (start.get(le) ?? 0)] as const);
  const total = delta.at(-1)?.[1] ?? 0;
  if (total <= 0) return null;
  return delta.find(([, n]) => n >= q * total)?.[0] ?? Infinity;
}

/** Exact quantile of a list of numbers (nearest rank); null for an empty list. */
export function quantile(values: number[], q: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}
