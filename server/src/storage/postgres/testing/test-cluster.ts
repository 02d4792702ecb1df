// Test support: a real PostgreSQL for tests. With TEST_DATABASE_URL set (a role allowed to create
// databases), tests use that server; otherwise a throwaway cluster is started in a temporary directory on
// a free loopback port (as the `postgres` user when running as root, since postgres refuses to run as
// root) and removed afterwards. When neither is possible the test FAILS with a message saying how to
// install PostgreSQL: the PostgreSQL tests never skip silently.
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { openPool } from '../pool';
import { runPgMigrations } from '../migrations/runner';

const run = promisify(execFile);

export const INSTALL_HINT =
  'PostgreSQL is required for these tests: install it (Debian: apt-get install -y postgresql) or set ' +
  'TEST_DATABASE_URL=postgres://user:password@host:port/db to a server where that role may create databases.';

/** The newest installed server's bin directory (Debian keeps each major version apart). */
function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (newest === undefined) throw new Error(`No PostgreSQL server found under ${root}. ${INSTALL_HINT}`);
  return join(root, newest, 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const isRoot = () => process.getuid?.() === 0;

/** Runs a server binary, as `postgres` when we are root. */
async function runPg(bin: string, args: string[]): Promise<void> {
  const [file, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  try {
    await run(file, argv, { timeout: 60_000 });
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`${bin} failed: ${e.stderr || e.message}. ${INSTALL_HINT}`);
  }
}

export interface TestCluster {
  /** A URL to a new, empty database of its own. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

async function startThrowaway(): Promise<TestCluster> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'kefu-pg-'));
  if (isRoot())
    chownSync(
      dir,
      Number((await run('id', ['-u', 'postgres'])).stdout.trim()),
      Number((await run('id', ['-g', 'postgres'])).stdout.trim()),
    );
  const data = join(dir, 'data');
  const port = await freePort();
  await runPg(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200`;
  await runPg(join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
  const cluster = fromAdminUrl(`postgres://postgres@127.0.0.1:${port}/postgres`);
  return {
    createDatabase: cluster.createDatabase,
    stop: async () => {
      await runPg(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let databases = 0;

function fromAdminUrl(adminUrl: string): TestCluster {
  const created: string[] = [];
  const admin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: adminUrl });
    try {
      await client.connect();
    } catch (error) {
      throw new Error(`Cannot reach PostgreSQL at ${redact(adminUrl)}: ${(error as Error).message}. ${INSTALL_HINT}`);
    }
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  return {
    createDatabase: async () => {
      const name = `kefu_test_${process.pid}_${Date.now()}_${++databases}`;
      // A language's collation by default, as production databases have, so that nothing relies on the
      // "C" order unless its column asks for it; plain when the server was built without ICU.
      await admin((c) =>
        c
          .query(
            `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LC_COLLATE 'C' LC_CTYPE 'C'`,
          )
          .catch(() => c.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`)),
      );
      created.push(name);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    stop: () =>
      admin(async (c) => {
        for (const name of created.splice(0)) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }),
  };
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

/** TEST_DATABASE_URL's server, or a throwaway cluster; throws (with how to install) when neither works. */
export function startTestCluster(): Promise<TestCluster> {
  const url = process.env.TEST_DATABASE_URL;
  return url ? Promise.resolve(fromAdminUrl(url)) : startThrowaway();
}

/**
 * Registers beforeAll/afterAll in the calling describe: one cluster (or TEST_DATABASE_URL's server) for the
 * file, and `createDatabase()` for a fresh database. Starting fails the tests, never skips them.
 */
export function usePostgres(): { createDatabase(): Promise<string> } {
  let cluster: TestCluster | undefined;
  beforeAll(async () => {
    cluster = await startTestCluster();
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  }, 60_000);
  return {
    createDatabase: () => {
      if (!cluster) throw new Error(`PostgreSQL did not start. ${INSTALL_HINT}`);
      return cluster.createDatabase();
    },
  };
}

/**
 * Registers beforeAll/afterAll in the calling describe: a fresh database for the file, migrated, with a
 * pool on it (ended before the cluster stops). `truncate()` empties every table between tests.
 */
export function useMigratedDatabase(): { pool(): pg.Pool; url(): string; truncate(): Promise<void> } {
  let cluster: TestCluster | undefined;
  let pool: pg.Pool | undefined;
  let url: string | undefined;
  beforeAll(async () => {
    cluster = await startTestCluster();
    url = await cluster.createDatabase();
    pool = openPool(url);
    await runPgMigrations(pool);
  }, 120_000);
  afterAll(async () => {
    await pool?.end();
    await cluster?.stop();
  }, 60_000);
  const ready = () => {
    if (!pool) throw new Error(`PostgreSQL did not start. ${INSTALL_HINT}`);
    return pool;
  };
  return {
    pool: ready,
    url: () => {
      if (!url) throw new Error(`PostgreSQL did not start. ${INSTALL_HINT}`);
      return url;
    },
    truncate: async () => {
      const { rows } = await ready().query<{ name: string }>(
        "SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migrations'",
      );
      await ready().query(`TRUNCATE ${rows.map((r) => r.name).join(', ')}`);
    },
  };
}
