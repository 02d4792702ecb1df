import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from './database';
import { MigrationError, migrations, runMigrations, type Migration } from './migrations';

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
