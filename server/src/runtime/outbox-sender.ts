// Delivers the outbox to WeChat: claims what is due, sends each item through the channel's API (token
// broker included), and reports every outcome — to the outbox store (never sent twice once marked) and
// to the record-delivery use case (what the agent sees). Busy WeChat and network failures are retried
// with backoff; a closed window (45015), a used-up quota (45047) or anything WeChat refuses for good
// fails the message with WeChat's reason. Nothing is swallowed.
import type { Logger } from 'pino';
import { recordDelivery } from '../app/record-delivery';
import type { EngineDeps } from '../app/support/engine-deps';
import type { ChannelKind } from '../core/channel';
import type { MessageContent } from '../core/model/message';
import type { ClaimedOutboxItem, OutboxStore } from '../core/ports/outbox-store';
import { MediaUnavailable, type MediaResolver } from '../core/ports/media';
import type { MetricsRecorder } from '../core/ports/metrics';
import { type Backoff, backoffDelay } from '../core/retry/backoff';
import { toWeChatMessage } from '../wechat/outbound/content-to-message';
import { CoalescedLoop } from './coalesced-loop';
import { WeChatApiError, type WeChatApi, sendCustomMessage } from '../wechat/outbound/index';

export interface SendingChannel {
  kind: ChannelKind;
  api: WeChatApi;
}

/** After the first failed attempt 2 s, then 4 s, 8 s … capped at 5 minutes. */
const SEND_BACKOFF: Backoff = { baseMs: 2000, maxMs: 300_000 };

/** WeChat's "invalid media_id": a temporary media_id lives 3 days. */
const INVALID_MEDIA_ID = 40007;

export interface OutboxSenderDeps {
  store: OutboxStore;
  engine: EngineDeps;
  /** The channel's API client, or undefined when the channel no longer exists. */
  channel(channelId: string): Promise<SendingChannel | undefined>;
  logger: Logger;
  now(): number;
  pollMs?: number;
  maxAttempts?: number;
  metrics?: MetricsRecorder;
  /** Resolves the knowledge base's media references before a send. */
  media?: MediaResolver<SendingChannel>;
}

type Outcome = { kind: 'sent' } | { kind: 'retry'; error: string } | { kind: 'failed'; reason: string; wechatCode?: number };

/** WeChat's temporary refusals: busy, rate-limited, a token that was just replaced. */
const TEMPORARY = new Set(['busy', 'rate_limited', 'token_invalid']);

export class OutboxSender {
  private readonly loop: CoalescedLoop;

  constructor(private readonly deps: OutboxSenderDeps) {
    this.loop = new CoalescedLoop(() => this.pass(), {
      name: 'outbox',
      logger: deps.logger,
      intervalMs: deps.pollMs ?? 1000,
      idleUntilStarted: true,
    });
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Delivers what is due now; does nothing before start() (a server may take requests before sending). */
  kick(): Promise<void> {
    return this.loop.kick();
  }

  private async pass(): Promise<void> {
    for (;;) {
      // One item per customer at most (the store keeps each customer's order), so a batch goes out in parallel.
      const items = await this.deps.store.claimDue(this.deps.now(), 20);
      if (items.length === 0) return;
      await Promise.all(
        items.map((item) =>
          // A failure here (the store, the database) leaves the item leased; it is claimed again later.
          this.deliver(item).catch((err: unknown) =>
            this.deps.logger.error(
              { outboxId: item.id, err: err instanceof Error ? err.message : String(err) },
              'delivering an outbox item failed',
            ),
          ),
        ),
      );
    }
  }

  private async deliver(item: ClaimedOutboxItem): Promise<void> {
    // An item claimed again after a crash may already have its outcome recorded: finish it, do not resend.
    // Only a re-claim can be in that state (each claim counts an attempt), so a first attempt skips the read.
    const recorded = item.attempts > 1 ? await this.recordedOutcome(item.messageId) : undefined;
    const outcome = recorded ?? (await this.attempt(item));
    const { store, now } = this.deps;
    this.deps.metrics?.outboxSends.inc({ outcome: recorded ? 'already_recorded' : outcome.kind });
    if (outcome.kind === 'retry' && item.attempts < (this.deps.maxAttempts ?? 8)) {
      this.deps.logger.warn({ outboxId: item.id, attempts: item.attempts, error: outcome.error }, 'send will be retried');
      await store.markRetry(item.id, now() + backoffDelay(item.attempts - 1, SEND_BACKOFF), outcome.error);
      return;
    }
    const final =
      outcome.kind === 'retry' ? { kind: 'failed' as const, reason: `gave up after ${item.attempts} attempts: ${outcome.error}` } : outcome;
    // The agent's view first, the outbox second: a crash in between leaves an item whose outcome is
    // already recorded, which the next claim finishes without sending again.
    if (!recorded) await this.record(item, final);
    if (final.kind === 'sent') await store.markSent(item.id, now());
    else await store.markFailed(item.id, now(), final.reason, final.wechatCode);
  }

  private async recordedOutcome(messageId: string): Promise<Outcome | undefined> {
    const message = await this.deps.engine.uow.run((tx) => tx.messages.get(messageId));
    const d = message?.delivery;
    if (!d || d.status === 'pending') return undefined;
    return d.status === 'sent'
      ? { kind: 'sent' }
      : { kind: 'failed', reason: d.reason, ...(d.wechatCode !== undefined && { wechatCode: d.wechatCode }) };
  }

  private async record(item: ClaimedOutboxItem, final: Exclude<Outcome, { kind: 'retry' }>): Promise<void> {
    const outcome =
      final.kind === 'sent'
        ? { status: 'sent' as const }
        : { status: 'failed' as const, reason: final.reason, ...(final.wechatCode !== undefined && { wechatCode: final.wechatCode }) };
    await recordDelivery(this.deps.engine, { messageId: item.messageId, outcome });
  }

  private async attempt(item: ClaimedOutboxItem): Promise<Outcome> {
    const channel = await this.deps.channel(item.channelId);
    if (!channel) return { kind: 'failed', reason: 'the channel no longer exists' };
    try {
      return await this.send(item, channel, false);
    } catch (err) {
      if (err instanceof MediaUnavailable) return { kind: 'failed', reason: err.message };
      if (err instanceof WeChatApiError) {
        if (TEMPORARY.has(err.kind)) return { kind: 'retry', error: `${err.errcode} ${err.errmsg}` };
        return { kind: 'failed', reason: `WeChat ${err.errcode}: ${err.errmsg}`, wechatCode: err.errcode };
      }
      // The network, WeChat unreachable: the message may or may not have arrived; WeChat offers no
      // idempotency key, so it is sent again (a rare duplicate beats a silent loss).
      return { kind: 'retry', error: err instanceof Error ? err.message : String(err) };
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
