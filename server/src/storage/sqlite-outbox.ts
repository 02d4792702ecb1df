// SQLite adapters of both sides of the outbox: Outbox (enqueue, inside a unit of work) and OutboxStore
// (the sender's claims and outcomes, each one statement run through the connection's serial queue so it
// never lands inside an open unit).
import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { Outbox, OutboxItem } from '../core/ports/outbox';
import type { ClaimedOutboxItem, OutboxEntry, OutboxFinish, OutboxStore } from '../core/ports/outbox-store';
import type { RetentionPage, RetentionStep } from '../core/ports/retention';
import { restAsJson } from './record-codec';
import { serialFor, type SerialQueue } from './serial-lock';
import { claimedOutboxItemOf, OUTBOX_COLUMNS, outboxEntryOf, type OutboxRow } from './outbox-row';

export class SqliteOutbox implements Outbox {
  private readonly insert: Statement<[Record<string, unknown>]>;

  constructor(db: Database) {
    this.insert = db.prepare(
      `INSERT INTO outbox (id, channel_id, to_openid, message_id, created_at, data, next_attempt_at)
       VALUES (@id, @channel_id, @to_openid, @message_id, @created_at, @data, @created_at)`,
    );
  }

  async enqueue(item: OutboxItem): Promise<void> {
    this.insert.run({
      id: item.id,
      channel_id: item.channelId,
      to_openid: item.toOpenid,
      message_id: item.messageId,
      created_at: item.createdAt,
      data: restAsJson(item, OUTBOX_COLUMNS),
    });
  }
}

export interface SqliteOutboxStoreOptions {
  /** How long a claim holds unless renewed (default 12 s): how long a crashed sender's items wait. */
  leaseMs?: number;
  /** Who claims: one id per sending process (default a random one), so only it renews its leases. */
  owner?: string;
}

/**
 * Short, because a crashed sender's sends wait this long; the sender renews it every few seconds while a
 * send is in flight (OUTBOX_LEASE_RENEW_MS in runtime/outbox-sender.ts), so a send slower than the lease
 * (WeChat's 30 s client timeout) keeps its claim.
 */
export const DEFAULT_LEASE_MS = 12_000;

export class SqliteOutboxStore implements OutboxStore {
  private readonly queue: SerialQueue;
  private readonly leaseMs: number;
  private readonly owner: string;
  private readonly claim: Statement<[{ now: number; lease_until: number; limit: number; owner: string }], OutboxRow>;
  private readonly renew: Statement<[{ ids: string; now: number; lease_until: number; owner: string }], { id: string }>;
  private readonly liveOwners: Statement<[{ now: number }], { owner: string }>;
  private readonly release: Statement<[{ owner: string; now: number }]>;
  private readonly sent: Statement<[{ id: string; at: number }]>;
  private readonly retry: Statement<[{ id: string; next: number; error: string; doubt: number }]>;
  private readonly failed: Statement<[{ id: string; at: number; reason: string; code: number | null }]>;
  private readonly byId: Statement<[string], OutboxRow>;
  private readonly finishAll: (outcomes: readonly OutboxFinish[]) => void;
  private readonly page: Statement<[string, number], { id: string; created_at: number }>;
  private readonly removeInPage: Statement<[string, string, number]>;

