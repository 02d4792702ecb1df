// SQLite adapter of the WebhookStore port: every statement goes through the connection's serial queue, so
// none lands inside an open unit of work. Secrets are sealed with the master key (secret-box.ts) before
// they reach the file. One process uses a SQLite file, so the lease only matters across restarts: a
// delivery claimed by a process that died is claimed again once its lease runs out.
import type { Database, Statement } from 'better-sqlite3';
import {
  DEFAULT_WEBHOOK_LEASE_MS,
  type LoggedWebhookAttempt,
  type NewWebhookDelivery,
  type WebhookAttempt,
  type WebhookDelivery,
  type WebhookEndpoint,
  type WebhookOutbox,
  type WebhookStore,
} from '../core/ports/webhook-store';
import type { SecretBox } from './secret-box';
import { serialFor, type SerialQueue } from './serial-lock';
import {
  attemptOf,
  attemptValues,
  deliveryOf,
  endpointOf,
  secretPlace,
  type AttemptRow,
  type DeliveryRow,
  type EndpointRow,
} from './webhook-rows';

// The oldest pending delivery of each endpoint and order key (one index-only pass over the pending ones),
// then those of them due, not leased and of an enabled endpoint. Delivered rows are never read.
const CLAIM = `
  UPDATE webhook_deliveries SET attempts = attempts + 1, lease_until = @lease_until
  WHERE id IN (
    SELECT h.id FROM (
        SELECT min(id) AS id FROM webhook_deliveries WHERE status = 'pending' GROUP BY endpoint_id, order_key) heads
      JOIN webhook_deliveries h ON h.id = heads.id JOIN webhook_endpoints e ON e.id = h.endpoint_id
    WHERE h.next_attempt_at <= @now AND (h.lease_until IS NULL OR h.lease_until <= @now) AND e.enabled = 1
    ORDER BY h.id LIMIT @limit)
  RETURNING *`;

/**
 * The channels' endpoints as units of work read them, kept per connection so a customer's message costs
 * no extra statement; every change of an endpoint goes through SqliteWebhookStore on the same connection
 * (one server process owns a SQLite file), which clears it in the same piece of serial work.
 */
const endpointCaches = new WeakMap<Database, Map<string, WebhookEndpoint[]>>();
function endpointCacheOf(db: Database): Map<string, WebhookEndpoint[]> {
  let cache = endpointCaches.get(db);
  if (!cache) {
    cache = new Map();
    endpointCaches.set(db, cache);
  }
  return cache;
}

export class SqliteWebhookStore implements WebhookStore {
  private readonly queue: SerialQueue;
  private readonly s: Record<string, Statement>;
  private readonly enqueueAll: (deliveries: readonly NewWebhookDelivery[]) => void;
  private readonly finishAll: (group: readonly { attempt: WebhookAttempt; next: number | null }[]) => void;
  private finishing: { attempt: WebhookAttempt; next: number | null }[] = [];
  private flush: Promise<void> | undefined;
  private readonly removeEndpoint: (id: string) => void;

