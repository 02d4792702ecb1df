// The quick reply store's contract on all three: in memory, SQLite on a real file, PostgreSQL on a real
// server (a throwaway cluster, postgres/testing).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../database';
import { PgQuickReplyStore } from '../postgres/pg-quick-replies';
import { useMigratedDatabase } from '../postgres/testing/test-cluster';
import { SqliteQuickReplyStore } from '../sqlite-quick-replies';
import { InMemoryQuickReplyStore } from '../testing/in-memory-quick-replies';
import { type OpenQuickReplies, quickReplyStoreContract } from './quick-reply-store-contract';

let dir: string;
const opened: Database[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-quick-replies-'));
});
afterAll(() => {
  for (const db of opened) db.close();
  rmSync(dir, { recursive: true, force: true });
});
let files = 0;

const sqlite: OpenQuickReplies = () => {
  const db = openDatabase(join(dir, `q-${++files}.db`));
  opened.push(db);
  return new SqliteQuickReplyStore(db);
};
const pg = useMigratedDatabase();

const nothing = async (): Promise<void> => undefined;
const subjects: [string, OpenQuickReplies, () => Promise<void>][] = [
  ['in-memory', () => new InMemoryQuickReplyStore(), nothing],
  ['sqlite', sqlite, nothing],
  ['postgresql', () => new PgQuickReplyStore(pg.pool()), () => pg.truncate()],
];
describe.each(subjects)('%s quick reply store', (_name, open, prepare) => {
  beforeEach(prepare);
  quickReplyStoreContract(open);
});
