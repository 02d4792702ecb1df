// Webhook events become deliveries, stored before anything is sent: one per endpoint of the event's
// channel that subscribes to its type and sees its merchant (an endpoint with a merchant hears that
// merchant's events only; a disabled endpoint hears nothing). Stored in the events' order.
import type { IdGenerator } from '../../core/ports/id-generator';
import type { EngineNotice } from '../../core/ports/notifier';
import type { Transaction } from '../../core/ports/unit-of-work';
import type { NewWebhookDelivery, WebhookEndpoint, WebhookOutbox } from '../../core/ports/webhook-store';
import { eventsOfNotices, webhookBody, type WebhookEvent } from '../../core/webhooks/webhook-events';
import type { WebhookDeps } from './webhook-deps';

const hears = (e: WebhookEndpoint, event: WebhookEvent) =>
  e.enabled && e.events.includes(event.type) && (e.merchantId === undefined || e.merchantId === event.merchantId);

/**
 * The events a unit's notices mean, stored as deliveries inside that unit (before its commit), as the outbox
 * stores messages: committed with the change, so none is lost and each conversation's events keep the
 * order its units committed in, on every node. Returns whether any delivery was stored.
 */
export async function storeWebhookEvents(
  tx: Transaction,
  notices: readonly EngineNotice[],
  ids: IdGenerator,
  now: number,
): Promise<boolean> {
  if (!tx.webhooks || notices.length === 0) return false;
  const endpoints = await endpointsByChannel(tx.webhooks, notices);
  // Most channels have no endpoint: their notices mean no delivery, so no event (nor its id) is made.
  if (![...endpoints.values()].some((list) => list.some((e) => e.enabled))) return false;
  const events = eventsOfNotices(notices, () => ids.next('evt'), now);
  return events.length > 0 && (await enqueueFor(tx.webhooks, events, endpoints)) > 0;
}

/** Events made outside a unit of work (another story's, a test's): stored the same way, at once. */
export async function recordWebhookEvents(deps: Pick<WebhookDeps, 'webhooks' | 'wake'>, events: readonly WebhookEvent[]): Promise<number> {
  const outbox: WebhookOutbox = { endpointsOf: (id) => deps.webhooks.listEndpoints(id), enqueue: (d) => deps.webhooks.enqueue(d) };
  const stored = await enqueueFor(outbox, events, await endpointsByChannel(outbox, events));
  if (stored > 0) deps.wake?.();
  return stored;
}

/** Each channel's endpoints, read once. */
async function endpointsByChannel(
  outbox: WebhookOutbox,
  of: ReadonlyArray<{ channelId: string }>,
): Promise<Map<string, WebhookEndpoint[]>> {
  const byChannel = new Map<string, WebhookEndpoint[]>();
  for (const channelId of new Set(of.map((e) => e.channelId))) byChannel.set(channelId, await outbox.endpointsOf(channelId));
  return byChannel;
}

async function enqueueFor(
  outbox: WebhookOutbox,
  events: readonly WebhookEvent[],
  byChannel: ReadonlyMap<string, WebhookEndpoint[]>,
): Promise<number> {
  const deliveries: NewWebhookDelivery[] = events.flatMap((event) =>
    (byChannel.get(event.channelId) ?? [])
      .filter((e) => hears(e, event))
      .map((e) => ({
        endpointId: e.id,
        eventId: event.id,
        type: event.type,
        orderKey: event.conversationId ?? event.id,
        body: webhookBody(event),
        createdAt: event.occurredAt,
      })),
  );
  if (deliveries.length > 0) await outbox.enqueue(deliveries);
  return deliveries.length;
}
