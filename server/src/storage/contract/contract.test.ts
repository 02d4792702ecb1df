// Runs every contract suite against the in-memory reference (core/testing) and the SQLite adapters on a
// real file, so the two stay interchangeable.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryStore } from '../../core/testing/in-memory-store';
import { openDatabase } from '../database';
import { SqliteOutboxStore } from '../sqlite-outbox';
import { SqliteUnitOfWork } from '../sqlite-unit-of-work';
import { InMemoryOutboxStore } from '../testing/in-memory-outbox-store';
import { conversationContract } from './conversation-contract';
import type { OpenSubject } from './fixtures';
import { LEASE_MS, outboxStoreContract } from './outbox-store-contract';
import { repositoryContract } from './repository-contract';
import { unitOfWorkContract } from './unit-of-work-contract';

const inMemory: OpenSubject = () => {
  const store = new InMemoryStore();
  return { uow: store, outboxStore: new InMemoryOutboxStore(store, LEASE_MS), close: () => undefined };
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-contract-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

const sqlite: OpenSubject = () => {
  const db = openDatabase(join(dir, `contract-${++files}.db`));
  return { uow: new SqliteUnitOfWork(db), outboxStore: new SqliteOutboxStore(db, { leaseMs: LEASE_MS }), close: () => db.close() };
};

describe.each([
  ['in-memory', inMemory],
  ['sqlite', sqlite],
])('%s', (_name, open) => {
  describe('repositories', () => repositoryContract(open));
  describe('conversations', () => conversationContract(open));
  describe('unit of work', () => unitOfWorkContract(open));
  describe('outbox store', () => outboxStoreContract(open));
});
