// Webhook endpoints, as admins manage them: platform admins for any channel (every merchant's events, or
// one merchant's), merchant admins for their own merchant's events only. The secret is returned once, at
// creation; afterwards only its last four characters are shown.
import type { WebhookEndpoint } from '../../core/ports/webhook-store';
import { subscribedEvents, webhookUrlProblem } from '../../core/webhooks/endpoint-rules';
import { webhookBody, type WebhookEvent } from '../../core/webhooks/webhook-events';
import { mustAdminister, mustReach, merchantForNew, reaches } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { badRequest, conflict, notFound } from '../errors';
import { channelInReach, mustBeMerchantOf } from '../admin/reach';
import type { WebhookDeps } from './webhook-deps';
import { recordChange, recordOf } from '../support/audit';

export interface NewWebhook {
  channelId: string;
  merchantId?: string | undefined;
  url: string;
  events: readonly string[];
}

export async function createWebhook(
  deps: WebhookDeps,
  p: Principal,
  input: NewWebhook,
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  await channelInReach(deps, p, input.channelId);
  const merchantId = merchantForNew(p, input.channelId, input.merchantId);
  await mustBeMerchantOf(deps, input.channelId, merchantId);
  const problem = webhookUrlProblem(input.url, deps.allowLocalHttp);
  if (problem) throw badRequest(problem);
  const events = subscribedEvents(input.events);
  if (typeof events === 'string') throw badRequest(events);
  const secret = deps.newSecret();
  const now = deps.clock.now();
  const endpoint: WebhookEndpoint = {
    id: deps.ids.next('whk'),
    channelId: input.channelId,
    ...(merchantId !== undefined && { merchantId }),
    url: input.url,
    events,
    enabled: true,
    secretHint: secret.slice(-4),
    createdAt: now,
    updatedAt: now,
  };
  await deps.webhooks.createEndpoint(endpoint, secret);
  await recordChange(deps, p, recordOf('webhook', 'create', undefined, endpoint));
  return { endpoint, secret };
}

/** The channel's endpoints the caller reaches (merchant admins: their merchant's). */
export async function listWebhooks(deps: WebhookDeps, p: Principal, channelId: string): Promise<WebhookEndpoint[]> {
  await channelInReach(deps, p, channelId);
  return (await deps.webhooks.listEndpoints(channelId)).filter((e) => reaches(p, e));
}

export async function webhookInReach(deps: WebhookDeps, p: Principal, id: string): Promise<WebhookEndpoint> {
  const endpoint = await deps.webhooks.getEndpoint(id);
  if (!endpoint) throw notFound(`webhook ${id}`);
  mustReach(p, endpoint, `webhook ${id}`);
  return endpoint;
}

export async function setWebhookEnabled(deps: WebhookDeps, p: Principal, id: string, enabled: boolean): Promise<WebhookEndpoint> {
  const endpoint = await webhookInReach(deps, p, id);
  mustAdminister(p, endpoint, `webhook ${id}`);
  await deps.webhooks.setEnabled(id, enabled, deps.clock.now());
  if (enabled) deps.wake?.();
  const after = { ...endpoint, enabled, updatedAt: deps.clock.now() };
  await recordChange(deps, p, recordOf('webhook', 'change', endpoint, after));
  return after;
}

export async function deleteWebhook(deps: WebhookDeps, p: Principal, id: string): Promise<void> {
  const endpoint = await webhookInReach(deps, p, id);
  mustAdminister(p, endpoint, `webhook ${id}`);
  await deps.webhooks.deleteEndpoint(id);
  await recordChange(deps, p, recordOf('webhook', 'delete', endpoint, undefined));
}

/** A `webhook.test` event for this endpoint only, stored and delivered like any other. */
export async function sendTestEvent(deps: WebhookDeps, p: Principal, id: string): Promise<{ eventId: string }> {
  const endpoint = await webhookInReach(deps, p, id);
  if (!endpoint.enabled) throw conflict('webhook_disabled', `webhook ${id} is disabled: enable it to send a test event`);
  const event: WebhookEvent = {
    id: deps.ids.next('evt'),
    type: 'webhook.test',
    occurredAt: deps.clock.now(),
    channelId: endpoint.channelId,
    merchantId: endpoint.merchantId,
    payload: { webhookId: endpoint.id, message: 'This is a test event.' },
  };
  await deps.webhooks.enqueue([
    { endpointId: id, eventId: event.id, type: event.type, orderKey: event.id, body: webhookBody(event), createdAt: event.occurredAt },
  ]);
  deps.wake?.();
  await recordChange(deps, p, { ...recordOf('webhook', 'test', undefined, endpoint), after: { eventId: event.id } });
  return { eventId: event.id };
}

/** The endpoint's delivery log: attempts newest first (paging by `before`), and its latest deliveries. */
export async function webhookLog(deps: WebhookDeps, p: Principal, id: string, page: { before?: number | undefined; limit: number }) {
  await webhookInReach(deps, p, id);
  const [attempts, deliveries] = await Promise.all([deps.webhooks.attempts(id, page), deps.webhooks.deliveries(id, page.limit)]);
  return { attempts, deliveries: deliveries.map(({ body: _body, ...d }) => d) };
}
