// Port: webhook endpoints and their deliveries. An admin registers an endpoint per channel (a merchant
// admin: for their merchant's events only); each event it subscribes to is stored as a delivery before any
// attempt, then claimed by one sender (a short lease, as the outbox does), tried, and retried with backoff
// until delivered or given up. Deliveries of one conversation to one endpoint go out in order: one is not
// claimed while an older one of the same conversation is still pending there. Every attempt is logged.
import type { WebhookEventType } from '../webhooks/webhook-events';

/**
 * How long a claim holds: longer than a delivery may take (its 10 s timeout), so a live sender never loses
 * one; a crashed sender's deliveries are claimed again after it.
 */
export const DEFAULT_WEBHOOK_LEASE_MS = 60_000;

export interface WebhookEndpoint {
  id: string;
  channelId: string;
  /** Undefined: every merchant's events of the channel (a platform admin's endpoint). */
  merchantId?: string | undefined;
  url: string;
  events: WebhookEventType[];
  enabled: boolean;
  /** The last 4 characters of the secret, so an admin can tell which one the receiver holds. */
  secretHint: string;
  createdAt: number;
  updatedAt: number;
}

export interface NewWebhookDelivery {
  endpointId: string;
  eventId: string;
  type: WebhookEventType;
  /** The conversation's id, or the event's own id when it has none (then it waits for nothing). */
  orderKey: string;
  /** The exact JSON sent (webhookBody). */
  body: string;
  createdAt: number;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookDelivery extends NewWebhookDelivery {
  /** Increasing in the order deliveries were stored. */
  id: number;
  status: WebhookDeliveryStatus;
  /** Attempts so far, a claimed one included. */
  attempts: number;
  nextAttemptAt: number;
  finishedAt?: number;
  lastError?: string;
}

export type WebhookOutcome = 'delivered' | 'retry' | 'failed';

/** One try at a delivery, as the delivery log shows it. */
export interface WebhookAttempt {
  deliveryId: number;
  endpointId: string;
  eventId: string;
  type: WebhookEventType;
  attempt: number;
  at: number;
  /** The receiver's HTTP status, when it answered. */
  statusCode?: number;
  latencyMs: number;
  error?: string;
  outcome: WebhookOutcome;
}

/** An attempt as stored: `id` increases in the order attempts were logged (the log's paging cursor). */
export interface LoggedWebhookAttempt extends WebhookAttempt {
  id: number;
}

export interface WebhookStore {
  /** `secret` is kept sealed at rest; it is never read back except by endpointSecret, for signing. */
  createEndpoint(endpoint: WebhookEndpoint, secret: string): Promise<void>;
  getEndpoint(id: string): Promise<WebhookEndpoint | undefined>;
  /** A channel's endpoints, oldest first. */
  listEndpoints(channelId: string): Promise<WebhookEndpoint[]>;
  endpointSecret(id: string): Promise<string | undefined>;
  /** A disabled endpoint gets no new deliveries and its pending ones wait until it is enabled again. */
  setEnabled(id: string, enabled: boolean, at: number): Promise<void>;
  /** Removes the endpoint with its deliveries and log. */
  deleteEndpoint(id: string): Promise<void>;
  /** Stores deliveries, in this order (ids increase in it). */
  enqueue(deliveries: readonly NewWebhookDelivery[]): Promise<void>;
  /**
   * Leases at most `limit` pending deliveries due at `now` of enabled endpoints, with no live lease and no
   * older pending delivery of the same endpoint and order key; counts one attempt each. Oldest first.
   */
  claimDue(now: number, limit: number): Promise<WebhookDelivery[]>;
  /** Logs the attempt and applies its outcome (`retry`: due again at `nextAttemptAt`); ignored unless pending. */
  finishAttempt(attempt: WebhookAttempt, nextAttemptAt?: number): Promise<void>;
  getDelivery(id: number): Promise<WebhookDelivery | undefined>;
  /** An endpoint's attempts, newest first; `before`: only attempts logged before the one with this id (paging). */
  attempts(endpointId: string, page: { before?: number | undefined; limit: number }): Promise<LoggedWebhookAttempt[]>;
  /** An endpoint's deliveries, newest first (what is pending, delivered, given up). */
  deliveries(endpointId: string, limit: number): Promise<WebhookDelivery[]>;
}

/**
 * The deliveries' side inside a unit of work (Transaction.webhooks): the events a change makes are stored
 * in the same commit as the change, as the outbox stores messages, so none is lost and one conversation's
 * events are stored in the order its units committed, on every node.
 */
export interface WebhookOutbox {
  /** The channel's endpoints, as the unit sees them. */
  endpointsOf(channelId: string): Promise<WebhookEndpoint[]>;
  enqueue(deliveries: readonly NewWebhookDelivery[]): Promise<void>;
}
