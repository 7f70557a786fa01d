import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Histogram } from 'prom-client';
import { Metrics } from './metrics.service.js';

/** Requests that matched no route (404s, the web app's static files) share one label value. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Latency of every HTTP request by method, route template (`/api/v1/coalitions/:id`, never the
 * raw URL, so the label set stays bounded) and status, measured from arrival to the response's end.
 */
@Injectable()
export class HttpMetrics {
  private readonly duration: Histogram<'method' | 'route' | 'status'>;

  constructor(metrics: Metrics) {
    this.duration = metrics.histogram({
      name: 'coalesce_http_request_duration_seconds',
      help: 'HTTP request latency from arrival to the end of the response, by route template.',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    });
  }

  /** Express middleware; install before the routes. */
  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    const started = performance.now();
    res.once('finish', () => {
      const route = (req.route as { path?: unknown } | undefined)?.path;
      this.duration.observe(
        {
          method: req.method,
          route: typeof route === 'string' ? `${req.baseUrl}${route}` : UNMATCHED_ROUTE,
          status: String(res.statusCode),
        },
        (performance.now() - started) / 1000,
      );
    });
    next();
  };
}
