// The webhook side of a unit of work on SQLite and PostgreSQL: the deliveries a unit's notices mean are
// committed with it, and a unit that fails leaves none behind (nothing is told of a change never made).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeWebhookEvents } from '../app/webhooks/record-webhook-events';
import type { Message } from '../core/model/message';
import type { EngineNotice } from '../core/ports/notifier';
import type { UnitOfWork } from '../core/ports/unit-of-work';
import type { WebhookStore } from '../core/ports/webhook-store';
import { SequentialIds } from '../core/testing/test-doubles';
import { endpoint } from './contract/webhook-store-contract';
import { openDatabase } from './database';
import { PgUnitOfWork } from './postgres/pg-unit-of-work';
import { PgWebhookStore } from './postgres/pg-webhook-store';
import { useMigratedDatabase } from './postgres/testing/test-cluster';
import { SecretBox } from './secret-box';
import { SqliteUnitOfWork } from './sqlite-unit-of-work';
import { SqliteWebhookStore } from './sqlite-webhook-store';

const box = new SecretBox(randomBytes(32));
const said = (text: string): EngineNotice => ({
  type: 'message_added',
  channelId: 'ch1',
  conversationId: 'conv1',
  messageId: text,
  message: { id: text, direction: 'in', content: { type: 'text', text } } as unknown as Message,
});

function outboxBehaviour(open: () => Promise<{ uow: UnitOfWork; store: WebhookStore }>): void {
  it('commits the deliveries with the unit, in order, and leaves none of a failed unit', async () => {
    const { uow, store } = await open();
    await store.createEndpoint(endpoint('whk1'), 'whsec_x');
    await store.createEndpoint(endpoint('whk2', { events: ['conversation.ended'] }), 'whsec_y');
    const ids = new SequentialIds();
    await uow.run((tx) => storeWebhookEvents(tx, [said('one'), said('two')], ids, 5));
    await expect(
      uow.run(async (tx) => {
        await storeWebhookEvents(tx, [said('never')], ids, 6);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const stored = (await store.deliveries('whk1', 10)).reverse();
    expect(stored.map((d) => (JSON.parse(d.body) as { data: { messageId: string } }).data.messageId)).toEqual(['one', 'two']);
    expect(stored.map((d) => d.orderKey)).toEqual(['conv1', 'conv1']);
    expect(await store.deliveries('whk2', 10)).toEqual([]); // not subscribed to message.received
  });

  it('a channel without an enabled endpoint stores nothing and makes no event (no event id is drawn)', async () => {
    const { uow, store } = await open();
    await store.createEndpoint(endpoint('whk3', { channelId: 'ch2', enabled: false }), 'whsec_z');
    const drawn: string[] = [];
    const ids = { next: (kind: Parameters<SequentialIds['next']>[0]) => (drawn.push(kind), new SequentialIds().next(kind)) };
    const onCh2 = { ...said('one'), channelId: 'ch2' };
    await expect(uow.run((tx) => storeWebhookEvents(tx, [onCh2, { ...onCh2, channelId: 'ch3' }], ids, 5))).resolves.toBe(false);
    expect(drawn).toEqual([]);
    expect(await store.deliveries('whk3', 10)).toEqual([]);
  });
}

describe('on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-webhook-outbox-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  outboxBehaviour(async () => {
    const db = openDatabase(join(dir, 'a.db'));
    return { uow: new SqliteUnitOfWork(db), store: new SqliteWebhookStore(db, box) };
  });
});

describe('on PostgreSQL', () => {
  const pg = useMigratedDatabase();
  outboxBehaviour(async () => ({ uow: new PgUnitOfWork(pg.pool()), store: new PgWebhookStore(pg.pool(), box) }));
});
