// The connection pool every PostgreSQL adapter shares. BIGINT columns hold millisecond instants and
// counters, well inside Number's safe range, so they come back as numbers (pg's default is strings);
// the parser is set on this pool only, never globally.
import { createHash } from 'node:crypto';
import pg from 'pg';

/** What an adapter needs to run SQL: the pool itself, or one client inside a transaction. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

export interface PoolOptions {
  /** Connections this node may hold (default 10): mind the server's max_connections across nodes. */
  max?: number;
  /** Shown in pg_stat_activity, e.g. the node's name. */
  applicationName?: string;
}

const INT8 = 20;

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export function openPool(url: string, options: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    types,
    ...(options.applicationName !== undefined && { application_name: options.applicationName }),
  });
  // An idle client whose server connection dies emits 'error' on the pool; unhandled it would end the
  // process. The next query gets a fresh connection, so noting it is enough.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * Statement names by text; the texts are the adapters' constants (and the few shapes of a unit's held
 * writes), so the map stays small. Long texts (a whole batch's writes, pg-write-behind.ts) are rarely
 * the same twice: they are not prepared, or each connection would keep hundreds of them.
 */
const names = new Map<string, string>();
const MAX_NAMES = 2000;
const MAX_PREPARED_LENGTH = 4000;

function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMES && text.length <= MAX_PREPARED_LENGTH) {
    name = `k${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * The client's queries as named prepared statements: each text is parsed and planned once per
 * connection instead of on every call (the name is derived from the text, so one name never means two
 * statements). For the unit of work's statements, which run thousands of times on each connection.
 */
export function prepared(client: pg.ClientBase): Queryable {
  return {
    query: <R extends pg.QueryResultRow>(text: string, values?: unknown[]) => {
      const name = statementName(text);
      return client.query<R>(name === undefined ? { text, values: values ?? [] } : { name, text, values: values ?? [] });
    },
  };
}

/** Runs `work` on one client of the pool and gives the client back, whatever happens. */
export async function withClient<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await work(client);
  } finally {
    client.release();
  }
}

/** Runs `work` in one transaction (READ COMMITTED) on one client: committed when it resolves, rolled back when it throws. */
export function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return withClient(pool, async (client) => {
    await client.query('BEGIN');
    try {
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  });
}
