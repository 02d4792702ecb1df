// PostgreSQL adapters of both sides of the outbox: Outbox (enqueue, inside a unit of work) and
// OutboxStore (the sender's claims and outcomes, each one autocommitted statement on the pool). Several
// nodes claim at once: a claim locks the rows it picks with FOR UPDATE SKIP LOCKED, so two claimers never
// take the same row and never wait for each other, and PostgreSQL re-checks a row another claimer changed
// meanwhile, so a row leased a moment ago is not leased again.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Outbox, OutboxItem } from '../../core/ports/outbox';
import type { ClaimedOutboxItem, OutboxEntry, OutboxFinish, OutboxStore } from '../../core/ports/outbox-store';
import type { RetentionPage, RetentionStep } from '../../core/ports/retention';
import { restAsJson } from '../record-codec';
import { DEFAULT_LEASE_MS } from '../sqlite-outbox';
import { inTransaction, type Queryable } from './pool';
import { writeOn } from './pg-write-behind';
import { claimedOutboxItemOf, OUTBOX_COLUMNS, outboxEntryOf, type OutboxRow } from '../outbox-row';

export class PgOutbox implements Outbox {
  constructor(private readonly db: Queryable) {}

  async enqueue(item: OutboxItem): Promise<void> {
    await writeOn(this.db, {
      sql: `INSERT INTO outbox (id, channel_id, to_openid, message_id, created_at, data, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6, $5)`,
      values: [item.id, item.channelId, item.toOpenid, item.messageId, item.createdAt, restAsJson(item, OUTBOX_COLUMNS)],
      table: 'outbox',
    });
  }
}

export interface PgOutboxStoreOptions {
  /** How long a claim holds unless renewed (default as on SQLite): how long a crashed sender's items wait. */
  leaseMs?: number;
  /** Who claims: one id per sending process (default a random one), so only it renews its leases. */
  owner?: string;
}

// Due, not leased, and no older pending item to the same customer (claimed or not): per-customer order.
// A lease that ran out without an outcome is a sender that died mid-send: the item is in doubt.
const CLAIM = `
  WITH picked AS (
    SELECT o.id FROM outbox o
    WHERE o.status = 'pending' AND o.next_attempt_at <= $1 AND (o.lease_until IS NULL OR o.lease_until <= $1)
      AND NOT EXISTS (
        SELECT 1 FROM outbox p
        WHERE p.status = 'pending' AND p.channel_id = o.channel_id AND p.to_openid = o.to_openid
          AND (p.created_at < o.created_at OR (p.created_at = o.created_at AND p.id < o.id)))
    ORDER BY o.next_attempt_at, o.id LIMIT $3
    FOR UPDATE OF o SKIP LOCKED)
  UPDATE outbox u SET lease_until = $2, lease_owner = $4, attempts = u.attempts + 1,
    in_doubt = u.in_doubt OR u.lease_until IS NOT NULL
  FROM picked WHERE u.id = picked.id
  RETURNING u.*`;

const PENDING = "WHERE id = $1 AND status = 'pending'";

export class PgOutboxStore implements OutboxStore {
  private readonly leaseMs: number;
  private readonly owner: string;

  constructor(
    private readonly pool: pg.Pool,
    options: PgOutboxStoreOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.owner = options.owner ?? randomUUID();
  }

  /** This store's claim owner (one sending process). */
  get ownerId(): string {
    return this.owner;
  }

