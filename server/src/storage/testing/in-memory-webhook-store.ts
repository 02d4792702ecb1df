// WebhookStore in memory, for tests of the webhook stories and sender; the same rules as the SQLite and
// PostgreSQL adapters (all three pass webhook-store-contract.ts). The secret is kept as given: nothing
// here reaches a disk.
import {
  DEFAULT_WEBHOOK_LEASE_MS,
  type LoggedWebhookAttempt,
  type NewWebhookDelivery,
  type WebhookAttempt,
  type WebhookDelivery,
  type WebhookEndpoint,
  type WebhookStore,
} from '../../core/ports/webhook-store';

type Row = WebhookDelivery & { leaseUntil?: number };

export class InMemoryWebhookStore implements WebhookStore {
  private readonly endpoints = new Map<string, { endpoint: WebhookEndpoint; secret: string }>();
  private readonly rows: Row[] = [];
  private readonly log: LoggedWebhookAttempt[] = [];
  private lastDelivery = 0;
  private lastAttempt = 0;

  constructor(private readonly leaseMs = DEFAULT_WEBHOOK_LEASE_MS) {}

  async createEndpoint(endpoint: WebhookEndpoint, secret: string): Promise<void> {
    this.endpoints.set(endpoint.id, { endpoint: { ...endpoint, events: [...endpoint.events] }, secret });
  }

  async getEndpoint(id: string): Promise<WebhookEndpoint | undefined> {
    const e = this.endpoints.get(id)?.endpoint;
    return e && { ...e, events: [...e.events] };
  }

  async listEndpoints(channelId: string): Promise<WebhookEndpoint[]> {
    return [...this.endpoints.values()]
      .map((e) => ({ ...e.endpoint, events: [...e.endpoint.events] }))
      .filter((e) => e.channelId === channelId)
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  }

  async endpointSecret(id: string): Promise<string | undefined> {
    return this.endpoints.get(id)?.secret;
  }

  async setEnabled(id: string, enabled: boolean, at: number): Promise<void> {
    const e = this.endpoints.get(id);
    if (e) e.endpoint = { ...e.endpoint, enabled, updatedAt: at };
  }

  async deleteEndpoint(id: string): Promise<void> {
    this.endpoints.delete(id);
    remove(this.rows, (r) => r.endpointId === id);
    remove(this.log, (a) => a.endpointId === id);
  }

  async enqueue(deliveries: readonly NewWebhookDelivery[]): Promise<void> {
    for (const d of deliveries)
      this.rows.push({ ...d, id: ++this.lastDelivery, status: 'pending', attempts: 0, nextAttemptAt: d.createdAt });
  }

  async claimDue(now: number, limit: number): Promise<WebhookDelivery[]> {
    const pending = this.rows.filter((r) => r.status === 'pending');
    const first = new Map<string, number>();
    for (const r of pending) {
      const key = `${r.endpointId}\u0000${r.orderKey}`;
      if (!first.has(key)) first.set(key, r.id);
    }
    const due = pending
      .filter((r) => this.endpoints.get(r.endpointId)?.endpoint.enabled === true)
      .filter((r) => first.get(`${r.endpointId}\u0000${r.orderKey}`) === r.id)
      .filter((r) => r.nextAttemptAt <= now && (r.leaseUntil ?? 0) <= now)
      .slice(0, Math.max(0, limit));
    for (const r of due) {
      r.attempts += 1;
      r.leaseUntil = now + this.leaseMs;
    }
    return due.map(publicRow);
  }

  async finishAttempt(attempt: WebhookAttempt, nextAttemptAt?: number): Promise<void> {
    const r = this.rows.find((x) => x.id === attempt.deliveryId);
    if (!r || r.status !== 'pending') return;
    this.log.push({ ...attempt, id: ++this.lastAttempt });
    delete r.leaseUntil;
    if (attempt.error !== undefined) r.lastError = attempt.error;
    else delete r.lastError;
    if (attempt.outcome === 'retry') r.nextAttemptAt = nextAttemptAt ?? attempt.at;
    else {
      r.status = attempt.outcome;
      r.finishedAt = attempt.at;
    }
  }

  async getDelivery(id: number): Promise<WebhookDelivery | undefined> {
    const r = this.rows.find((x) => x.id === id);
    return r && publicRow(r);
  }

  async attempts(endpointId: string, page: { before?: number | undefined; limit: number }): Promise<LoggedWebhookAttempt[]> {
    return this.log
      .filter((a) => a.endpointId === endpointId && a.id < (page.before ?? Number.MAX_SAFE_INTEGER))
      .reverse()
      .slice(0, page.limit)
      .map((a) => ({ ...a }));
  }

  async deliveries(endpointId: string, limit: number): Promise<WebhookDelivery[]> {
    return this.rows
      .filter((r) => r.endpointId === endpointId)
      .reverse()
      .slice(0, limit)
      .map(publicRow);
  }
}

function publicRow(r: Row): WebhookDelivery {
  const { leaseUntil: _lease, ...rest } = r;
  return { ...rest };
}

function remove<T>(list: T[], gone: (t: T) => boolean): void {
  for (let i = list.length - 1; i >= 0; i -= 1) if (gone(list[i] as T)) list.splice(i, 1);
}
