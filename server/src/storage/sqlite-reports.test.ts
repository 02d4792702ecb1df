// The Reports port: the SQLite adapter on a real file and the in-memory reference, through the shared
// contract (contract/reports-contract.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ReportsSubject, reportsContract } from './contract/reports-contract';
import { InMemoryReports } from '../core/testing/in-memory-reports';
import { InMemoryStore } from '../core/testing/in-memory-store';
import { openDatabase } from './database';
import { SqliteReports } from './sqlite-reports';
import { SqliteUnitOfWork } from './sqlite-unit-of-work';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-reports-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
const subjects: Array<[string, () => ReportsSubject]> = [
  [
    'in-memory',
    () => {
      const store = new InMemoryStore();
      return { uow: store, reports: new InMemoryReports(store), close: () => undefined };
    },
  ],
  [
    'sqlite',
    () => {
      const db = openDatabase(join(dir, `reports-${++files}.db`));
      return { uow: new SqliteUnitOfWork(db), reports: new SqliteReports(db), close: () => db.close() };
    },
  ],
];

describe.each(subjects)('%s Reports', (_name, open) => reportsContract(open));
