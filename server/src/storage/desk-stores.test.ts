// Notes, tags and conversation search through one contract (contract/desk-contract.ts) on the in-memory
// reference, SQLite on a real file and PostgreSQL on a real server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryConversationSearch } from '../core/testing/in-memory-search';
import { InMemoryStore } from '../core/testing/in-memory-store';
import { type DeskSubject, deskContract } from './contract/desk-contract';
import { openDatabase } from './database';
import { PgConversationSearch } from './postgres/pg-conversation-search';
import { PgUnitOfWork } from './postgres/pg-unit-of-work';
import { useMigratedDatabase } from './postgres/testing/test-cluster';
import { SqliteConversationSearch } from './sqlite-conversation-search';
import { SqliteUnitOfWork } from './sqlite-unit-of-work';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-desk-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

const pg = useMigratedDatabase();

const subjects: Array<[string, () => DeskSubject, () => Promise<void>]> = [
  [
    'in-memory',
    () => {
      const store = new InMemoryStore();
      return { uow: store, search: new InMemoryConversationSearch(store), close: () => undefined };
    },
    async () => undefined,
  ],
  [
    'sqlite',
    () => {
      const db = openDatabase(join(dir, `desk-${++files}.db`));
      return { uow: new SqliteUnitOfWork(db), search: new SqliteConversationSearch(db), close: () => db.close() };
    },
    async () => undefined,
  ],
  [
    'postgresql',
    () => ({ uow: new PgUnitOfWork(pg.pool()), search: new PgConversationSearch(pg.pool()), close: () => undefined }),
    () => pg.truncate(),
  ],
];

describe.each(subjects)('%s notes, tags and search', (_name, open, prepare) => {
  beforeEach(prepare);
  deskContract(open);
});
