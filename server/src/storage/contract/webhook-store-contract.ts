// The WebhookStore contract: what every adapter (memory, SQLite, PostgreSQL) must do. Run on all three by
// webhook-store-contract.test.ts.
import type { NewWebhookDelivery, WebhookAttempt, WebhookEndpoint, WebhookStore } from '../../core/ports/webhook-store';

export const WEBHOOK_LEASE_MS = 1000;

export interface WebhookSubject {
  store: WebhookStore;
  /** Another process on the same database (SQLite: a second connection; memory: the same store). */
  second?: WebhookStore;
  /** What the database holds in the endpoint's secret column, to check it is sealed. */
  storedSecret?(id: string): Promise<string | undefined>;
  close(): void | Promise<void>;
}

const T0 = 1_000_000;

export function endpoint(id: string, over: Partial<WebhookEndpoint> = {}): WebhookEndpoint {
  return {
    id,
    channelId: 'ch1',
    url: `https://example.com/hooks/${id}`,
    events: ['message.received', 'conversation.ended'],
    enabled: true,
    secretHint: 'abcd',
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

const delivery = (endpointId: string, eventId: string, orderKey: string, createdAt = T0): NewWebhookDelivery => ({
  endpointId,
  eventId,
  type: 'message.received',
  orderKey,
  body: `{"id":"${eventId}"}`,
  createdAt,
});

const attempt = (deliveryId: number, outcome: WebhookAttempt['outcome'], at = T0, statusCode = 500): WebhookAttempt => ({
  deliveryId,
  endpointId: 'whk1',
  eventId: `evt${deliveryId}`,
  type: 'message.received',
  attempt: 1,
  at,
  statusCode,
  latencyMs: 12,
  outcome,
  ...(outcome !== 'delivered' && { error: `HTTP ${statusCode}` }),
});

export function webhookStoreContract(name: string, open: () => WebhookSubject | Promise<WebhookSubject>): void {
  describe(`WebhookStore contract: ${name}`, () => {
    let s: WebhookSubject;
    beforeEach(async () => {
      s = await open();
    });
    afterEach(() => s.close());

    it('keeps endpoints per channel, with their secret (sealed at rest where the store has a disk)', async () => {
      await s.store.createEndpoint(endpoint('whk1', { merchantId: 'mer1' }), 'whsec_topsecret');
      await s.store.createEndpoint(endpoint('whk2', { createdAt: T0 + 1 }), 'whsec_other');
      await s.store.createEndpoint(endpoint('whk3', { channelId: 'ch2' }), 'whsec_third');
      expect((await s.store.listEndpoints('ch1')).map((e) => e.id)).toEqual(['whk1', 'whk2']);
      expect(await s.store.getEndpoint('whk1')).toEqual(endpoint('whk1', { merchantId: 'mer1' }));
      expect(await s.store.endpointSecret('whk1')).toBe('whsec_topsecret');
      const stored = await s.storedSecret?.('whk1');
      if (stored !== undefined) expect(stored).not.toContain('topsecret');
      await s.store.setEnabled('whk1', false, T0 + 5);
      expect(await s.store.getEndpoint('whk1')).toMatchObject({ enabled: false, updatedAt: T0 + 5 });
    });

    it('claims the oldest pending delivery of each conversation only, and holds later ones behind a retry', async () => {
      await s.store.createEndpoint(endpoint('whk1'), 'x');
      await s.store.enqueue([delivery('whk1', 'e1', 'convA'), delivery('whk1', 'e2', 'convA'), delivery('whk1', 'e3', 'convB')]);
      const first = await s.store.claimDue(T0, 10);
      expect(first.map((d) => d.eventId)).toEqual(['e1', 'e3']);
      expect(first[0]).toMatchObject({ attempts: 1, status: 'pending', body: '{"id":"e1"}' });
      expect(await s.store.claimDue(T0, 10)).toEqual([]); // leased, and e2 waits behind e1
      const [a, , b] = [first[0]?.id ?? 0, 0, first[1]?.id ?? 0];
      await s.store.finishAttempt(attempt(a, 'retry'), T0 + 5000);
      await s.store.finishAttempt(attempt(b, 'delivered', T0, 200));
      expect(await s.store.claimDue(T0 + 4999, 10)).toEqual([]); // e1 not due yet; e2 still behind it
      const again = await s.store.claimDue(T0 + 5000, 10);
      expect(again.map((d) => [d.eventId, d.attempts])).toEqual([['e1', 2]]);
      await s.store.finishAttempt(attempt(a, 'delivered', T0 + 5000, 204));
      expect((await s.store.claimDue(T0 + 5000, 10)).map((d) => d.eventId)).toEqual(['e2']);
      expect(await s.store.getDelivery(a)).toMatchObject({ status: 'delivered', finishedAt: T0 + 5000, attempts: 2 });
    });

    it('claims a delivery whose lease ran out again (its sender died), and never twice while leased', async () => {
      await s.store.createEndpoint(endpoint('whk1'), 'x');
      await s.store.enqueue([delivery('whk1', 'e1', 'convA')]);
      expect(await s.store.claimDue(T0, 10)).toHaveLength(1);
      expect(await (s.second ?? s.store).claimDue(T0 + WEBHOOK_LEASE_MS - 1, 10)).toEqual([]);
      const taken = await (s.second ?? s.store).claimDue(T0 + WEBHOOK_LEASE_MS, 10);
      expect(taken.map((d) => d.attempts)).toEqual([2]);
    });

    it('never gives one delivery to two claimers claiming at once', async () => {
      await s.store.createEndpoint(endpoint('whk1'), 'x');
      await s.store.enqueue(Array.from({ length: 60 }, (_, i) => delivery('whk1', `e${i}`, `conv${i}`)));
      const other = s.second ?? s.store;
      const claims = await Promise.all([0, 1, 2, 3].map((i) => (i % 2 === 0 ? s.store : other).claimDue(T0, 20)));
      const ids = claims.flat().map((d) => d.eventId);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(60);
      // Finished at once (a busy sender's outcomes): every one recorded.
      await Promise.all(claims.flat().map((d) => s.store.finishAttempt({ ...attempt(d.id, 'delivered', T0, 200), eventId: d.eventId })));
      expect((await s.store.deliveries('whk1', 100)).filter((d) => d.status === 'delivered')).toHaveLength(60);
      expect(await s.store.attempts('whk1', { limit: 100 })).toHaveLength(60);
    });

    it('holds the deliveries of a disabled endpoint until it is enabled', async () => {
      await s.store.createEndpoint(endpoint('whk1'), 'x');
      await s.store.enqueue([delivery('whk1', 'e1', 'convA')]);
      await s.store.setEnabled('whk1', false, T0);
      expect(await s.store.claimDue(T0, 10)).toEqual([]);
      await s.store.setEnabled('whk1', true, T0);
      expect(await s.store.claimDue(T0, 10)).toHaveLength(1);
    });

    it('logs attempts newest first with paging, ignores outcomes of finished deliveries, and deletes with the endpoint', async () => {
      await s.store.createEndpoint(endpoint('whk1'), 'x');
      await s.store.enqueue([delivery('whk1', 'e1', 'e1'), delivery('whk1', 'e2', 'e2')]);
      const [d1, d2] = await s.store.claimDue(T0, 10);
      await s.store.finishAttempt(attempt(d1?.id ?? 0, 'failed', T0 + 1, 410));
      await s.store.finishAttempt(attempt(d1?.id ?? 0, 'delivered', T0 + 2, 200)); // already given up: ignored
      await s.store.finishAttempt(attempt(d2?.id ?? 0, 'delivered', T0 + 3, 200));
      const log = await s.store.attempts('whk1', { limit: 10 });
      expect(log.map((a) => [a.eventId, a.outcome, a.statusCode, a.latencyMs])).toEqual([
        [`evt${d2?.id}`, 'delivered', 200, 12],
        [`evt${d1?.id}`, 'failed', 410, 12],
      ]);
      expect(log[1]).toMatchObject({ error: 'HTTP 410' });
      expect((await s.store.attempts('whk1', { before: log[0]?.id, limit: 10 })).map((a) => a.outcome)).toEqual(['failed']);
      expect((await s.store.deliveries('whk1', 10)).map((d) => [d.eventId, d.status])).toEqual([
        ['e2', 'delivered'],
        ['e1', 'failed'],
      ]);
      await s.store.deleteEndpoint('whk1');
      expect(await s.store.getEndpoint('whk1')).toBeUndefined();
      expect(await s.store.attempts('whk1', { limit: 10 })).toEqual([]);
      expect(await s.store.deliveries('whk1', 10)).toEqual([]);
    });
  });
}
