// PostgreSQL adapter of the Inbox port: verified pushes, committed before WeChat is told `success`.
// Group commit as on SQLite: the pushes accepted during one turn of the event loop are one INSERT, then
// all of them are answered. The unique (channel_id, dedupe_key) makes a retry that reaches another node
// a duplicate there, whichever node stored the first.
// Several nodes drain one inbox: `pending` CLAIMS what it returns (FOR UPDATE SKIP LOCKED, a lease with
// this node as owner), and only a customer's oldest pending entry is claimable, so each entry is processed
// by one node and a customer's entries in order. The worker renews the leases while it works; a node that
// dies leaves leases that run out, and another node claims those entries then.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { InboundMessage } from '../../core/inbound-message';
import { type AcceptOutcome, type Inbox, type InboxEntry, dedupeKey } from '../../core/ports/inbox';
import type { RetentionPage, RetentionStep } from '../../core/ports/retention';
import { CUSTOMER_EVENT_ONLY } from './migrations/05-customer-events';
import { CUSTOMER_EVENT_SENDER } from './migrations/05-customer-events';
import type { Queryable } from './pool';
import { writeOn } from './pg-write-behind';

/** How long a claim holds unless renewed: how long a dead node's entries wait for another node. */
export const DEFAULT_INBOX_LEASE_MS = 6000;

export interface PgInboxOptions {
  leaseMs?: number;
  /** Who claims: one id per process (default a random one). */
  owner?: string;
}

const SENDER_O = CUSTOMER_EVENT_SENDER.replaceAll('message', 'o.message');
const SENDER_P = CUSTOMER_EVENT_SENDER.replaceAll('message', 'p.message');

// Due, not leased (or its lease ran out), and no older pending entry of the same customer (claimed,
// waiting for a retry, or not): a customer's next entry waits until the previous one is done or failed.
const CLAIM = `
  WITH picked AS (
    SELECT o.id FROM inbox o
    WHERE o.state = 'pending' AND o.next_attempt_at <= $1 AND (o.lease_until IS NULL OR o.lease_until <= $1)
      AND NOT EXISTS (
        SELECT 1 FROM inbox p
        WHERE p.state = 'pending' AND p.channel_id = o.channel_id AND ${SENDER_P} = ${SENDER_O} AND p.id < o.id)
    ORDER BY o.id LIMIT $3
    FOR UPDATE OF o SKIP LOCKED)
  UPDATE inbox u SET claimed_by = $4, lease_until = $2
  FROM picked WHERE u.id = picked.id
  RETURNING u.id, u.channel_id, u.message, u.received_at, u.attempts`;

interface Waiting {
  channelId: string;
  key: string;
  message: InboundMessage;
  receivedAt: number;
  resolve(outcome: AcceptOutcome): void;
  reject(error: unknown): void;
}

interface Row {
  id: number;
  channel_id: string;
  message: string;
  received_at: number;
  attempts: number;
}

/** Thrown by markDone when the entry is no longer pending (processed already): the unit rolls back. */
export class InboxEntryNotPending extends Error {
  override readonly name = 'InboxEntryNotPending';
}

export class PgInbox implements Inbox {
  private waiting: Waiting[] = [];
  private readonly leaseMs: number;
  private readonly owner: string;

  /** `unit`: the client of the unit of work running now (PgUnitOfWork.current), for markDone. */
  constructor(
    private readonly pool: pg.Pool,
    private readonly unit: () => Queryable | undefined,
    options: PgInboxOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? DEFAULT_INBOX_LEASE_MS;
    this.owner = options.owner ?? randomUUID();
  }

