import { Injectable } from '@nestjs/common';
import type { Counter, Gauge, Histogram } from 'prom-client';
import { Metrics } from '../../core/metrics/metrics.service.js';
import type { DocStateCache } from './doc-state-cache.js';

/**
 * The collaboration engine's Prometheus metrics. Hot paths (every update, every awareness message)
 * only observe or increment a metric without labels; counts of documents and cached bytes are read
 * when Prometheus scrapes.
 */
@Injectable()
export class CollabMetrics {
  /** Receipt of a doc:update to its ack, which is sent after COMMIT. */
  readonly updateAck: Histogram;
  readonly updateRefusals: Counter<'code'>;
  readonly commitBatchSize: Histogram;
  readonly commitDuration: Histogram;
  readonly commitFailures: Counter;
  /** Documents whose update log is over the compaction thresholds, as of the last pass. */
  readonly compactionBacklog: Gauge;
  readonly compactions: Counter;
  readonly awarenessMessages: Counter;
  private openDocuments: () => number = () => 0;
  private cache: DocStateCache | null = null;

  constructor(metrics: Metrics) {
    this.updateAck = metrics.histogram({
      name: 'coalesce_collab_update_ack_seconds',
      help: 'Time from receiving a doc:update to acknowledging it after its group commit.',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    });
    this.updateRefusals = metrics.counter({
      name: 'coalesce_collab_update_refusals_total',
      help: 'doc:update messages answered with an error, by error code.',
      labelNames: ['code'],
    });
    this.commitBatchSize = metrics.histogram({
      name: 'coalesce_collab_commit_batch_size',
      help: 'Updates written by one group commit.',
      buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
    });
    this.commitDuration = metrics.histogram({
      name: 'coalesce_collab_commit_duration_seconds',
      help: 'Time to write one group commit to PostgreSQL.',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    });
    this.commitFailures = metrics.counter({
      name: 'coalesce_collab_commit_failures_total',
      help: 'Group commits that failed (their updates were refused; clients resend them).',
    });
    this.compactionBacklog = metrics.gauge({
      name: 'coalesce_collab_compaction_backlog_documents',
      help: 'Documents whose update log is over the compaction thresholds (at the last pass).',
    });
    this.compactions = metrics.counter({
      name: 'coalesce_collab_compactions_total',
      help: 'Update logs folded into their snapshot.',
    });
    this.awarenessMessages = metrics.counter({
      name: 'coalesce_collab_awareness_messages_total',
      help: 'awareness:update messages received from clients.',
    });
    const open = () => this.openDocuments();
    metrics.gauge({
      name: 'coalesce_collab_open_documents',
      help: 'Documents open on this process (at least one local socket in the room).',
      collect() {
        this.set(open());
      },
    });
    const cache = () => this.cache;
    metrics.gauge({
      name: 'coalesce_collab_state_cache_bytes',
      help: 'Bytes held by the LRU cache of merged document states.',
      collect() {
        this.set(cache()?.bytes ?? 0);
      },
    });
  }

  /** Where the scrape reads the open documents (the gateway's rooms) and the state cache. */
  readFrom(sources: { openDocuments?: () => number; cache?: DocStateCache }): void {
    if (sources.openDocuments) this.openDocuments = sources.openDocuments;
    if (sources.cache) this.cache = sources.cache;
  }
}
