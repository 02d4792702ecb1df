// What the webhook stories need: the store, the channel store (to check the caller reaches a channel),
// the unit of work (merchants of a channel), time, ids, a fresh secret, and whether plain http to this
// machine is allowed (the test/dev setting). The composition root builds it once.
import type { ChannelStore } from '../../core/ports/channel-store';
import type { Clock } from '../../core/ports/clock';
import type { IdGenerator } from '../../core/ports/id-generator';
import type { UnitOfWork } from '../../core/ports/unit-of-work';
import type { AuditLog } from '../../core/ports/audit-log';
import type { AuthStores } from '../../core/ports/auth';
import type { WebhookStore } from '../../core/ports/webhook-store';

export interface WebhookDeps {
  webhooks: WebhookStore;
  channels: ChannelStore;
  uow: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
  /** A new endpoint secret: random, URL-safe, shown once. */
  newSecret: () => string;
  allowLocalHttp: boolean;
  /** Wakes the webhook sender after events were stored. */
  wake?: () => void;
  /** Where admins' changes are recorded (support/audit.ts), and who names the actor. */
  audit?: AuditLog | undefined;
  auth?: { stores: AuthStores } | undefined;
}
