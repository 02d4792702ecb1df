// PostgreSQL adapter of the WebhookStore port. Several nodes claim at once: a claim locks the rows it
// picks with FOR UPDATE SKIP LOCKED, so two nodes never take the same delivery and never wait for each
// other; a leased delivery stays pending, so the conversation's later deliveries wait behind it on every node.
import type pg from 'pg';
import {
  DEFAULT_WEBHOOK_LEASE_MS,
  type LoggedWebhookAttempt,
  type NewWebhookDelivery,
  type WebhookAttempt,
  type WebhookDelivery,
  type WebhookEndpoint,
  type WebhookOutbox,
  type WebhookStore,
} from '../../core/ports/webhook-store';
import type { SecretBox } from '../secret-box';
import type { ConfigCache } from '../config-cache';
import {
  attemptOf,
  attemptValues,
  deliveryOf,
  endpointOf,
  secretPlace,
  type AttemptRow,
  type DeliveryRow,
  type EndpointRow,
} from '../webhook-rows';
import { inTransaction, type Queryable } from './pool';

// The oldest pending delivery of each endpoint and order key, then those due, not leased, of an enabled
// endpoint. A head another node holds locked is skipped, and its successors are not heads: order holds.
const CLAIM = `
  WITH picked AS (
    SELECT h.id FROM (
        SELECT min(id) AS id FROM webhook_deliveries WHERE status = 'pending' GROUP BY endpoint_id, order_key) heads
      JOIN webhook_deliveries h ON h.id = heads.id JOIN webhook_endpoints e ON e.id = h.endpoint_id
    WHERE h.status = 'pending' AND h.next_attempt_at <= $1 AND (h.lease_until IS NULL OR h.lease_until <= $1) AND e.enabled
    ORDER BY h.id LIMIT $3
    FOR UPDATE OF h SKIP LOCKED)
  UPDATE webhook_deliveries u SET attempts = u.attempts + 1, lease_until = $2
  FROM picked WHERE u.id = picked.id
  RETURNING u.*`;

