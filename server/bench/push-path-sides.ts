// Starting and stopping the servers the push-path benchmark measures (no benchmark here), each in a
// process of its own so that the CPU it reads is that server's alone:
// - ours: the bundle of server/src/main.ts, configured by its environment as in production (channels
//   file, first admin, WeChat's API at the stub), then by the REST API: robot-only reception and a small
//   knowledge base, so that every customer message is answered and the answer goes out;
// - ours without the outbox sender (./push-path-no-sender.ts), configured the same way;
// - the baselines (./push-path-baselines.ts): a bare Express route, node-webot's `wechat` middleware.
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CHANNEL } from './push-path-channel';

const ADMIN = { username: 'bench', password: 'bench-password-1' };

export interface Side {
  pid: number;
  /** Ours: its database file (the benchmark only reads it, but to pre-fill it). */
  dbFile?: string;
  /** Where pushes go: ours and the middleware at `${base}/wechat/<format>`, the bare route at `${base}/bare`. */
  base: string;
  /** Ours: pushes not yet routed (inbox) and replies not yet sent (outbox); the others hold nothing. */
  pending(): { inbox: number; outbox: number };
  close(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Whatever happens to the benchmark, no server outlives it. */
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

export function tracked(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM'); // ours stops as main.ts does: loops finish, the database closes (and a CPU profile is written)
  });
}

const nothingPending = () => ({ inbox: 0, outbox: 0 });

/** A baseline (`--bare`, `--webot` or `--node-http`) forked from the benchmark's own bundle. */
export async function startBaseline(benchFile: string, which: '--bare' | '--webot' | '--node-http'): Promise<Side> {
  const child = tracked(fork(benchFile, [which], { stdio: 'inherit' }));
  const port = await new Promise<number>((resolve) => child.once('message', (m) => resolve(m as number)));
  return { pid: child.pid as number, base: `http://127.0.0.1:${port}`, pending: nothingPending, close: () => stopped(child) };
}

export interface OursOptions {
  serverBundle: string;
  benchFile: string;
  wechatApiBaseUrl: string;
  /** false: the composition of `--no-sender` (the outbox sender stopped) instead of main.ts. */
  sender: boolean;
  /** Node options for the server, e.g. --cpu-prof. */
  execArgv?: string[];
}

/** Ours on a fresh data directory, configured, listening; the directory goes when it closes. */
export async function startOurs(o: OursOptions): Promise<Side> {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-push-path-'));
  const channels = (['xml', 'json'] as const).map((format) => ({
    id: format,
    kind: 'miniprogram',
    ...CHANNEL,
    mode: 'secure',
    format,
    tokenSource: 'stable',
  }));
  writeFileSync(join(dir, 'channels.json'), JSON.stringify({ channels }));
  const port = await freePort();
  const env = {
    PATH: process.env.PATH ?? '',
    PORT: String(port),
    DATA_DIR: join(dir, 'data'),
    KEFU_MASTER_KEY: Buffer.alloc(32, 1).toString('base64'),
    KEFU_CHANNELS_FILE: join(dir, 'channels.json'),
    KEFU_ADMIN_USER: ADMIN.username,
    KEFU_ADMIN_PASSWORD: ADMIN.password,
    WECHAT_API_BASE_URL: o.wechatApiBaseUrl,
    NODE_ENV: 'production',
  };
  const stdio: ['ignore', 'ignore', 'inherit', 'ipc'] = ['ignore', 'ignore', 'inherit', 'ipc'];
  const child = tracked(
    o.sender
      ? spawn(process.execPath, [...(o.execArgv ?? []), o.serverBundle], { env, stdio: ['ignore', 'ignore', 'inherit'] })
      : fork(o.benchFile, ['--no-sender'], { env, stdio, execArgv: o.execArgv ?? [] }),
  );
  const base = `http://127.0.0.1:${port}`;
  await healthy(base, child);
  await configureRouting(base);
  const dbFile = join(dir, 'data', 'kefu.db');
  const db = new BetterSqlite3(dbFile, { readonly: true, fileMustExist: true });
  const count = db.prepare(
    "SELECT (SELECT count(*) FROM inbox WHERE state = 'pending') AS inbox, (SELECT count(*) FROM outbox WHERE status = 'pending') AS outbox",
  );
  return {
    pid: child.pid as number,
    dbFile,
    base,
    pending: () => count.get() as { inbox: number; outbox: number },
    close: async () => {
      db.close();
      await stopped(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function healthy(base: string, child: ChildProcess): Promise<void> {
  const until = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    if (
      await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    if (Date.now() > until) throw new Error('the server did not answer /healthz in 30 s');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Robot-only reception and a knowledge base whose entry answers the load's questions (…什么时候发货？). */
export async function configureRouting(base: string): Promise<void> {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const { token } = (await login.json()) as { token: string };
  const call = async (method: string, path: string, body: unknown) => {
    const res = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  };
  for (const channel of ['xml', 'json']) {
    await call('PUT', `/channels/${channel}/settings`, { receptionMode: 'robot_only' });
    await call('POST', `/channels/${channel}/knowledge`, {
      number: 1,
      title: '发货',
      keywords: ['发货', '订单'],
      similarQuestions: ['订单什么时候发货？', '什么时候发货', '我的订单发货了吗'],
      type: 'text',
      text: '下单后 48 小时内发货，订单详情页可查看物流。',
    });
    await call('POST', `/channels/${channel}/knowledge`, {
      number: 2,
      title: '退货',
      keywords: ['退货', '退款'],
      type: 'text',
      text: '退货请在订单详情页点击申请退货。',
    });
  }
}
