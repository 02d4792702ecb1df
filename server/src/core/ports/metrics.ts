// Port: what the runtime counts for the operator (the outbox sender's outcomes). The adapter is the
// server's Prometheus registry (http/ops/metrics.ts), injected by compose.ts; tests leave it out.

/** A counter by labels (prom-client's Counter fits it). */
export interface LabeledCounter<Label extends string> {
  inc(labels: Partial<Record<Label, string | number>>): void;
}

export interface MetricsRecorder {
  /** Outbox deliveries to WeChat; outcome e.g. 'sent', 'retry', 'failed', 'already_recorded'. */
  outboxSends: LabeledCounter<'outcome'>;
}
