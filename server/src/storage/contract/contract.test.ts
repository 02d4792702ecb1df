// Runs every contract suite against the in-memory fakes tests use (core/testing, storage/testing) and the
// SQLite adapters on a real file, so the two stay interchangeable.
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
import { SqliteTokenStore } from '../sqlite-token-store';
import { SqliteUnitOfWork } from '../sqlite-unit-of-work';
import { inMemoryAuthStores } from '../testing/auth-in-memory';
import { InMemoryChannelStore } from '../testing/in-memory-channel-store';
import { InMemoryOutboxStore } from '../testing/in-memory-outbox-store';
import { InMemoryTokenStore } from '../testing/in-memory-token-store';
import { authStoreContract } from './auth-store-contract';
import { channelStoreContract } from './channel-store-contract';
import { conversationContract } from './conversation-contract';
import type { OpenSubject } from '../testing/contract-fixture';
import { LEASE_MS, outboxStoreContract } from './outbox-store-contract';
import { repositoryContract } from './repository-contract';
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
    close: () => db.close(),
  };
};

describe.each([
  ['in-memory', inMemory],
  ['sqlite', sqlite],
])('%s', (_name, open) => {
  describe('repositories', () => repositoryContract(open));
  describe('conversations', () => conversationContract(open));
  describe('unit of work', () => unitOfWorkContract(open));
  describe('outbox store', () => outboxStoreContract(open));
  describe('auth stores', () => authStoreContract(open));
  describe('channel store', () => channelStoreContract(open));
  describe('token store', () => tokenStoreContract(open));
});
