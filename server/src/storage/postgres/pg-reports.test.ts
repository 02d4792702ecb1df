// The Reports port on PostgreSQL, through the contract the SQLite adapter and the in-memory reference pass.
import { reportFactsContract } from '../contract/report-facts-contract';
import { reportsContract } from '../contract/reports-contract';
import { pgFactsSql } from './pg-report-facts';
import { PgReports } from './pg-reports';
import { PgUnitOfWork } from './pg-unit-of-work';
import { useMigratedDatabase } from './testing/test-cluster';

const db = useMigratedDatabase();
beforeEach(() => db.truncate());

describe('postgresql Reports', () =>
  reportsContract(() => ({ uow: new PgUnitOfWork(db.pool()), reports: new PgReports(db.pool()), close: () => undefined })));

describe('postgresql Reports: the range reports’ facts', () =>
  reportFactsContract(() => ({ uow: new PgUnitOfWork(db.pool()), reports: new PgReports(db.pool()), close: () => undefined })));

describe('the range reports’ facts query on PostgreSQL', () => {
  it('can read messages through indexes only (step 15’s), never a scan of every message', async () => {
    const client = await db.pool().connect();
    try {
      // An empty table makes a scan the cheapest plan; what matters is that an index serves each lookup.
      await client.query('SET enable_seqscan = off');
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN ${pgFactsSql('c.channel_id = $1 AND c.created_at >= $2 AND c.created_at < $3')}`,
        ['ch1', 0, 1],
      );
      const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(plan).not.toMatch(/Seq Scan on messages/);
      expect(plan).toMatch(/messages_by_sender/);
      expect(plan).toMatch(/messages_failed/);
    } finally {
      await client.query('RESET enable_seqscan');
      client.release();
    }
  });
});