  constructor(
    private readonly db: Database,
    private readonly box: SecretBox,
    private readonly leaseMs = DEFAULT_WEBHOOK_LEASE_MS,
  ) {
    this.queue = serialFor(db);
    this.s = {
      insertEndpoint: db.prepare(
        `INSERT INTO webhook_endpoints (id, channel_id, merchant_id, url, events, enabled, secret, secret_hint, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      endpoint: db.prepare('SELECT * FROM webhook_endpoints WHERE id = ?'),
      endpoints: db.prepare('SELECT * FROM webhook_endpoints WHERE channel_id = ? ORDER BY created_at, id'),
      enable: db.prepare('UPDATE webhook_endpoints SET enabled = ?, updated_at = ? WHERE id = ?'),
      deleteEndpoint: db.prepare('DELETE FROM webhook_endpoints WHERE id = ?'),
      deleteDeliveries: db.prepare('DELETE FROM webhook_deliveries WHERE endpoint_id = ?'),
      deleteAttempts: db.prepare('DELETE FROM webhook_attempts WHERE endpoint_id = ?'),
      insertDelivery: db.prepare(
        `INSERT INTO webhook_deliveries (endpoint_id, event_id, type, order_key, body, created_at, next_attempt_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      claim: db.prepare(CLAIM),
      insertAttempt: db.prepare(
        `INSERT INTO webhook_attempts (delivery_id, endpoint_id, event_id, type, attempt, at, status_code, latency_ms, error, outcome)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      pendingById: db.prepare("SELECT id FROM webhook_deliveries WHERE id = ? AND status = 'pending'"),
      retry: db.prepare('UPDATE webhook_deliveries SET next_attempt_at = ?, last_error = ?, lease_until = NULL WHERE id = ?'),
      end: db.prepare('UPDATE webhook_deliveries SET status = ?, finished_at = ?, last_error = ?, lease_until = NULL WHERE id = ?'),
      delivery: db.prepare('SELECT * FROM webhook_deliveries WHERE id = ?'),
      attempts: db.prepare('SELECT * FROM webhook_attempts WHERE endpoint_id = ? AND id < ? ORDER BY id DESC LIMIT ?'),
      deliveries: db.prepare('SELECT * FROM webhook_deliveries WHERE endpoint_id = ? ORDER BY id DESC LIMIT ?'),
    };
    this.enqueueAll = db.transaction((deliveries: readonly NewWebhookDelivery[]) => {
      for (const d of deliveries) this.s.insertDelivery?.run(d.endpointId, d.eventId, d.type, d.orderKey, d.body, d.createdAt, d.createdAt);
    });
    this.removeEndpoint = db.transaction((id: string) => {
      endpointCacheOf(db).clear();
      this.st('deleteAttempts').run(id);
      this.st('deleteDeliveries').run(id);
      this.st('deleteEndpoint').run(id);
    });
    this.finishAll = db.transaction((group: readonly { attempt: WebhookAttempt; next: number | null }[]) => {
      for (const { attempt: a, next } of group) {
        if (!this.st('pendingById').get(a.deliveryId)) continue;
        this.st('insertAttempt').run(...attemptValues(a));
        if (a.outcome === 'retry') this.st('retry').run(next ?? a.at, a.error ?? null, a.deliveryId);
        else this.st('end').run(a.outcome, a.at, a.error ?? null, a.deliveryId);
      }
    });
  }

  private st(name: string): Statement {
    const statement = this.s[name];
    if (!statement) throw new Error(`no statement ${name}`);
    return statement;
  }

  async createEndpoint(e: WebhookEndpoint, secret: string): Promise<void> {
    const sealed = this.box.seal(secret, secretPlace(e.id));
    await this.queue.run(() => {
      endpointCacheOf(this.db).clear();
      this.st('insertEndpoint').run(
        e.id,
        e.channelId,
        e.merchantId ?? null,
        e.url,
        JSON.stringify(e.events),
        e.enabled ? 1 : 0,
        sealed,
        e.secretHint,
        e.createdAt,
        e.updatedAt,
      );
    });
  }

  async getEndpoint(id: string): Promise<WebhookEndpoint | undefined> {
    const row = await this.queue.run(() => this.st('endpoint').get(id) as EndpointRow | undefined);
    return row && endpointOf(row);
  }

  async listEndpoints(channelId: string): Promise<WebhookEndpoint[]> {
    const rows = await this.queue.run(() => this.st('endpoints').all(channelId) as EndpointRow[]);
    return rows.map(endpointOf);
  }

  async endpointSecret(id: string): Promise<string | undefined> {
    const row = await this.queue.run(() => this.st('endpoint').get(id) as EndpointRow | undefined);
    return row && this.box.open(row.secret, secretPlace(id));
  }

  async setEnabled(id: string, enabled: boolean, at: number): Promise<void> {
    await this.queue.run(() => {
      endpointCacheOf(this.db).clear();
      this.st('enable').run(enabled ? 1 : 0, at, id);
    });
  }

  async deleteEndpoint(id: string): Promise<void> {
    await this.queue.run(() => this.removeEndpoint(id));
  }

  async enqueue(deliveries: readonly NewWebhookDelivery[]): Promise<void> {
    if (deliveries.length > 0) await this.queue.run(() => this.enqueueAll(deliveries));
  }

  async claimDue(now: number, limit: number): Promise<WebhookDelivery[]> {
    const rows = await this.queue.run(
      () => this.st('claim').all({ now, lease_until: now + this.leaseMs, limit: Math.max(0, limit) }) as DeliveryRow[],
    );
    return rows.sort((a, b) => a.id - b.id).map(deliveryOf);
  }

  /**
   * Attempts finished while the connection is busy are recorded together, in one transaction, when their
   * turn comes: a busy sender finishes many deliveries per commit instead of one.
   */
  async finishAttempt(attempt: WebhookAttempt, nextAttemptAt?: number): Promise<void> {
    this.finishing.push({ attempt, next: nextAttemptAt ?? null });
    this.flush ??= this.queue.run(() => {
      const group = this.finishing.splice(0);
      this.flush = undefined;
      this.finishAll(group);
    });
    await this.flush;
  }

  async getDelivery(id: number): Promise<WebhookDelivery | undefined> {
    const row = await this.queue.run(() => this.st('delivery').get(id) as DeliveryRow | undefined);
    return row && deliveryOf(row);
  }

  async attempts(endpointId: string, page: { before?: number | undefined; limit: number }): Promise<LoggedWebhookAttempt[]> {
    const before = page.before ?? Number.MAX_SAFE_INTEGER;
    const rows = await this.queue.run(() => this.st('attempts').all(endpointId, before, page.limit) as AttemptRow[]);
    return rows.map(attemptOf);
  }

  async deliveries(endpointId: string, limit: number): Promise<WebhookDelivery[]> {
    const rows = await this.queue.run(() => this.st('deliveries').all(endpointId, limit) as DeliveryRow[]);
    return rows.map(deliveryOf);
  }
}

/**
 * Inside a unit of work (which holds the connection's queue): plain statements, committed with the unit.
 * Prepared on first use, so a database migrated only part of the way (migration tests) can still open units.
 */
export class SqliteWebhookOutbox implements WebhookOutbox {
  private statements: { endpoints: Statement<[string], EndpointRow>; insert: Statement } | undefined;

  constructor(private readonly db: Database) {}

  private get s() {
    this.statements ??= {
      endpoints: this.db.prepare('SELECT * FROM webhook_endpoints WHERE channel_id = ? ORDER BY created_at, id'),
      insert: this.db.prepare(
        `INSERT INTO webhook_deliveries (endpoint_id, event_id, type, order_key, body, created_at, next_attempt_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
    return this.statements;
  }

  async endpointsOf(channelId: string): Promise<WebhookEndpoint[]> {
    const cache = endpointCacheOf(this.db);
    let endpoints = cache.get(channelId);
    if (!endpoints) {
      endpoints = this.s.endpoints.all(channelId).map(endpointOf);
      cache.set(channelId, endpoints);
    }
    return endpoints;
  }

  async enqueue(deliveries: readonly NewWebhookDelivery[]): Promise<void> {
    for (const d of deliveries) this.s.insert.run(d.endpointId, d.eventId, d.type, d.orderKey, d.body, d.createdAt, d.createdAt);
  }
}