  accept(channelId: string, message: InboundMessage, receivedAt: number): Promise<AcceptOutcome> {
    return new Promise((resolve, reject) => {
      const waiting = { channelId, key: dedupeKey(message), message, receivedAt, resolve, reject };
      if (this.waiting.push(waiting) === 1) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    try {
      const { rows } = await this.pool.query<{ channel_id: string; dedupe_key: string }>(
        `INSERT INTO inbox (channel_id, dedupe_key, received_at, message)
         SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[])
         ON CONFLICT (channel_id, dedupe_key) DO NOTHING RETURNING channel_id, dedupe_key`,
        [
          batch.map((w) => w.channelId),
          batch.map((w) => w.key),
          batch.map((w) => w.receivedAt),
          batch.map((w) => JSON.stringify(w.message)),
        ],
      );
      // The first of a batch's copies of one push is the one stored; later copies are duplicates.
      const stored = new Set(rows.map((r) => JSON.stringify([r.channel_id, r.dedupe_key])));
      for (const w of batch) w.resolve(stored.delete(JSON.stringify([w.channelId, w.key])) ? 'stored' : 'duplicate');
    } catch (error) {
      // Nothing of the batch was committed: every push is answered with an error and WeChat retries it.
      for (const w of batch) w.reject(error);
    }
  }

  /** Claims (for this node, for one lease) the due entries it returns, oldest first. */
  async pending(now: number, limit: number): Promise<InboxEntry[]> {
    const { rows } = await this.pool.query<Row>(CLAIM, [now, now + this.leaseMs, Math.max(0, limit), this.owner]);
    rows.sort((a, b) => Number(a.id) - Number(b.id)); // RETURNING gives no order
    return rows.map((r) => ({
      id: String(r.id),
      channelId: r.channel_id,
      message: JSON.parse(r.message) as InboundMessage,
      receivedAt: r.received_at,
      attempts: r.attempts,
    }));
  }

  /**
   * Extends this node's leases that have not run out (one that did may be another node's now). Rows a
   * routing batch holds locked (marked done, not committed yet) are skipped: waiting for them while
   * the batch waits for a row this statement locked was a deadlock; they are done or renewed next time.
   */
  async renewClaims(now: number): Promise<void> {
    await this.pool.query(
      `UPDATE inbox SET lease_until = $2 WHERE id IN (
         SELECT id FROM inbox WHERE claimed_by = $3 AND state = 'pending' AND lease_until > $1 FOR UPDATE SKIP LOCKED)`,
      [now, now + this.leaseMs, this.owner],
    );
  }

  /**
   * On the running unit's client, so it commits with the unit's writes. An entry done already, or
   * claimed by another node since this node's lease ran out, fails the unit: its work is not done twice.
   */
  async markDone(id: string, at: number): Promise<void> {
    await writeOn(this.unit() ?? this.pool, {
      sql: "UPDATE inbox SET state = 'done', done_at = $1, lease_until = NULL WHERE id = $2 AND state = 'pending' AND claimed_by = $3",
      values: [at, Number(id), this.owner],
      table: 'inbox',
      check: (rows) =>
        rows === 0 ? new InboxEntryNotPending(`inbox entry ${id} is not pending any more, or not claimed by this node`) : undefined,
    });
  }

  /** After a failed unit; releases the claim. Ignored unless the entry is still pending and ours. */
  async markFailed(id: string, error: string, retryAt: number | undefined): Promise<void> {
    const mine = "WHERE id = $2 AND state = 'pending' AND claimed_by = $3";
    if (retryAt === undefined) {
      await this.pool.query(`UPDATE inbox SET state = 'failed', attempts = attempts + 1, last_error = $1, lease_until = NULL ${mine}`, [
        error,
        Number(id),
        this.owner,
      ]);
    } else {
      await this.pool.query(`UPDATE inbox SET attempts = attempts + 1, last_error = $1, next_attempt_at = $4, lease_until = NULL ${mine}`, [
        error,
        Number(id),
        this.owner,
        retryAt,
      ]);
    }
  }

  /** One page of the retention walk; the push log's events stay (what pg-push-log.ts reads is kept). */
  async removeProcessed(before: number, { after, size }: RetentionPage): Promise<RetentionStep> {
    const from = after ?? '0';
    const { rows } = await this.pool.query<{ id: string; received_at: string }>(
      'SELECT id, received_at FROM inbox WHERE id > $1 ORDER BY id LIMIT $2',
      [from, size],
    );
    const last = rows[rows.length - 1];
    if (last === undefined) return { removed: 0 };
    const { rowCount } = await this.pool.query(
      `DELETE FROM inbox WHERE id > $1 AND id <= $2 AND state = 'done' AND received_at < $3 AND NOT (${CUSTOMER_EVENT_ONLY})`,
      [from, last.id, before],
    );
    const removed = rowCount ?? 0;
    return rows.length === size && Number(last.received_at) < before ? { removed, next: String(last.id) } : { removed };
  }
}
