// The Reports port: the SQLite adapter on a real file and the in-memory reference, through the shared
// contract (contract/reports-contract.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportFactsContract } from './contract/report-facts-contract';
import { type ReportsSubject, reportsContract } from './contract/reports-contract';
import { InMemoryReports } from '../core/testing/in-memory-reports';
import { InMemoryStore } from '../core/testing/in-memory-store';
import { openDatabase } from './database';
import { factsSql } from './sqlite-report-facts';
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
describe.each(subjects)('%s Reports: the range reports’ facts', (_name, open) => reportFactsContract(open));

describe('the range reports’ facts query', () => {
  it('reads messages only through indexes, never a scan', () => {
    const db = openDatabase(join(dir, `plan-${++files}.db`));
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${factsSql('c.channel_id = @channel AND c.created_at >= @from AND c.created_at < @to')}`)
      .all({ channel: 'ch1', from: 0, to: 1 }) as { detail: string }[];
    db.close();
    const details = plan.map((p) => p.detail);
    // The history is the row's own JSON (json_each over one column value), not a table.
    expect(details.filter((d) => d.startsWith('SCAN') && !d.startsWith('SCAN h VIRTUAL TABLE'))).toEqual([]);
    expect(details.filter((d) => d.includes('messages_by_sender')).length).toBeGreaterThanOrEqual(4);
    expect(details.some((d) => d.includes('messages_failed'))).toBe(true);
    expect(details.some((d) => d.includes('conversations_by_channel'))).toBe(true);
  });
});
