// Runs every contract suite against the in-memory fakes tests use (core/testing, storage/testing), the
// SQLite adapters on a real file and the PostgreSQL adapters on a real server (postgres/testing starts a
// throwaway cluster, or uses TEST_DATABASE_URL; it fails, never skips, without PostgreSQL), so all three
// stay interchangeable.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryStore } from '../../core/testing/in-memory-store';
import { sqliteAuthStores } from '../auth-sqlite';
import { openDatabase } from '../database';
import { SecretBox } from '../secret-box';
import { SqliteChannelStore } from '../sqlite-channel-store';
import { SqliteOutboxStore } from '../sqlite-outbox';
import { SqlitePlatformStore } from '../sqlite-platform-store';
import { SqliteTokenStore } from '../sqlite-token-store';
import { SqliteUnitOfWork } from '../sqlite-unit-of-work';
import { pgAuthStores } from '../postgres/pg-auth';
import { PgChannelStore } from '../postgres/pg-channel-store';
import { PgOutboxStore } from '../postgres/pg-outbox';
import { PgPlatformStore } from '../postgres/pg-platform-store';
import { PgTokenStore } from '../postgres/pg-token-store';
import { PgUnitOfWork } from '../postgres/pg-unit-of-work';
import { useMigratedDatabase } from '../postgres/testing/test-cluster';
import { inMemoryAuthStores } from '../testing/auth-in-memory';
import { InMemoryChannelStore } from '../testing/in-memory-channel-store';
import { InMemoryOutboxStore } from '../testing/in-memory-outbox-store';
import { InMemoryPlatformStore } from '../testing/in-memory-platform-store';
import { InMemoryTokenStore } from '../testing/in-memory-token-store';
import { archiveContract } from './archive-contract';
import { authStoreContract } from './auth-store-contract';
import { channelStoreContract } from './channel-store-contract';
import { conversationContract } from './conversation-contract';
import type { OpenSubject } from '../testing/contract-fixture';
import { LEASE_MS, outboxStoreContract } from './outbox-store-contract';
import { platformStoreContract } from './platform-store-contract';
import { repositoryContract } from './repository-contract';
import { timerDueContract } from './timer-due-contract';
import { tokenStoreContract } from './token-store-contract';
import { unitOfWorkContract } from './unit-of-work-contract';

const inMemory: OpenSubject = () => {
  const store = new InMemoryStore();
  return {
    uow: store,
    outboxStore: new InMemoryOutboxStore(store, LEASE_MS),
    auth: inMemoryAuthStores(),
    channels: new InMemoryChannelStore(),
    tokens: new InMemoryTokenStore(),
    platform: new InMemoryPlatformStore(),
    close: () => undefined,
  };
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-contract-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const MASTER_KEY = randomBytes(32);

const sqlite: OpenSubject = () => {
  const db = openDatabase(join(dir, `contract-${++files}.db`));
  return {
    uow: new SqliteUnitOfWork(db),
    outboxStore: new SqliteOutboxStore(db, { leaseMs: LEASE_MS }),
    auth: sqliteAuthStores(db),
    channels: new SqliteChannelStore(db, new SecretBox(MASTER_KEY)),
    tokens: new SqliteTokenStore(db),
    platform: new SqlitePlatformStore(db, new SecretBox(MASTER_KEY)),
    close: () => db.close(),
  };
};

// One migrated database for the file, emptied before each test.
const pg = useMigratedDatabase();

const postgres: OpenSubject = () => ({
  uow: new PgUnitOfWork(pg.pool()),
  outboxStore: new PgOutboxStore(pg.pool(), { leaseMs: LEASE_MS }),
  auth: pgAuthStores(pg.pool()),
  channels: new PgChannelStore(pg.pool(), new SecretBox(MASTER_KEY)),
  tokens: new PgTokenStore(pg.pool()),
  platform: new PgPlatformStore(pg.pool(), new SecretBox(MASTER_KEY)),
  close: () => undefined,
});

const nothingToPrepare = async () => undefined;

describe.each([
  ['in-memory', inMemory, nothingToPrepare],
  ['sqlite', sqlite, nothingToPrepare],
  ['postgresql', postgres, () => pg.truncate()],
])('%s', (_name, open, prepare) => {
  beforeEach(prepare);
  describe('repositories', () => repositoryContract(open));
  describe('conversations', () => conversationContract(open));
  describe('timer sweep', () => timerDueContract(open));
  describe('unit of work', () => unitOfWorkContract(open));
  describe('outbox store', () => outboxStoreContract(open));
  describe('auth stores', () => authStoreContract(open));
  describe('channel store', () => channelStoreContract(open));
  describe('token store', () => tokenStoreContract(open));
  describe('platform store', () => platformStoreContract(open));
  describe('archive and delete', () => archiveContract(open));
});
