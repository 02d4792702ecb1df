// A channel's webhook endpoints are read once per PostgreSQL transaction, not once per unit: every unit
// that tells of a change (nearly every routed push) asks for them, and a batch of pushes is one
// transaction. Another transaction, on this node or another, reads them afresh.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { WebhookEndpoint } from '../../core/ports/webhook-store';
import { SecretBox } from '../secret-box';
import { CH } from '../testing/contract-fixture';
import { PgUnitOfWork } from './pg-unit-of-work';
import { PgWebhookStore } from './pg-webhook-store';
import { openPool } from './pool';
import { useMigratedDatabase } from './testing/test-cluster';

const db = useMigratedDatabase();
let pool: pg.Pool;
beforeEach(async () => {
  await db.truncate();
  pool = openPool(db.url());
});
afterEach(() => pool.end());

const endpoint = (id: string, createdAt: number): WebhookEndpoint => ({
  id,
  channelId: CH,
  url: `https://hooks.example.com/${id}`,
  events: ['message.received'],
  enabled: true,
  secretHint: 'abcd',
  createdAt,
  updatedAt: createdAt,
});

/** The endpoint ids each unit of one batch saw, and how many times the endpoints were read. */
async function batchOfThree(uow: PgUnitOfWork): Promise<{ seen: string[][]; reads: number }> {
  const spy = jest.spyOn(pg.Client.prototype, 'query');
  try {
    const seen = await uow.batch(async (scoped) => {
      const out: string[][] = [];
      for (let i = 0; i < 3; i++) out.push(await scoped.run(async (tx) => (await tx.webhooks?.endpointsOf(CH))?.map((e) => e.id) ?? []));
      return out;
    });
    const reads = spy.mock.calls.filter(([text]) =>
      String(typeof text === 'string' ? text : (text as { text?: string }).text).includes('FROM webhook_endpoints'),
    );
    return { seen, reads: reads.length };
  } finally {
    spy.mockRestore();
  }
}

describe('webhook endpoints inside PostgreSQL units', () => {
  it('are read once per transaction however many of its units ask, and afresh by the next', async () => {
    const store = new PgWebhookStore(pool, new SecretBox(randomBytes(32)));
    const uow = new PgUnitOfWork(pool);
    await store.createEndpoint(endpoint('e1', 1), 'secret-1');
    expect(await batchOfThree(uow)).toEqual({ seen: [['e1'], ['e1'], ['e1']], reads: 1 }); // was 3
    await store.createEndpoint(endpoint('e2', 2), 'secret-2');
    expect(await batchOfThree(uow)).toEqual({
      seen: [
        ['e1', 'e2'],
        ['e1', 'e2'],
        ['e1', 'e2'],
      ],
      reads: 1,
    });
  });
});