export class PgWebhookStore implements WebhookStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly box: SecretBox,
    private readonly leaseMs = DEFAULT_WEBHOOK_LEASE_MS,
  ) {}

  async createEndpoint(e: WebhookEndpoint, secret: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO webhook_endpoints (id, channel_id, merchant_id, url, events, enabled, secret, secret_hint, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        e.id,
        e.channelId,
        e.merchantId ?? null,
        e.url,
        JSON.stringify(e.events),
        e.enabled,
        this.box.seal(secret, secretPlace(e.id)),
        e.secretHint,
        e.createdAt,
        e.updatedAt,
      ],
    );
  }

  async getEndpoint(id: string): Promise<WebhookEndpoint | undefined> {
    const { rows } = await this.pool.query<EndpointRow>('SELECT * FROM webhook_endpoints WHERE id = $1', [id]);
    return rows[0] && endpointOf(rows[0]);
  }

  async listEndpoints(channelId: string): Promise<WebhookEndpoint[]> {
    const { rows } = await this.pool.query<EndpointRow>('SELECT * FROM webhook_endpoints WHERE channel_id = $1 ORDER BY created_at, id', [
      channelId,
    ]);
    return rows.map(endpointOf);
  }

  async endpointSecret(id: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ secret: string }>('SELECT secret FROM webhook_endpoints WHERE id = $1', [id]);
    return rows[0] && this.box.open(rows[0].secret, secretPlace(id));
  }

  async setEnabled(id: string, enabled: boolean, at: number): Promise<void> {
    await this.pool.query('UPDATE webhook_endpoints SET enabled = $2, updated_at = $3 WHERE id = $1', [id, enabled, at]);
  }

  async deleteEndpoint(id: string): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query('DELETE FROM webhook_attempts WHERE endpoint_id = $1', [id]);
      await client.query('DELETE FROM webhook_deliveries WHERE endpoint_id = $1', [id]);
      await client.query('DELETE FROM webhook_endpoints WHERE id = $1', [id]);
    });
  }

  async enqueue(deliveries: readonly NewWebhookDelivery[]): Promise<void> {
    await insertDeliveries(this.pool, deliveries);
  }

  async claimDue(now: number, limit: number): Promise<WebhookDelivery[]> {
    const { rows } = await this.pool.query<DeliveryRow>(CLAIM, [now, now + this.leaseMs, Math.max(0, limit)]);
    return rows.sort((a, b) => a.id - b.id).map(deliveryOf);
  }

  async finishAttempt(a: WebhookAttempt, nextAttemptAt?: number): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      const pending = await client.query("SELECT id FROM webhook_deliveries WHERE id = $1 AND status = 'pending' FOR UPDATE", [
        a.deliveryId,
      ]);
      if (pending.rowCount === 0) return;
      await client.query(
        `INSERT INTO webhook_attempts (delivery_id, endpoint_id, event_id, type, attempt, at, status_code, latency_ms, error, outcome)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        attemptValues(a),
      );
      if (a.outcome === 'retry')
        await client.query('UPDATE webhook_deliveries SET next_attempt_at = $2, last_error = $3, lease_until = NULL WHERE id = $1', [
          a.deliveryId,
          nextAttemptAt ?? a.at,
          a.error ?? null,
        ]);
      else
        await client.query(
          'UPDATE webhook_deliveries SET status = $2, finished_at = $3, last_error = $4, lease_until = NULL WHERE id = $1',
          [a.deliveryId, a.outcome, a.at, a.error ?? null],
        );
    });
  }

  async getDelivery(id: number): Promise<WebhookDelivery | undefined> {
    const { rows } = await this.pool.query<DeliveryRow>('SELECT * FROM webhook_deliveries WHERE id = $1', [id]);
    return rows[0] && deliveryOf(rows[0]);
  }

  async attempts(endpointId: string, page: { before?: number | undefined; limit: number }): Promise<LoggedWebhookAttempt[]> {
    const { rows } = await this.pool.query<AttemptRow>(
      'SELECT * FROM webhook_attempts WHERE endpoint_id = $1 AND id < $2 ORDER BY id DESC LIMIT $3',
      [endpointId, page.before ?? Number.MAX_SAFE_INTEGER, page.limit],
    );
    return rows.map(attemptOf);
  }

  async deliveries(endpointId: string, limit: number): Promise<WebhookDelivery[]> {
    const { rows } = await this.pool.query<DeliveryRow>(
      'SELECT * FROM webhook_deliveries WHERE endpoint_id = $1 ORDER BY id DESC LIMIT $2',
      [endpointId, limit],
    );
    return rows.map(deliveryOf);
  }
}

/** One statement: the ids follow the order of the arrays (WITH ORDINALITY). */
async function insertDeliveries(db: Queryable, deliveries: readonly NewWebhookDelivery[]): Promise<void> {
  if (deliveries.length === 0) return;
  const column = <K extends keyof NewWebhookDelivery>(k: K) => deliveries.map((d) => d[k]);
  await db.query(
    `INSERT INTO webhook_deliveries (endpoint_id, event_id, type, order_key, body, created_at, next_attempt_at)
     SELECT e, v, t, k, b, c, c FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[])
       WITH ORDINALITY AS x(e, v, t, k, b, c, n) ORDER BY n`,
    [column('endpointId'), column('eventId'), column('type'), column('orderKey'), column('body'), column('createdAt')],
  );
}

/**
 * Inside a unit of work, on its client: committed (or rolled back) with the unit. A channel's endpoints
 * are read once per transaction (`config`, pg-transaction-scope.ts): every unit that tells of a change
 * asks for them, a batch of 50 pushes asked 50 times, and in one SERIALIZABLE snapshot the answer
 * cannot change (endpoints are written by the webhook store, never inside a unit).
 */
export class PgWebhookOutbox implements WebhookOutbox {
  constructor(
    private readonly db: Queryable,
    private readonly config?: ConfigCache,
  ) {}

  endpointsOf(channelId: string): Promise<WebhookEndpoint[]> {
    const load = async () => {
      const { rows } = await this.db.query<EndpointRow>('SELECT * FROM webhook_endpoints WHERE channel_id = $1 ORDER BY created_at, id', [
        channelId,
      ]);
      return rows.map(endpointOf);
    };
    return this.config ? this.config.read('webhook_endpoints', channelId, load) : load();
  }

  enqueue(deliveries: readonly NewWebhookDelivery[]): Promise<void> {
    return insertDeliveries(this.db, deliveries);
  }
}
