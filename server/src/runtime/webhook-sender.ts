// The webhook sender: a background loop that keeps up to `maxInFlight` deliveries in flight. Each pass
// claims what is due (a lease, so one node or process delivers each), and every finished delivery asks
// for another pass, so a slow receiver holds only its own deliveries, never the others'. A slow interval
// picks up retries that come due and deliveries left by a process that died.
import type { Logger } from 'pino';
import { startDueWebhooks, type DeliverDeps } from '../app/webhooks/deliver-webhooks';
import { CoalescedLoop } from './coalesced-loop';

export interface WebhookSenderOptions {
  logger: Logger;
  pollMs?: number;
  maxInFlight?: number;
}

export class WebhookSender {
  private readonly loop: CoalescedLoop;
  private readonly maxInFlight: number;
  private inFlight = 0;
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly deps: DeliverDeps,
    private readonly options: WebhookSenderOptions,
  ) {
    this.maxInFlight = options.maxInFlight ?? 64;
    this.loop = new CoalescedLoop(() => this.pass(), {
      name: 'webhook sender',
      logger: options.logger,
      intervalMs: options.pollMs ?? 1000,
      idleUntilStarted: true,
    });
  }

  start(): void {
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    await Promise.all(this.running);
  }

  /** Looks for due deliveries now (after events were stored, an endpoint enabled, a test event sent). */
  kick(): Promise<void> {
    return this.loop.kick();
  }

  /** Resolves when nothing is in flight (tests). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running);
  }

  private async pass(): Promise<void> {
    const room = this.maxInFlight - this.inFlight;
    if (room <= 0) return;
    const started = await startDueWebhooks(this.deps, room);
    this.inFlight += started.length;
    for (const delivery of started) {
      const tracked: Promise<void> = delivery
        .catch((err: unknown) =>
          this.options.logger.error({ err: err instanceof Error ? err.message : String(err) }, 'webhook delivery failed'),
        )
        .finally(() => {
          this.inFlight -= 1;
          this.running.delete(tracked);
          void this.kick();
        });
      this.running.add(tracked);
    }
  }
}