  async claimDue(now: number, limit: number): Promise<ClaimedOutboxItem[]> {
    const { rows } = await this.pool.query<OutboxRow>(CLAIM, [now, now + this.leaseMs, Math.max(0, limit), this.owner]);
    // RETURNING gives no order; restore the claim order.
    rows.sort((a, b) => a.next_attempt_at - b.next_attempt_at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return rows.map(claimedOutboxItemOf);
  }

  async renewLeases(ids: readonly string[], now: number): Promise<string[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.pool.query<{ id: string }>(
      `UPDATE outbox SET lease_until = $3
       WHERE id = ANY($1::text[]) AND status = 'pending' AND lease_owner = $4 AND lease_until > $2
       RETURNING id`,
      [ids, now, now + this.leaseMs, this.owner],
    );
    return rows.map((r) => r.id);
  }

  /** The lease ends now but stays set, so the next claim knows the send may have reached WeChat. */
  async releaseClaimsOf(isDead: (owner: string) => boolean, now: number): Promise<number> {
    const { rows } = await this.pool.query<{ owner: string }>(
      "SELECT DISTINCT lease_owner AS owner FROM outbox WHERE status = 'pending' AND lease_until > $1 AND lease_owner IS NOT NULL",
      [now],
    );
    const dead = rows.map((r) => r.owner).filter((owner) => owner !== this.owner && isDead(owner));
    if (dead.length === 0) return 0;
    const released = await this.pool.query(
      "UPDATE outbox SET lease_until = $1 WHERE status = 'pending' AND lease_owner = ANY($2::text[]) AND lease_until > $1",
      [now, dead],
    );
    return released.rowCount ?? 0;
  }

  async markSent(id: string, at: number): Promise<void> {
    await this.pool.query(`UPDATE outbox SET status = 'sent', finished_at = $2, lease_until = NULL ${PENDING}`, [id, at]);
  }

  async markRetry(id: string, nextAttemptAt: number, error: string, inDoubt = false): Promise<void> {
    await this.pool.query(
      `UPDATE outbox SET next_attempt_at = $2, last_error = $3, lease_until = NULL, in_doubt = in_doubt OR $4 ${PENDING}`,
      [id, nextAttemptAt, error, inDoubt],
    );
  }

  async markFailed(id: string, at: number, reason: string, wechatCode?: number): Promise<void> {
    await this.pool.query(
      `UPDATE outbox SET status = 'failed', finished_at = $2, last_error = $3, wechat_code = $4, lease_until = NULL ${PENDING}`,
      [id, at, reason, wechatCode ?? null],
    );
  }

  /** Two set-based statements in one transaction: the sent ones, then the failed ones. */
  async markFinished(outcomes: readonly OutboxFinish[]): Promise<void> {
    const sent = outcomes.filter((o) => o.kind === 'sent');
    const failed = outcomes.flatMap((o) => (o.kind === 'failed' ? [o] : []));
    if (sent.length + failed.length === 0) return;
    await inTransaction(this.pool, async (client) => {
      if (sent.length > 0) {
        await client.query(
          `UPDATE outbox o SET status = 'sent', finished_at = v.at, lease_until = NULL
           FROM unnest($1::text[], $2::bigint[]) AS v(id, at)
           WHERE o.id = v.id AND o.status = 'pending'`,
          [sent.map((o) => o.id), sent.map((o) => o.at)],
        );
      }
      if (failed.length > 0) {
        await client.query(
          `UPDATE outbox o SET status = 'failed', finished_at = v.at, last_error = v.reason, wechat_code = v.code, lease_until = NULL
           FROM unnest($1::text[], $2::bigint[], $3::text[], $4::int[]) AS v(id, at, reason, code)
           WHERE o.id = v.id AND o.status = 'pending'`,
          [failed.map((o) => o.id), failed.map((o) => o.at), failed.map((o) => o.reason), failed.map((o) => o.wechatCode ?? null)],
        );
      }
    });
  }

  async get(id: string): Promise<OutboxEntry | undefined> {
    const { rows } = await this.pool.query<OutboxRow>('SELECT * FROM outbox WHERE id = $1', [id]);
    return rows[0] && outboxEntryOf(rows[0]);
  }

  /** One page of the retention walk: items sent or given up before `before`; pending ones stay. */
  async removeFinished(before: number, { after = '', size }: RetentionPage): Promise<RetentionStep> {
    const { rows } = await this.pool.query<{ id: string; created_at: string }>(
      'SELECT id, created_at FROM outbox WHERE id > $1 ORDER BY id LIMIT $2',
      [after, size],
    );
    const last = rows[rows.length - 1];
    if (last === undefined) return { removed: 0 };
    const { rowCount } = await this.pool.query(
      "DELETE FROM outbox WHERE id > $1 AND id <= $2 AND status IN ('sent', 'failed') AND finished_at < $3",
      [after, last.id, before],
    );
    const removed = rowCount ?? 0;
    return rows.length === size && Number(last.created_at) < before ? { removed, next: last.id } : { removed };
  }
}
