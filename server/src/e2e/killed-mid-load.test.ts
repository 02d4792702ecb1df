// "Never lost": the server runs as its own process (the bundle main.ts becomes), takes signed,
// encrypted pushes under load, and is killed with SIGKILL in the middle. After a restart on the same
// data directory, every push it had acknowledged is a stored message, and none is stored twice.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { bundleForNode } from '../../../scripts/lib/bundle-node.mjs';
import { exampleMessage, sendPush, type PushTarget } from '../wechat/push-client/index';
import { CHANNEL, MASTER_KEY, eventually } from './testing/stack';

const root = join(__dirname, '../../..');
let dir: string;
let bundle: string;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function startServer(port: number): ChildProcess {
  return spawn(process.execPath, [bundle], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_PATH: join(root, 'node_modules'),
      PORT: String(port),
      DATA_DIR: join(dir, 'data'),
      KEFU_MASTER_KEY: MASTER_KEY,
      KEFU_CHANNELS_FILE: join(dir, 'channels.json'),
      WECHAT_API_BASE_URL: 'http://127.0.0.1:9',
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const healthy = (port: number) => async () => {
  try {
    return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok ? true : undefined;
  } catch {
    return undefined;
  }
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-kill-'));
  bundle = join(dir, 'server.cjs');
  await bundleForNode(join(root, 'server/src/main.ts'), bundle, { quiet: true });
  const channel = {
    id: CHANNEL.id,
    kind: 'miniprogram',
    appId: CHANNEL.appId,
    appSecret: CHANNEL.secret,
    originalId: CHANNEL.originalId,
    token: CHANNEL.token,
    encodingAesKey: CHANNEL.encodingAesKey,
    mode: 'secure',
    format: 'xml',
  };
  writeFileSync(join(dir, 'channels.json'), JSON.stringify({ channels: [channel] }));
}, 30_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('loses no acknowledged push when killed mid-load, and stores none twice', async () => {
  const port = await freePort();
  let child = startServer(port);
  await eventually(healthy(port), 15_000);
  const target: PushTarget = {
    url: `http://127.0.0.1:${port}/wechat/${CHANNEL.id}`,
    token: CHANNEL.token,
    appId: CHANNEL.appId,
    originalId: CHANNEL.originalId,
    encodingAesKey: CHANNEL.encodingAesKey,
    mode: 'secure',
    format: 'xml',
  };
  const acknowledged: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < 3000) {
      const i = next++;
      const msgId = String(24000000000000000000n + BigInt(i));
      const message = exampleMessage('text', {
        openId: `oLoad${i % 40}`,
        originalId: CHANNEL.originalId,
        createTime: 1714112445 + i,
        msgId,
        text: `消息 ${i}`,
      });
      try {
        const answer = await sendPush(target, message);
        if (answer.status === 200 && answer.body === 'success') acknowledged.push(msgId);
      } catch {
        // the server is gone: this push was never acknowledged
      }
      if (acknowledged.length === 300 && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    }
  };
  await Promise.all(Array.from({ length: 20 }, worker));
  expect(child.killed).toBe(true);
  expect(acknowledged.length).toBeGreaterThanOrEqual(300);
  expect(acknowledged.length).toBeLessThan(3000);

  child = startServer(port);
  try {
    await eventually(healthy(port), 15_000);
    const db = new BetterSqlite3(join(dir, 'data', 'kefu.db'), { readonly: true });
    try {
      await eventually(
        async () =>
          (db.prepare("SELECT count(*) AS n FROM inbox WHERE state = 'pending'").get() as { n: number }).n === 0 ? true : undefined,
        30_000,
      );
      const stored = (
        db.prepare('SELECT wechat_msg_id AS id FROM messages WHERE wechat_msg_id IS NOT NULL').all() as Array<{ id: string }>
      ).map((r) => r.id);
      const missing = acknowledged.filter((id) => !stored.includes(id));
      expect(missing).toEqual([]);
      expect(new Set(stored).size).toBe(stored.length);
      expect((db.prepare("SELECT count(*) AS n FROM inbox WHERE state = 'failed'").get() as { n: number }).n).toBe(0);
    } finally {
      db.close();
    }
  } finally {
    child.kill('SIGKILL');
  }
}, 90_000);
