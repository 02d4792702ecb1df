// The PostgreSQL migrations on a real server: several nodes starting at once apply each step once.
import { openPool } from '../pool';
import { usePostgres } from '../testing/test-cluster';
import { PgMigrationError, pgMigrations, runPgMigrations } from './runner';

const pg = usePostgres();

describe('PostgreSQL migrations', () => {
  it('two runners started at once on an empty database: one applies every step, the other none', async () => {
    const url = await pg.createDatabase();
    const pools = [openPool(url), openPool(url)];
    try {
      const applied = await Promise.all(pools.map((pool) => runPgMigrations(pool)));
      const all = pgMigrations.map((m) => m.version);
      expect(applied.map((versions) => versions.length).sort()).toEqual([0, all.length]);
      expect(applied.flat()).toEqual(all);
      const { rows } = await pools[0]!.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(all);
      // A later start finds nothing to do.
      await expect(runPgMigrations(pools[1]!)).resolves.toEqual([]);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });

  it('a failing step is rolled back whole and named; the steps before it stay', async () => {
    const pool = openPool(await pg.createDatabase());
    try {
      const broken = [...pgMigrations, { version: pgMigrations.length + 1, name: 'broken', sql: 'CREATE TABLE x (id INT); SELECT nope' }];
      await expect(runPgMigrations(pool, broken)).rejects.toThrow(`migration ${broken.length} "broken" failed`);
      const tables = await pool.query("SELECT 1 FROM pg_tables WHERE tablename = 'x'");
      expect(tables.rowCount).toBe(0);
      await expect(runPgMigrations(pool)).resolves.toEqual([]);
    } finally {
      await pool.end();
    }
  });

  it('refuses a database a newer build migrated', async () => {
    const pool = openPool(await pg.createDatabase());
    try {
      await runPgMigrations(pool);
      await expect(runPgMigrations(pool, pgMigrations.slice(0, 1))).rejects.toThrow(PgMigrationError);
    } finally {
      await pool.end();
    }
  });
});
