// The server's Prometheus metrics, one registry per process (built by main.ts, handed to whoever counts).
// Labels are bounded sets (route patterns, channel ids, fixed outcomes): never a URL, an openid or an id.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { MetricsRecorder } from '../../core/ports/metrics';

/** Also the runtime's MetricsRecorder, injected by compose.ts. */
export interface Metrics extends MetricsRecorder {
  registry: Registry;
  /** Every push the endpoint answered; outcome e.g. 'stored', 'duplicate', 'rejected'. */
  pushesReceived: Counter<'channel' | 'type' | 'outcome'>;
  /** From the request's arrival to the acknowledgement, in seconds. */
  pushLatency: Histogram<'channel'>;
  /** Outbox deliveries to WeChat; outcome e.g. 'sent', 'retry', 'failed', 'refused'. */
  outboxSends: Counter<'outcome'>;
  /** REST API answers by route pattern and status code. */
  apiRequests: Counter<'route' | 'method' | 'status'>;
  apiLatency: Histogram<'route' | 'method'>;
}

export interface MetricsOptions {
  /** Node's process metrics (CPU, memory, event loop lag, GC); off in tests. */
  defaultMetrics?: boolean;
  prefix?: string;
  /**
   * This node's name (KEFU_NODE_NAME): a `node` label on every series, and `kefu_node_info{node} 1`, so the
   * nodes of one cluster are told apart even when scraped through one address.
   */
  nodeName?: string;
}

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  const prefix = options.prefix ?? 'kefu_';
  if (options.nodeName !== undefined) registry.setDefaultLabels({ node: options.nodeName });
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix });
  const registers = [registry];
  if (options.nodeName !== undefined)
    new Gauge({ name: `${prefix}node_info`, help: 'This server process (node) of the cluster', registers }).set(1);
  return {
    registry,
    pushesReceived: new Counter({
      name: `${prefix}pushes_received_total`,
      help: 'WeChat pushes answered, by channel, message type and outcome',
      labelNames: ['channel', 'type', 'outcome'],
      registers,
    }),
    // The push path must answer in milliseconds; buckets resolve the 1–10 ms range the targets talk about.
    pushLatency: new Histogram({
      name: `${prefix}push_latency_seconds`,
      help: 'Time from a push arriving to its acknowledgement',
      labelNames: ['channel'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1, 5],
      registers,
    }),
    outboxSends: new Counter({
      name: `${prefix}outbox_sends_total`,
      help: 'Outgoing customer-service messages by outcome',
      labelNames: ['outcome'],
      registers,
    }),
    apiRequests: new Counter({
      name: `${prefix}api_requests_total`,
      help: 'REST API requests by route pattern, method and status',
      labelNames: ['route', 'method', 'status'],
      registers,
    }),
    apiLatency: new Histogram({
      name: `${prefix}api_latency_seconds`,
      help: 'REST API request duration',
      labelNames: ['route', 'method'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
      registers,
    }),
  };
}
