// Starting the servers the push-path-cluster benchmark measures (no benchmark here): one SQLite node as
// push-path starts it, or N nodes of ours sharing one fresh PostgreSQL database (DATABASE_URL), each a
// process of its own with its own name (KEFU_NODE_NAME), behind the loopback balancer when N > 1 (run as
// its own process too, scripts/balancer.mjs: its CPU is neither the nodes' nor the benchmark's).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { CHANNEL } from './push-path-channel';
import { configureRouting, freePort, healthy, startOurs, stopped, tracked } from './push-path-sides';

export interface Nodes {
  /** Every node's process id (the CPU column sums over them). */
  pids: number[];
  /** Where pushes go: the node, or the balancer in front of the nodes. */
  base: string;
  /** Pushes not yet routed (inbox) and replies not yet sent (outbox), over every node. */
  pending(): Promise<{ inbox: number; outbox: number }>;
  /** PostgreSQL nodes: the shared database, for the kill part's counts. */
  pool?: pg.Pool;
  /** Kills one node at once (SIGKILL), as a crash does; returns when it is gone. */
  kill(index: number): Promise<void>;
  close(): Promise<void>;
}

export interface StartOptions {
  serverBundle: string;
  benchFile: string;
  wechatApiBaseUrl: string;
}

export async function startSqliteNode(o: StartOptions): Promise<Nodes> {
  const side = await startOurs({ ...o, sender: true });
  return {
    pids: [side.pid],
    base: side.base,
    pending: async () => side.pending(),
    kill: () => Promise.reject(new Error('the SQLite node is not killed here')),
    close: () => side.close(),
  };
}

function writeChannels(dir: string): string {
  const channels = (['xml', 'json'] as const).map((format) => ({
    id: format,
    kind: 'miniprogram',
    ...CHANNEL,
    mode: 'secure',
    format,
    tokenSource: 'stable',
  }));
  const file = join(dir, 'channels.json');
  writeFileSync(file, JSON.stringify({ channels }));
  return file;
}

async function startPgNode(
  o: StartOptions,
  dir: string,
  databaseUrl: string,
  name: string,
): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const env = {
    PATH: process.env.PATH ?? '',
    PORT: String(port),
    DATA_DIR: join(dir, name),
    DATABASE_URL: databaseUrl,
    KEFU_NODE_NAME: name,
    KEFU_MASTER_KEY: Buffer.alloc(32, 1).toString('base64'),
    KEFU_CHANNELS_FILE: join(dir, 'channels.json'),
    KEFU_ADMIN_USER: 'bench',
    KEFU_ADMIN_PASSWORD: 'bench-password-1',
    WECHAT_API_BASE_URL: o.wechatApiBaseUrl,
    NODE_ENV: 'production',
  };
  const child = tracked(spawn(process.execPath, [o.serverBundle], { env, stdio: ['ignore', 'ignore', 'inherit'] }));
  await healthy(`http://127.0.0.1:${port}`, child);
  return { child, port };
}

/** scripts/balancer.mjs in front of `ports`, on a free port it names when it listens. */
async function startBalancer(ports: number[]): Promise<{ port: number; close(): Promise<void> }> {
  const upstreams = ports.flatMap((p) => ['--upstream', String(p)]);
  const child = tracked(
    spawn(process.execPath, [join(__dirname, '../../scripts/balancer.mjs'), '--port', '0', ...upstreams], {
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const port = /127\.0\.0\.1:(\d+)/.exec(out)?.[1];
      if (port) resolve(Number(port));
    });
    child.once('exit', (code) => reject(new Error(`the balancer exited with ${code}`)));
  });
  return { port, close: () => stopped(child) };
}

/** `count` nodes on `databaseUrl` (a fresh database): the first migrates and seeds, then the others start. */
export async function startPgNodes(o: StartOptions, databaseUrl: string, count: number): Promise<Nodes> {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-push-cluster-'));
  writeChannels(dir);
  const nodes: Array<{ child: ChildProcess; port: number }> = [];
  for (let i = 0; i < count; i++) nodes.push(await startPgNode(o, dir, databaseUrl, `node-${i + 1}`));
  await configureRouting(`http://127.0.0.1:${(nodes[0] as { port: number }).port}`);
  const balancer = count > 1 ? await startBalancer(nodes.map((n) => n.port)) : undefined;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  return {
    pids: nodes.map((n) => n.child.pid as number),
    base: `http://127.0.0.1:${balancer ? balancer.port : (nodes[0] as { port: number }).port}`,
    pool,
    pending: async () => {
      const { rows } = await pool.query<{ inbox: number; outbox: number }>(
        "SELECT (SELECT count(*) FROM inbox WHERE state = 'pending')::int AS inbox, (SELECT count(*) FROM outbox WHERE status = 'pending')::int AS outbox",
      );
      return rows[0] as { inbox: number; outbox: number };
    },
    kill: async (index) => {
      const child = (nodes[index] as { child: ChildProcess }).child;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await gone;
    },
    close: async () => {
      await balancer?.close();
      await Promise.all(nodes.map((n) => stopped(n.child)));
      await pool.end();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
