// The WebhookStore contract on the in-memory store, SQLite on a real file (two connections: a restarted
// process) and PostgreSQL on a real server (two pools: two nodes).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../database';
import { openPool } from '../postgres/pool';
import { PgWebhookStore } from '../postgres/pg-webhook-store';
import { useMigratedDatabase } from '../postgres/testing/test-cluster';
import { SecretBox } from '../secret-box';
import { SqliteWebhookStore } from '../sqlite-webhook-store';
import { InMemoryWebhookStore } from '../testing/in-memory-webhook-store';
import { WEBHOOK_LEASE_MS, webhookStoreContract } from './webhook-store-contract';

const box = new SecretBox(randomBytes(32));

webhookStoreContract('in memory', () => ({ store: new InMemoryWebhookStore(WEBHOOK_LEASE_MS), close: () => undefined }));

describe('on SQLite', () => {
  let dir: string;
  let n = 0;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kefu-webhooks-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  webhookStoreContract('SQLite', () => {
    const file = join(dir, `w${++n}.db`);
    const db = openDatabase(file);
    const other = openDatabase(file);
    return {
      store: new SqliteWebhookStore(db, box, WEBHOOK_LEASE_MS),
      second: new SqliteWebhookStore(other, box, WEBHOOK_LEASE_MS),
      storedSecret: async (id) => (db.prepare('SELECT secret FROM webhook_endpoints WHERE id = ?').get(id) as { secret: string }).secret,
      close: () => {
        other.close();
        db.close();
      },
    };
  });
});

describe('on PostgreSQL', () => {
  const pg = useMigratedDatabase();
  webhookStoreContract('PostgreSQL', async () => {
    await pg.truncate();
    const otherNode = openPool(pg.url());
    return {
      store: new PgWebhookStore(pg.pool(), box, WEBHOOK_LEASE_MS),
      second: new PgWebhookStore(otherNode, box, WEBHOOK_LEASE_MS),
      storedSecret: async (id) =>
        (await pg.pool().query<{ secret: string }>('SELECT secret FROM webhook_endpoints WHERE id = $1', [id])).rows[0]?.secret,
      close: () => otherNode.end(),
    };
  });
});
