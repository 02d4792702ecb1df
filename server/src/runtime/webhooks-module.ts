// Webhooks, assembled for the composition root: the stories' dependencies and the sender that delivers
// what units of work stored (signed, over HTTPS, with a timeout).
import type { Logger } from 'pino';
import type { WebhookDeps } from '../app/webhooks/webhook-deps';
import type { ChannelStore } from '../core/ports/channel-store';
import type { Clock } from '../core/ports/clock';
import type { IdGenerator } from '../core/ports/id-generator';
import type { UnitOfWork } from '../core/ports/unit-of-work';
import type { WebhookStore } from '../core/ports/webhook-store';
import type { WebhookTransport } from '../core/ports/webhook-transport';
import { DEFAULT_WEBHOOK_RETRY, type WebhookRetryPolicy } from '../core/webhooks/delivery-policy';
import { newSecret } from '../security/bearer-secrets';
import { signWebhook } from '../security/webhook-signature';
import { WebhookSender } from './webhook-sender';
import { FetchWebhookTransport } from './webhook-transport';

export interface WebhooksModuleOptions {
  stores: { webhooks: WebhookStore; channels: ChannelStore; uow: UnitOfWork; ids: IdGenerator };
  clock: Clock;
  logger: Logger;
  pollMs: number;
  allowLocalHttp: boolean;
  retry?: WebhookRetryPolicy;
  transport?: WebhookTransport;
}

export interface WebhooksModule {
  deps: WebhookDeps;
  sender: WebhookSender;
}

export function webhooksModule(o: WebhooksModuleOptions): WebhooksModule {
  let sender: WebhookSender | undefined;
  const deps: WebhookDeps = {
    ...o.stores,
    clock: o.clock,
    newSecret: () => newSecret('whsec_'),
    allowLocalHttp: o.allowLocalHttp,
    wake: () => void sender?.kick(),
  };
  sender = new WebhookSender(
    {
      webhooks: o.stores.webhooks,
      transport: o.transport ?? new FetchWebhookTransport(),
      sign: signWebhook,
      clock: o.clock,
      policy: o.retry ?? DEFAULT_WEBHOOK_RETRY,
      random: Math.random,
      allowLocalHttp: o.allowLocalHttp,
      targets: new Map(),
    },
    { logger: o.logger, pollMs: o.pollMs },
  );
  return { deps, sender };
}