  constructor(db: Database, options: SqliteOutboxStoreOptions = {}) {
    this.queue = serialFor(db);
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.owner = options.owner ?? randomUUID();
    // One statement, so choosing and leasing are atomic even against another process on the same file.
    // A lease that ran out without an outcome is a sender that died mid-send: the item is in doubt.
    this.claim = db.prepare(
      `UPDATE outbox SET lease_until = @lease_until, lease_owner = @owner, attempts = attempts + 1,
         in_doubt = CASE WHEN lease_until IS NOT NULL THEN 1 ELSE in_doubt END
       WHERE id IN (
         SELECT o.id FROM outbox o
         WHERE o.status = 'pending' AND o.next_attempt_at <= @now AND (o.lease_until IS NULL OR o.lease_until <= @now)
           AND NOT EXISTS (
             SELECT 1 FROM outbox p
             WHERE p.status = 'pending' AND p.channel_id = o.channel_id AND p.to_openid = o.to_openid
               AND (p.created_at < o.created_at OR (p.created_at = o.created_at AND p.id < o.id)))
         ORDER BY o.next_attempt_at, o.id LIMIT @limit)
       RETURNING *`,
    );
    this.renew = db.prepare(
      `UPDATE outbox SET lease_until = @lease_until
       WHERE id IN (SELECT value FROM json_each(@ids)) AND status = 'pending' AND lease_owner = @owner AND lease_until > @now
       RETURNING id`,
    );
    this.liveOwners = db.prepare(
      "SELECT DISTINCT lease_owner AS owner FROM outbox WHERE status = 'pending' AND lease_until > @now AND lease_owner IS NOT NULL",
    );
    // The lease ends now but stays set, so the next claim knows the send may have reached WeChat.
    this.release = db.prepare(
      "UPDATE outbox SET lease_until = @now WHERE status = 'pending' AND lease_owner = @owner AND lease_until > @now",
    );
    const pending = "WHERE id = @id AND status = 'pending'";
    this.sent = db.prepare(`UPDATE outbox SET status = 'sent', finished_at = @at, lease_until = NULL ${pending}`);
    this.retry = db.prepare(
      `UPDATE outbox SET next_attempt_at = @next, last_error = @error, lease_until = NULL, in_doubt = max(in_doubt, @doubt) ${pending}`,
    );
    this.failed = db.prepare(
      `UPDATE outbox SET status = 'failed', finished_at = @at, last_error = @reason, wechat_code = @code, lease_until = NULL ${pending}`,
    );
    this.byId = db.prepare('SELECT * FROM outbox WHERE id = ?');
    this.page = db.prepare('SELECT id, created_at FROM outbox WHERE id > ? ORDER BY id LIMIT ?');
    this.removeInPage = db.prepare("DELETE FROM outbox WHERE id > ? AND id <= ? AND status IN ('sent', 'failed') AND finished_at < ?");
    this.finishAll = db.transaction((outcomes: readonly OutboxFinish[]) => {
      for (const o of outcomes) {
        if (o.kind === 'sent') this.sent.run({ id: o.id, at: o.at });
        else this.failed.run({ id: o.id, at: o.at, reason: o.reason, code: o.wechatCode ?? null });
      }
    });
  }

  claimDue(now: number, limit: number): Promise<ClaimedOutboxItem[]> {
    return this.queue.run(() => {
      const rows = this.claim.all({ now, lease_until: now + this.leaseMs, limit: Math.max(0, limit), owner: this.owner });
      // RETURNING gives no order; restore the claim order.
      rows.sort((a, b) => a.next_attempt_at - b.next_attempt_at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return rows.map(claimedOutboxItemOf);
    });
  }

  renewLeases(ids: readonly string[], now: number): Promise<string[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.queue.run(() =>
      this.renew.all({ ids: JSON.stringify(ids), now, lease_until: now + this.leaseMs, owner: this.owner }).map((r) => r.id),
    );
  }

  releaseClaimsOf(isDead: (owner: string) => boolean, now: number): Promise<number> {
    return this.queue.run(() => {
      const dead = this.liveOwners.all({ now }).filter((r) => r.owner !== this.owner && isDead(r.owner));
      return dead.reduce((n, r) => n + this.release.run({ owner: r.owner, now }).changes, 0);
    });
  }

  /** This store's claim owner (one sending process). */
  get ownerId(): string {
    return this.owner;
  }

  markSent(id: string, at: number): Promise<void> {
    return this.queue.run(() => void this.sent.run({ id, at }));
  }

  markRetry(id: string, nextAttemptAt: number, error: string, inDoubt = false): Promise<void> {
    return this.queue.run(() => void this.retry.run({ id, next: nextAttemptAt, error, doubt: inDoubt ? 1 : 0 }));
  }

  markFailed(id: string, at: number, reason: string, wechatCode?: number): Promise<void> {
    return this.queue.run(() => void this.failed.run({ id, at, reason, code: wechatCode ?? null }));
  }

  /** One transaction for the lot: one commit instead of one per send. */
  markFinished(outcomes: readonly OutboxFinish[]): Promise<void> {
    if (outcomes.length === 0) return Promise.resolve();
    return this.queue.run(() => this.finishAll(outcomes));
  }

  get(id: string): Promise<OutboxEntry | undefined> {
    return this.queue.run(() => {
      const row = this.byId.get(id);
      return row && outboxEntryOf(row);
    });
  }

  /** One page of the retention walk, in one step of the shared queue. */
  removeFinished(before: number, { after = '', size }: RetentionPage): Promise<RetentionStep> {
    return this.queue.run(() => {
      const rows = this.page.all(after, size);
      const last = rows[rows.length - 1];
      if (last === undefined) return { removed: 0 };
      const removed = this.removeInPage.run(after, last.id, before).changes;
      return rows.length === size && last.created_at < before ? { removed, next: last.id } : { removed };
    });
  }
}
