// The webhook sender's story: claim what is due, sign each body with its endpoint's secret over
// `timestamp + "." + body`, post it, and record the attempt with its outcome. Claims never hold two
// deliveries of one conversation to one endpoint, so they go out in parallel without reordering.
import type { Clock } from '../../core/ports/clock';
import type { WebhookDelivery, WebhookEndpoint, WebhookStore } from '../../core/ports/webhook-store';
import type { WebhookAnswer, WebhookSigner, WebhookTransport } from '../../core/ports/webhook-transport';
import { decide, type WebhookRetryPolicy } from '../../core/webhooks/delivery-policy';
import { webhookUrlProblem } from '../../core/webhooks/endpoint-rules';

export const SIGNATURE_HEADER = 'x-kefu-signature';
export const TIMESTAMP_HEADER = 'x-kefu-timestamp';

export interface DeliverDeps {
  webhooks: WebhookStore;
  transport: WebhookTransport;
  sign: WebhookSigner;
  clock: Clock;
  policy: WebhookRetryPolicy;
  random: () => number;
  /** The test/dev setting now: an http endpoint registered under it is not posted to once it is off. */
  allowLocalHttp: boolean;
  /**
   * Endpoints and their opened secrets kept between passes (a URL and a secret never change; a disabled or
   * deleted endpoint's deliveries are not claimed), so a busy sender does not read and open them per pass.
   */
  targets?: Map<string, Promise<Target>>;
}

/**
 * Claims up to `limit` due deliveries and starts them: one promise per delivery, resolved once its attempt
 * is recorded (they never reject for a receiver's failure; only for the store's).
 */
export async function startDueWebhooks(deps: DeliverDeps, limit: number): Promise<Promise<void>[]> {
  const claimed = await deps.webhooks.claimDue(deps.clock.now(), limit);
  const targets = deps.targets ?? new Map<string, Promise<Target>>();
  const target = (id: string) => {
    let found = targets.get(id);
    if (!found) {
      found = Promise.all([deps.webhooks.getEndpoint(id), deps.webhooks.endpointSecret(id)]).then(([endpoint, secret]) => ({
        ...(endpoint && { endpoint }),
        ...(secret !== undefined && { secret }),
      }));
      targets.set(id, found);
      found.then(
        (t) => t.endpoint === undefined && targets.delete(id),
        () => targets.delete(id),
      );
    }
    return found;
  };
  return claimed.map(async (d) => deliverOne(deps, d, await target(d.endpointId)));
}

export interface Target {
  endpoint?: WebhookEndpoint;
  secret?: string;
}

async function deliverOne(deps: DeliverDeps, d: WebhookDelivery, to: Target): Promise<void> {
  if (!to.endpoint || to.secret === undefined) return; // deleted meanwhile: its deliveries went with it
  const refused = webhookUrlProblem(to.endpoint.url, deps.allowLocalHttp);
  const timestamp = Math.floor(deps.clock.now() / 1000);
  const answer: WebhookAnswer = refused ? { error: refused, latencyMs: 0 } : await post(deps, d, to.endpoint.url, to.secret, timestamp);
  const now = deps.clock.now();
  const decision = decide(answer, d, now, deps.policy, deps.random());
  await deps.webhooks.finishAttempt(
    {
      deliveryId: d.id,
      endpointId: d.endpointId,
      eventId: d.eventId,
      type: d.type,
      attempt: d.attempts,
      at: now,
      ...(answer.statusCode !== undefined && { statusCode: answer.statusCode }),
      latencyMs: Math.round(answer.latencyMs),
      ...(decision.error !== undefined && { error: decision.error }),
      outcome: decision.outcome,
    },
    decision.nextAttemptAt,
  );
}

function post(deps: DeliverDeps, d: WebhookDelivery, url: string, secret: string, timestamp: number) {
  return deps.transport.post({
    url,
    body: d.body,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'kefu-webhooks/1',
      'x-kefu-event-id': d.eventId,
      'x-kefu-event-type': d.type,
      'x-kefu-delivery-attempt': String(d.attempts),
      [TIMESTAMP_HEADER]: String(timestamp),
      [SIGNATURE_HEADER]: `v1=${deps.sign(secret, timestamp, d.body)}`,
    },
  });
}
