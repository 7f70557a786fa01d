import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { CounterConfiguration, GaugeConfiguration, HistogramConfiguration } from 'prom-client';

type Config<T> = Omit<T, 'registers'>;

/**
 * This process's Prometheus registry: Node's default process metrics (CPU, RSS, heap, GC,
 * event-loop lag with its p99 since the last scrape) plus the metrics core and modules create here.
 * One registry per application instance (tests run several in one process), never prom-client's
 * global one. Modules keep the metric objects they create and record into them directly: an observe
 * or an inc, nothing more on a hot path.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  counter<L extends string = string>(config: Config<CounterConfiguration<L>>): Counter<L> {
    return new Counter<L>({ ...config, registers: [this.registry] });
  }

  gauge<L extends string = string>(config: Config<GaugeConfiguration<L>>): Gauge<L> {
    return new Gauge<L>({ ...config, registers: [this.registry] });
  }

  histogram<L extends string = string>(config: Config<HistogramConfiguration<L>>): Histogram<L> {
    return new Histogram<L>({ ...config, registers: [this.registry] });
  }

  /** The exposition text and its content type. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
