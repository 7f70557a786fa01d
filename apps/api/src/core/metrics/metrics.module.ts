import { Global, Module } from '@nestjs/common';
import { HttpMetrics } from './http-metrics.js';
import { MetricsController } from './metrics.controller.js';
import { Metrics } from './metrics.service.js';

/** The Prometheus registry (inject `Metrics` to create metrics), HTTP latency and GET /api/metrics. */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [Metrics, HttpMetrics],
  exports: [Metrics, HttpMetrics],
})
export class MetricsModule {}
