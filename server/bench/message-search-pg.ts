// The PostgreSQL side of the message search benchmark (`--postgres`): the SQLite file's rows copied into
// a throwaway cluster's database (the tables have the same columns), whose LC_CTYPE is C.UTF-8 so that
// pg_trgm counts Chinese characters as word characters and indexes them, then migrated and measured
// with the product's adapter.
import type { Database } from 'better-sqlite3';
import pg from 'pg';
import { runPgMigrations } from '../src/storage/postgres/migrations/runner';
import { PgConversationSearch } from '../src/storage/postgres/pg-conversation-search';
import { openPool } from '../src/storage/postgres/pool';
import { startTestCluster, type TestCluster } from '../src/storage/postgres/testing/test-cluster';

const BATCH = 5000;

async function createUtf8Database(cluster: TestCluster): Promise<string> {
  const url = new URL(await cluster.createDatabase());
  const name = 'kefu_search_bench';
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'`);
  await admin.end();
  url.pathname = `/${name}`;
  return url.toString();
}

export async function copyTable(db: Database, pool: pg.Pool, table: string): Promise<void> {
  const columns = (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]).filter((c) => c !== 'rowid');
  const select = db.prepare(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY rowid LIMIT ? OFFSET ?`);
  for (let offset = 0; ; offset += BATCH) {
    const rows = select.all(BATCH, offset) as Record<string, unknown>[];
    if (rows.length === 0) return;
    const arrays = columns.map((c) => rows.map((r) => r[c]));
    const casts = columns.map((c, i) => `$${i + 1}::${/_at$/.test(c) ? 'bigint' : 'text'}[]`);
    await pool.query(`INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${casts.join(', ')})`, arrays);
  }
}

/** Copies the SQLite bench database into PostgreSQL; returns the search and a way to stop everything. */
export async function postgresCopy(db: Database): Promise<{ search: PgConversationSearch; stop(): Promise<void> }> {
  const cluster = await startTestCluster();
  const pool = openPool(await createUtf8Database(cluster), { max: 4 });
  await runPgMigrations(pool);
  const started = performance.now();
  for (const table of ['customers', 'conversations', 'messages']) await copyTable(db, pool, table);
  await pool.query('ANALYZE');
  console.log(`copied into PostgreSQL (pg_trgm index built as rows arrive): ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const plan = await pool.query<{ 'QUERY PLAN': string }>(
    "EXPLAIN SELECT 1 FROM messages m WHERE message_search_text(m.data) ILIKE '%发票抬头%'",
  );
  console.log(`plan of a 4-character word: ${plan.rows.map((r) => r['QUERY PLAN'].trim()).join(' / ')}`);
  return {
    search: new PgConversationSearch(pool),
    stop: async () => {
      await pool.end();
      await cluster.stop();
    },
  };
}
