// Delivers the outbox to WeChat: claims what is due, sends each item through the channel's API (token
// broker included), and reports every outcome — to the outbox store (never sent twice once marked) and
// to the record-delivery use case (what the agent sees). Transient failures (the network, timeouts, 5xx,
// WeChat busy) are retried with capped backoff for as long as the customer's window is open, then fail
// as "window closed while WeChat was unreachable"; the store keeps each customer's order meanwhile. A send
// that may have reached WeChat unanswered (timeout, dropped connection, a crash mid-send) is in doubt: sent
// again once, and marked so the agent knows it may arrive twice. A closed window (45015), a used-up quota
// (45047) or anything WeChat refuses for good fails at once with WeChat's reason. Nothing is swallowed.
import type { Logger } from 'pino';
import { type QueuedSendWindow, queuedSendWindow, queuedSendWindows } from '../app/record-delivery';
import type { EngineDeps } from '../app/support/engine-deps';
import type { ChannelKind } from '../core/channel';
import type { ClaimedOutboxItem, OutboxStore } from '../core/ports/outbox-store';
import type { MediaResolver } from '../core/ports/media';
import type { MetricsRecorder } from '../core/ports/metrics';
import { toWeChatMessage } from '../wechat/outbound/content-to-message';
import { CoalescedLoop } from './coalesced-loop';
import { type Final, OutboxRecorder } from './outbox-recorder';
import { type Outcome, outcomeOfError, retryDelay, serverFailure } from './outbox-outcome';
import { WeChatApiError, type WeChatApi, sendCustomMessage } from '../wechat/outbound/index';

export interface SendingChannel {
  kind: ChannelKind;
  api: WeChatApi;
}

/** WeChat's "invalid media_id": a temporary media_id lives 3 days. */
const INVALID_MEDIA_ID = 40007;

/** How often a sender renews the leases of its sends in flight: well inside the store's lease (12 s). */
export const OUTBOX_LEASE_RENEW_MS = 3000;

export interface OutboxSenderDeps {
  store: OutboxStore;
  engine: EngineDeps;
  /** The channel's API client, or undefined when the channel no longer exists or its authorization was revoked. */
  channel(channelId: string): Promise<SendingChannel | undefined>;
  logger: Logger;
  now(): number;
  pollMs?: number;
  /** In [0, 1): the jitter of retry delays (default Math.random). */
  random?: () => number;
  metrics?: MetricsRecorder;
  /** Resolves the knowledge base's media references before a send. */
  media?: MediaResolver<SendingChannel>;
  /** How often leases of sends in flight are renewed (default OUTBOX_LEASE_RENEW_MS); tests with short leases pass less. */
  leaseRenewMs?: number;
  /** How long the first outcome of a group waits for the others still in flight (default RECORD_GATHER_MS). */
  recordGatherMs?: number;
  /** How long a wake waits to gather more sends into its batch (default OUTBOX_GATHER_MS). */
  gatherMs?: number;
  /** Tells a claim owner that is certainly gone (runtime/outbox-owner.ts): its sends resume at start. */
  deadOwner?: (owner: string) => boolean;
}

/** Items claimed (and sent concurrently) at once: one per customer, so many customers' replies go out together. */
export const OUTBOX_BATCH = 50;

/**
 * After a wake that follows another within this long, the sender waits this long before it claims, so that
 * the replies routed meanwhile go out in the same batch: one claim, one window read and one recording then
 * serve several sends instead of one each. A wake long after the last one claims at once: routing commits
 * a trickle's replies together (one commit per pass), so waiting would gather nothing and cost the process
 * one more wake-up per batch. A few milliseconds on a reply's way to WeChat, where delivery takes far longer.
 */
export const OUTBOX_GATHER_MS = 5;

/** What one claimed batch shares: each channel looked up once, each item's window read in one unit. */
interface Batch {
  channels: Map<string, Promise<SendingChannel | undefined>>;
  windows: Map<string, QueuedSendWindow>;
}

export class OutboxSender {
  private readonly loop: CoalescedLoop;
  private readonly recorder: OutboxRecorder;
  private gathering: Promise<void> | undefined;
  /** When the last wake came (performance.now()). */
  private lastWake = Number.NEGATIVE_INFINITY;

