// Test support for the two-node tests (no tests here): two server processes (the bundle main.ts becomes)
// on one PostgreSQL database, the loopback balancer (scripts/balancer.mjs) in front of them, and the WeChat
// emulator as a server of its own whose pushes go to the balancer. A test reaches a node through the
// balancer or directly, kills one, and reads the database to check what was stored.
//   const processes = await prepareServerProcesses('kefu-two-');   // once per file: bundles main.ts
//   const cluster = await startTwoNodes(processes, await pg.createDatabase());
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type pg from 'pg';
import { type Balancer, startBalancer } from '../../../../scripts/balancer.mjs';
import { startTestEmulator, type TestEmulator } from '../../emulator/testing/test-emulator';
import { openPool } from '../../storage/postgres/pool';
import type { PushTarget } from '../../wechat/push-client/index';
import { freePort, healthy, type ServerProcesses, SECURE_CHANNEL } from './server-process';
import { eventually, MASTER_KEY } from './stack';

const root = join(__dirname, '../../../..');
export const ADMIN = { username: 'admin', password: 'admin-password-1' };

export interface ServerNode {
  name: string;
  port: number;
  url: string;
  process: ChildProcess;
}

export interface TwoNodes {
  emulator: TestEmulator;
  balancer: Balancer;
  /** The balancer's URL: what WeChat and the workbench reach. */
  baseUrl: string;
  nodes: [ServerNode, ServerNode];
  /** The channel's push URL through the balancer, or on one node (`base`: that node's URL). */
  target(base?: string): PushTarget;
  /** The database both nodes use, for the test's own reads. */
  db: pg.Pool;
  /** An admin API call through the balancer, or straight to one node (`base`). */
  api<T = unknown>(method: string, path: string, body?: unknown, base?: string): Promise<{ status: number; body: T }>;
  /** A login's token (the admin's by default), taken through the balancer. */
  login(username?: string, password?: string): Promise<string>;
  /** What WeChat (the emulator) delivered to `openid`, oldest first: texts, or `[msgtype]`. */
  delivered(openid: string): string[];
  /** Successful access-token fetches the emulator answered for the channel's app. */
  tokenFetches(): number;
  close(): Promise<void>;
}

export interface TwoNodesOptions {
  /** KEFU_TEST_CLOCK=1 on both nodes (each node's clock is moved over its own /testing/clock). */
  testClock?: boolean;
}

function startNode(processes: ServerProcesses, name: string, port: number, env: Record<string, string>): ServerNode {
  const child = spawn(process.execPath, [join(processes.dir, 'server.cjs')], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_PATH: join(root, 'node_modules'),
      PORT: String(port),
      DATA_DIR: join(processes.dir, `data-${name}`),
      KEFU_NODE_NAME: name,
      KEFU_MASTER_KEY: MASTER_KEY,
      KEFU_CHANNELS_FILE: join(processes.dir, 'channels.json'),
      KEFU_ADMIN_USER: ADMIN.username,
      KEFU_ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'error',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { name, port, url: `http://127.0.0.1:${port}`, process: child };
}

/** Starts the emulator, node A, then node B (A migrates and seeds first), then the balancer in front. */
export async function startTwoNodes(processes: ServerProcesses, databaseUrl: string, options: TwoNodesOptions = {}): Promise<TwoNodes> {
  const emulator = await startTestEmulator();
  const env = {
    DATABASE_URL: databaseUrl,
    WECHAT_API_BASE_URL: emulator.apiUrl,
    ...(options.testClock && { KEFU_TEST_CLOCK: '1' }),
  };
  const nodes: ServerNode[] = [];
  for (const name of ['node-a', 'node-b']) {
    const node = startNode(processes, name, await freePort(), env);
    nodes.push(node);
    await eventually(healthy(node.port), 30_000);
  }
  const balancer = await startBalancer({ upstreams: nodes.map((n) => n.port) });
  const baseUrl = `http://127.0.0.1:${balancer.port}`;
  const target = (base = baseUrl): PushTarget => ({
    url: `${base}/wechat/${SECURE_CHANNEL.id}`,
    token: SECURE_CHANNEL.token,
    appId: SECURE_CHANNEL.appId,
    originalId: SECURE_CHANNEL.originalId,
    encodingAesKey: SECURE_CHANNEL.encodingAesKey,
    mode: 'secure',
    format: 'xml',
  });
  await emulator.admin('/apps', {
    appId: SECURE_CHANNEL.appId,
    secret: SECURE_CHANNEL.appSecret,
    kind: 'miniprogram',
    originalId: SECURE_CHANNEL.originalId,
    pushUrl: target().url,
    token: SECURE_CHANNEL.token,
    encodingAesKey: SECURE_CHANNEL.encodingAesKey,
    mode: 'secure',
    format: 'xml',
  });
  const db = openPool(databaseUrl);
  const login = async (username = ADMIN.username, password = ADMIN.password) => {
    const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (!res.ok) throw new Error(`login ${username}: HTTP ${res.status} ${await res.text()}`);
    return ((await res.json()) as { token: string }).token;
  };
  let session: string | undefined;
  const api = async <T>(method: string, path: string, body?: unknown, base = baseUrl) => {
    session ??= await login();
    const res = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${session}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (res.status === 204 ? undefined : await res.json()) as T };
  };
  return {
    emulator,
    balancer,
    baseUrl,
    nodes: nodes as [ServerNode, ServerNode],
    target,
    db,
    api,
    login,
    delivered: (openid) =>
      emulator.state.recorder
        .sentMessages(SECURE_CHANNEL.appId)
        .flatMap((e) => (e.type === 'api' ? [e.request as { touser: string; msgtype: string; text?: { content: string } }] : []))
        .filter((r) => r.touser === openid)
        .map((r) => r.text?.content ?? `[${r.msgtype}]`),
    tokenFetches: () =>
      ['cgi-bin/token', 'cgi-bin/stable_token']
        .flatMap((api) => emulator.state.recorder.list({ appId: SECURE_CHANNEL.appId, api }))
        .filter((e) => e.type === 'api' && e.errcode === 0).length,
    close: async () => {
      for (const node of nodes) if (node.process.exitCode === null && node.process.signalCode === null) node.process.kill('SIGKILL');
      await balancer.close();
      await db.end();
      await emulator.close();
    },
  };
}
