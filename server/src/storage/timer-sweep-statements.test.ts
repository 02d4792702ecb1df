// What a timer sweep costs on SQLite with 1,000 open conversations whose timers are not due: one unit
// and one indexed query (the open conversations were each a unit of about four statements, every tick),
// and, once their timers fall due, a unit per conversation fired. Counted with better-sqlite3's
// `verbose` hook and a unit of work that counts its units.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { messageInItsUnit, textPush } from '../app/testing/engine-fixture';
import type { EngineDeps } from '../app/support/engine-deps';
import { tickTimers } from '../app/tick-timers';
import type { UnitOfWork } from '../core/ports/unit-of-work';
import { ManualClock, RecordingNotifier, ScriptedRobot, SequentialIds } from '../core/testing/test-doubles';
import { runMigrations } from './migrations/runner';
import { SqliteUnitOfWork } from './sqlite-unit-of-work';

const CH = 'ch1';
const OPEN = 1000;
let db: Database;
let executed: string[] = [];
let units = 0;
let deps: EngineDeps;
let clock: ManualClock;

beforeEach(async () => {
  db = new BetterSqlite3(':memory:', { verbose: (sql) => executed.push(String(sql)) });
  runMigrations(db);
  const inner = new SqliteUnitOfWork(db);
  const counted: UnitOfWork = { run: (work) => (units++, inner.run(work)) };
  clock = new ManualClock();
  deps = { uow: counted, clock, ids: new SequentialIds(), notifier: new RecordingNotifier(), robot: new ScriptedRobot() };
  await inner.run((tx) => tx.settings.save(CH, undefined, { receptionMode: 'robot_only', robotIdleMinutes: 30 }));
  for (let i = 0; i < OPEN; i++)
    await messageInItsUnit(deps, { channelId: CH, channelKind: 'miniprogram', push: textPush(`o${i}`, '你好') });
});
afterEach(() => db.close());

async function sweep(): Promise<{ units: number; statements: number; fired: number }> {
  executed = [];
  units = 0;
  const fired = await tickTimers(deps, { channelId: CH });
  return { units, statements: executed.length, fired: fired.length };
}

describe('a timer sweep over 1,000 open conversations', () => {
  it('is one unit of one query while no timer is due', async () => {
    clock.advanceMinutes(29);
    // BEGIN, PRAGMA data_version, the due conversations' ids, COMMIT. Sweeping every open conversation
    // was 1,001 units and 4,004 statements.
    expect(await sweep()).toEqual({ units: 1, statements: 4, fired: 0 });
    expect(executed.filter((sql) => sql.startsWith('SELECT id FROM conversations WHERE channel_id = '))).toHaveLength(1);
  });

  it('opens a unit for each conversation whose timer has come, and none for the others', async () => {
    clock.advanceMinutes(10);
    await messageInItsUnit(deps, { channelId: CH, channelKind: 'miniprogram', push: textPush('o0', '还在吗') });
    clock.advanceMinutes(20);
    expect(await sweep()).toMatchObject({ units: OPEN, fired: OPEN - 1 });
    expect(await sweep()).toEqual({ units: 1, statements: 4, fired: 0 });
  });
});
