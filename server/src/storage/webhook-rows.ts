// Webhook rows as both SQL adapters store them (SQLite and PostgreSQL): endpoints with their secret sealed
// (secret-box.ts, bound to the endpoint's id), deliveries and attempts. `enabled` is 0/1 in SQLite and a
// boolean in PostgreSQL.
import type {
  LoggedWebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookEndpoint,
  WebhookOutcome,
} from '../core/ports/webhook-store';
import type { WebhookEventType } from '../core/webhooks/webhook-events';

export interface EndpointRow {
  id: string;
  channel_id: string;
  merchant_id: string | null;
  url: string;
  events: string;
  enabled: number | boolean;
  secret: string;
  secret_hint: string;
  created_at: number;
  updated_at: number;
}

export interface DeliveryRow {
  id: number;
  endpoint_id: string;
  event_id: string;
  type: string;
  order_key: string;
  body: string;
  created_at: number;
  status: WebhookDeliveryStatus;
  attempts: number;
  next_attempt_at: number;
  finished_at: number | null;
  last_error: string | null;
}

export interface AttemptRow {
  id: number;
  delivery_id: number;
  endpoint_id: string;
  event_id: string;
  type: string;
  attempt: number;
  at: number;
  status_code: number | null;
  latency_ms: number;
  error: string | null;
  outcome: WebhookOutcome;
}

/** Where a sealed secret belongs: opening it under another endpoint's id fails. */
export const secretPlace = (endpointId: string) => `webhook:${endpointId}:secret`;

export function endpointOf(r: EndpointRow): WebhookEndpoint {
  return {
    id: r.id,
    channelId: r.channel_id,
    ...(r.merchant_id !== null && { merchantId: r.merchant_id }),
    url: r.url,
    events: JSON.parse(r.events) as WebhookEventType[],
    enabled: r.enabled === true || r.enabled === 1,
    secretHint: r.secret_hint,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function deliveryOf(r: DeliveryRow): WebhookDelivery {
  return {
    id: r.id,
    endpointId: r.endpoint_id,
    eventId: r.event_id,
    type: r.type as WebhookEventType,
    orderKey: r.order_key,
    body: r.body,
    createdAt: r.created_at,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    ...(r.finished_at !== null && { finishedAt: r.finished_at }),
    ...(r.last_error !== null && { lastError: r.last_error }),
  };
}

export function attemptOf(r: AttemptRow): LoggedWebhookAttempt {
  return {
    id: r.id,
    deliveryId: r.delivery_id,
    endpointId: r.endpoint_id,
    eventId: r.event_id,
    type: r.type as WebhookEventType,
    attempt: r.attempt,
    at: r.at,
    ...(r.status_code !== null && { statusCode: r.status_code }),
    latencyMs: r.latency_ms,
    ...(r.error !== null && { error: r.error }),
    outcome: r.outcome,
  };
}

/** The columns an attempt and its outcome write, in the order both adapters bind them. */
export function attemptValues(a: Omit<LoggedWebhookAttempt, 'id'>): unknown[] {
  return [a.deliveryId, a.endpointId, a.eventId, a.type, a.attempt, a.at, a.statusCode ?? null, a.latencyMs, a.error ?? null, a.outcome];
}
