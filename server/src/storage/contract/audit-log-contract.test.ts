// The audit log's contract on all three: in memory, SQLite on a real file, PostgreSQL on a real server
// (a throwaway cluster, postgres/testing).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { InMemoryStore } from '../../core/testing/in-memory-store';
import { openDatabase } from '../database';
import { PgAuditLog } from '../postgres/pg-audit-log';
import { PgUnitOfWork } from '../postgres/pg-unit-of-work';
import { useMigratedDatabase } from '../postgres/testing/test-cluster';
import { SqliteAuditLog } from '../sqlite-audit-log';
import { SqliteUnitOfWork } from '../sqlite-unit-of-work';
import { InMemoryAuditLog } from '../testing/in-memory-audit-log';
import { type OpenAudit, auditLogContract } from './audit-log-contract';

let dir: string;
const opened: Database[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-audit-'));
});
afterAll(() => {
  for (const db of opened) db.close();
  rmSync(dir, { recursive: true, force: true });
});
let files = 0;

const memory: OpenAudit = () => {
  const uow = new InMemoryStore();
  return { uow, log: new InMemoryAuditLog(() => uow.data.audit) };
};
const sqlite: OpenAudit = () => {
  const db = openDatabase(join(dir, `a-${++files}.db`));
  opened.push(db);
  return { log: new SqliteAuditLog(db), uow: new SqliteUnitOfWork(db) };
};
const pg = useMigratedDatabase();

const nothing = async (): Promise<void> => undefined;
const subjects: [string, OpenAudit, () => Promise<void>][] = [
  ['in-memory', memory, nothing],
  ['sqlite', sqlite, nothing],
  ['postgresql', () => ({ log: new PgAuditLog(pg.pool()), uow: new PgUnitOfWork(pg.pool()) }), () => pg.truncate()],
];
describe.each(subjects)('%s audit log', (_name, open, prepare) => {
  beforeEach(prepare);
  auditLogContract(open);
});
