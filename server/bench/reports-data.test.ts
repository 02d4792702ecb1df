// The reports benchmark's data is what it claims to be: every kind of conversation in its share, within
// the 30 days, and the product's report reads it as such (checked on 2,000 messages).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRangeReport } from '../src/app/read-range-report';
import { openDatabase } from '../src/storage/database';
import { SqliteReports } from '../src/storage/sqlite-reports';
import { SqliteUnitOfWork } from '../src/storage/sqlite-unit-of-work';
import { CHANNEL, fill } from './reports-data';

it('stores conversations of every kind over 30 days, which the report counts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-reports-data-'));
  const db = openDatabase(join(dir, 'data.db'));
  try {
    fill(db, 2000, Date.parse('2026-02-28T16:00:00Z'), 30);
    expect(db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(2000);
    const deps = { uow: new SqliteUnitOfWork(db), reports: new SqliteReports(db), defaultTimeZone: 'Asia/Shanghai' };
    const r = await readRangeReport(deps, { channelId: CHANNEL }, { from: '2026-03-01', to: '2026-03-30' });
    expect(r.days).toHaveLength(30);
    expect(r.days.every((d) => d.conversations > 0)).toBe(true);
    expect(r.totals).toMatchObject({
      conversations: 200,
      robotOnly: 10,
      byPerson: 190, // the left messages were answered by a person too
      leftMessages: { count: 10, answered: 10 },
      transfers: { steps: 20, conversations: 20 },
      windowRefusals: 20,
      endReasons: { robot_idle: 10 },
    });
    expect(r.totals.firstResponseMs.count).toBe(190);
    expect(r.totals.csat.rated).toBeGreaterThan(50);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