  constructor(private readonly deps: OutboxSenderDeps) {
    this.recorder = new OutboxRecorder(deps);
    this.loop = new CoalescedLoop(() => this.pass(), {
      name: 'outbox',
      logger: deps.logger,
      intervalMs: deps.pollMs ?? 1000,
      idleUntilStarted: true,
    });
  }

  start(): void {
    this.loop.start();
    const deadOwner = this.deps.deadOwner;
    if (deadOwner) void this.resumeDeadClaims(deadOwner);
  }

  /** A predecessor that crashed mid-send left live claims: end them, so its sends resume now, in doubt. */
  private async resumeDeadClaims(deadOwner: (owner: string) => boolean): Promise<void> {
    try {
      const released = await this.deps.store.releaseClaimsOf(deadOwner, this.deps.now());
      if (released === 0) return;
      this.deps.logger.warn({ released }, 'resuming the sends of a sender that stopped mid-send');
      await this.kick();
    } catch (err) {
      this.deps.logger.error({ err: err instanceof Error ? err.message : String(err) }, 'resuming a dead sender’s claims failed');
    }
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Delivers what is due now (after the gathering delay); does nothing before start() (a server may take requests before sending). */
  kick(): Promise<void> {
    const gatherMs = this.deps.gatherMs ?? OUTBOX_GATHER_MS;
    const now = performance.now();
    const alone = now - this.lastWake >= gatherMs;
    this.lastWake = now;
    if (this.gathering) return this.gathering;
    if (alone) return this.loop.kick();
    this.gathering = new Promise((resolve) => {
      setTimeout(() => {
        this.gathering = undefined;
        resolve(this.loop.kick());
      }, gatherMs);
    });
    return this.gathering;
  }

  private async pass(): Promise<void> {
    for (;;) {
      // One item per customer at most (the store keeps each customer's order), so a batch goes out in parallel.
      const items = await this.deps.store.claimDue(this.deps.now(), OUTBOX_BATCH);
      if (items.length === 0) return;
      const inFlight = new Set(items.map((i) => i.id));
      this.recorder.sending([...inFlight]);
      // The claims are short leases: renewed while the sends are in flight, so only a dead sender's lapse.
      const renewal = setInterval(() => void this.renew([...inFlight]), this.deps.leaseRenewMs ?? OUTBOX_LEASE_RENEW_MS);
      try {
        const batch = await this.batchOf(items);
        await Promise.all(
          items.map((item) =>
            // A failure here (the store, the database) leaves the item leased; it is claimed again later.
            this.deliver(item, batch)
              .catch((err: unknown) =>
                this.deps.logger.error(
                  { outboxId: item.id, err: err instanceof Error ? err.message : String(err) },
                  'delivering an outbox item failed',
                ),
              )
              .finally(() => {
                inFlight.delete(item.id);
                this.recorder.settled(item.id);
              }),
          ),
        );
      } finally {
        clearInterval(renewal);
      }
    }
  }

  private async batchOf(items: readonly ClaimedOutboxItem[]): Promise<Batch> {
    const windows = new Map<string, QueuedSendWindow>();
    try {
      const read = await queuedSendWindows(this.deps.engine, items);
      items.forEach((item, n) => windows.set(item.messageId, read[n] as QueuedSendWindow));
    } catch (err) {
      // Each item reads its own window instead (and reports its own failure).
      this.deps.logger.error({ err: err instanceof Error ? err.message : String(err) }, 'reading the send windows of a batch failed');
    }
    return { channels: new Map(), windows };
  }

  private async renew(ids: string[]): Promise<void> {
    try {
      const held = await this.deps.store.renewLeases(ids, this.deps.now());
      if (held.length < ids.length) this.deps.logger.warn({ lost: ids.filter((id) => !held.includes(id)) }, 'outbox lease lost mid-send');
    } catch (err) {
      this.deps.logger.error({ err: err instanceof Error ? err.message : String(err) }, 'renewing outbox leases failed');
    }
  }

  private async deliver(item: ClaimedOutboxItem, batch: Batch): Promise<void> {
    // An item claimed again after a crash may already have its outcome recorded: finish it, do not resend.
    // Only a re-claim can be in that state (each claim counts an attempt), so a first attempt skips the read.
    const recorded = item.attempts > 1 ? await this.recordedOutcome(item.messageId) : undefined;
    if (recorded) {
      this.deps.metrics?.outboxSends.inc({ outcome: 'already_recorded' });
      return this.recorder.record(item, recorded, false);
    }
    const outcome = (await this.refusedBeforeSending(item, batch)) ?? (await this.attempt(item, batch));
    this.deps.metrics?.outboxSends.inc({ outcome: outcome.kind });
    const final = outcome.kind === 'retry' ? await this.retryOrGiveUp(item, outcome) : outcome;
    if (!final) return;
    // The agent's view first, the outbox second (outbox-recorder.ts), with the outcomes of other sends.
    await this.recorder.record(item, final);
  }

  /** Retries later (undefined), or the final outcome when retrying is over. */
  private async retryOrGiveUp(item: ClaimedOutboxItem, outcome: Extract<Outcome, { kind: 'retry' }>): Promise<Final | undefined> {
    // The one re-send of an in-doubt item was in doubt too: stop; it has most likely arrived (WeChat counts it once).
    if (outcome.inDoubt && item.inDoubt) return { kind: 'sent', inDoubt: true };
    const window = await queuedSendWindow(this.deps.engine, item);
    if (!window.open) return serverFailure(window.unsubscribed ? 'customer_unsubscribed' : 'window_closed_while_unreachable');
    const { store, now, logger } = this.deps;
    const delay = retryDelay(item.attempts, outcome.inDoubt, (this.deps.random ?? Math.random)());
    logger.warn({ outboxId: item.id, attempts: item.attempts, error: outcome.error, inDoubt: outcome.inDoubt }, 'send will be retried');
    await store.markRetry(item.id, now() + delay, outcome.error, outcome.inDoubt);
    return undefined;
  }

  /** Nothing is sent to a customer who unsubscribed, nor, after WeChat failed, once their window closed. */
  private async refusedBeforeSending(item: ClaimedOutboxItem, batch: Batch): Promise<Outcome | undefined> {
    const window = batch.windows.get(item.messageId) ?? (await queuedSendWindow(this.deps.engine, item));
    if (window.open) return undefined;
    if (window.unsubscribed) return serverFailure('customer_unsubscribed');
    return item.lastError !== undefined ? serverFailure('window_closed_while_unreachable') : undefined;
  }

  private async recordedOutcome(messageId: string): Promise<Final | undefined> {
    const message = await this.deps.engine.uow.run((tx) => tx.messages.get(messageId));
    const d = message?.delivery;
    if (!d || d.status === 'pending') return undefined;
    return d.status === 'sent'
      ? { kind: 'sent' }
      : { kind: 'failed', reason: d.reason, ...(d.wechatCode !== undefined && { wechatCode: d.wechatCode }) };
  }

  private async attempt(item: ClaimedOutboxItem, batch: Batch): Promise<Outcome> {
    let lookup = batch.channels.get(item.channelId);
    if (!lookup) batch.channels.set(item.channelId, (lookup = this.deps.channel(item.channelId)));
    const channel = await lookup;
    if (!channel) return { kind: 'failed', reason: 'the channel no longer exists, or the account revoked its authorization' };
    try {
      return await this.send(item, channel, false);
    } catch (err) {
      // The network, WeChat unreachable: WeChat offers no idempotency key, so a send that may have arrived
      // is sent again once (a rare, flagged duplicate beats a silent loss).
      return outcomeOfError(err);
    }
  }

  /** One send; media resolved first, and uploaded again once when WeChat no longer knows a cached media_id. */
  private async send(item: ClaimedOutboxItem, channel: SendingChannel, fresh: boolean): Promise<Outcome> {
    const media = this.deps.media;
    const content = media ? await media.resolve(item.channelId, channel, item.content, fresh) : item.content;
    const body = toWeChatMessage(channel.kind, item.toOpenid, content);
    if (!body.ok) return { kind: 'failed', reason: body.reason };
    try {
      await sendCustomMessage(channel.api, body.message);
      return { kind: 'sent' };
    } catch (err) {
      const resolved = content !== item.content;
      if (resolved && !fresh && err instanceof WeChatApiError && err.errcode === INVALID_MEDIA_ID) return this.send(item, channel, true);
      throw err;
    }
  }
}
