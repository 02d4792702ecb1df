// Turns this node's engine notices into stored webhook deliveries (subscribed to the hub's local notices,
// so each change is recorded once in a cluster, by the node that made it). Batches are recorded one after
// another, in the order the engine committed them, so one conversation's events keep their order. A
// notice comes after its unit of work committed; a process that dies between the commit and this record
// loses those events (the workbench's notices share that gap).
import type { Logger } from 'pino';
import type { Clock } from '../core/ports/clock';
import type { IdGenerator } from '../core/ports/id-generator';
import type { EngineNotice, NoticeListener } from '../core/ports/notifier';
import { eventsOfNotices, type WebhookEvent } from '../core/webhooks/webhook-events';
import { recordWebhookEvents } from '../app/webhooks/record-webhook-events';
import type { WebhookDeps } from '../app/webhooks/webhook-deps';

export class WebhookRecorder {
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: Pick<WebhookDeps, 'webhooks' | 'wake'> & { clock: Clock; ids: IdGenerator },
    private readonly logger: Logger,
  ) {}

  readonly listener: NoticeListener = (notices: readonly EngineNotice[]) => {
    const events = eventsOfNotices(notices, () => this.deps.ids.next('evt'), this.deps.clock.now());
    if (events.length > 0) this.record(events);
  };

  /** Records events another story made (a CSAT rating), after those already waiting. */
  record(events: readonly WebhookEvent[]): Promise<void> {
    this.tail = this.tail.then(() =>
      recordWebhookEvents(this.deps, events).then(
        () => undefined,
        (err: unknown) =>
          this.logger.error(
            { err: err instanceof Error ? err.message : String(err), events: events.length },
            'webhook events not recorded',
          ),
      ),
    );
    return this.tail;
  }

  /** Resolves once every batch heard so far is stored. */
  idle(): Promise<void> {
    return this.tail;
  }
}
