// Webhook events become deliveries, stored before anything is sent: one per endpoint of the event's
// channel that subscribes to its type and sees its merchant (an endpoint with a merchant hears that
// merchant's events only). Stored in the events' order, so one conversation's events go out in order.
import type { NewWebhookDelivery, WebhookEndpoint } from '../../core/ports/webhook-store';
import { webhookBody, type WebhookEvent } from '../../core/webhooks/webhook-events';
import type { WebhookDeps } from './webhook-deps';

const hears = (e: WebhookEndpoint, event: WebhookEvent) =>
  e.enabled && e.events.includes(event.type) && (e.merchantId === undefined || e.merchantId === event.merchantId);

export async function recordWebhookEvents(deps: Pick<WebhookDeps, 'webhooks' | 'wake'>, events: readonly WebhookEvent[]): Promise<number> {
  const byChannel = new Map<string, WebhookEndpoint[]>();
  for (const channelId of new Set(events.map((e) => e.channelId))) byChannel.set(channelId, await deps.webhooks.listEndpoints(channelId));
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
  await deps.webhooks.enqueue(deliveries);
  if (deliveries.length > 0) deps.wake?.();
  return deliveries.length;
}
