import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../database';
import { MigrationError, migrations, runMigrations, type Migration } from './runner';
import { agentLookups } from '../sqlite-scoped-records';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-migrations-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const extra: Migration = { version: migrations.length + 1, name: 'probe', sql: 'CREATE TABLE probe (x INTEGER) STRICT;' };

describe('openDatabase', () => {
  it('opens a file in WAL mode at the latest version', () => {
    const db = openDatabase(join(dir, 'a.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    db.close();
  });

  it('applies only the new steps when reopened with a longer list', () => {
    const file = join(dir, 'b.db');
    openDatabase(file).close();
    const db = openDatabase(file, { migrations: [...migrations, extra] });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length + 1);
    db.prepare('INSERT INTO probe (x) VALUES (1)').run();
    db.close();
  });
});

describe('upgrading a database made by the first step', () => {
  it('adds the engine and channel tables and keeps the stored tokens', () => {
    const file = join(dir, 'v1.db');
    const old = new BetterSqlite3(file);
    runMigrations(old, migrations.slice(0, 1));
    old.prepare("INSERT INTO access_tokens VALUES ('wx1', 'stable', 'T', 1, 2)").run();
    old.close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'access_tokens',
        'agents',
        'channels',
        'conversations',
        'customers',
        'merchants',
        'messages',
        'outbox',
        'routing_settings',
        'skill_groups',
        'storage_meta',
        'work_calendars',
      ]),
    );
    expect(db.prepare('SELECT token FROM access_tokens').get()).toEqual({ token: 'T' });
    db.close();
  });

  it('every port query of the hot path uses an index, not a scan of the table', () => {
    const db = openDatabase(join(dir, 'plan.db'));
    const plan = (sql: string) =>
      db
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all()
        .map((r) => r.detail)
        .join(' / ');
    const queries = [
      "SELECT * FROM customers WHERE channel_id = 'c' AND openid = 'o'",
      "SELECT * FROM conversations WHERE customer_id = 'c' AND merchant_id = '' AND state <> 'ended' ORDER BY created_at DESC, id DESC LIMIT 1",
      "SELECT * FROM conversations WHERE channel_id = 'c' AND merchant_id = '' AND state = 'queued' ORDER BY queued_at, id",
      "SELECT * FROM conversations WHERE channel_id = 'c' AND state <> 'ended' ORDER BY id",
      "SELECT id FROM conversations WHERE channel_id = 'c' AND timer_due_at <= 5 AND state <> 'ended' ORDER BY timer_due_at, id",
      "SELECT * FROM conversations WHERE channel_id = 'c' ORDER BY created_at DESC, id DESC LIMIT 100",
      "SELECT * FROM messages WHERE channel_id = 'c' AND wechat_msg_id = '1'",
      "SELECT * FROM messages WHERE conversation_id = 'c' AND created_at < 5 ORDER BY created_at DESC, id DESC LIMIT 20",
      "SELECT * FROM agents WHERE channel_id = 'c' AND merchant_id = '' ORDER BY id",
      "SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= 5 ORDER BY next_attempt_at, id LIMIT 10",
    ];
    // listByAgent (agent_id, state) sorts its few rows by id in memory: an agent holds a handful.
    for (const sql of queries) {
      const p = plan(sql);
      expect(`${sql} => ${p}`).not.toMatch(/SCAN (customers|conversations|messages|agents|outbox)(?! USING)/);
      expect(`${sql} => ${p}`).not.toMatch(/USE TEMP B-TREE/);
    }
    db.close();
  });
});

describe('the agent lookups of the push path (step 8)', () => {
  it('find an agent by WeChat openid and by name through their expression indexes', () => {
    const db = openDatabase(join(dir, 'agents.db'));
    const plan = (sql: string, ...params: string[]) =>
      db
        .prepare<string[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params)
        .map((r) => r.detail)
        .join(' / ');
    expect(plan(agentLookups.byWechatOpenid, 'c', 'o')).toBe(
      'SEARCH agents USING INDEX agents_by_wechat_openid (channel_id=? AND <expr>=?)',
    );
    expect(plan(agentLookups.byNames, 'c', '', 'a', 'b')).toMatch(
      /^SEARCH agents USING INDEX agents_by_name \(channel_id=\? AND merchant_id=\? AND <expr>=\?\)/,
    );
    db.close();
  });
});

describe('runMigrations', () => {
  it('rejects a list with a gap', () => {
    const db = new BetterSqlite3(':memory:');
    expect(() => runMigrations(db, [{ ...extra, version: 2 }])).toThrow(MigrationError);
  });

  it('refuses a database written by a newer build', () => {
    const db = new BetterSqlite3(':memory:');
    runMigrations(db, [...migrations, extra]);
    expect(() => runMigrations(db, migrations)).toThrow(/version/);
  });

  it('rolls back a failing step and leaves the version unchanged', () => {
    const db = new BetterSqlite3(':memory:');
    const bad: Migration = { ...extra, sql: 'CREATE TABLE ok (x INTEGER); CREATE TABLE broken (' };
    expect(() => runMigrations(db, [...migrations, bad])).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'ok'").get()).toEqual({ n: 0 });
  });
});
