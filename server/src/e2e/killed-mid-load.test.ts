// "Never lost": the server runs as its own process (the bundle main.ts becomes), takes signed,
// encrypted pushes under load, and is killed with SIGKILL in the middle. After a restart on the same
// data directory, every push it had acknowledged is a stored message, and none is stored twice.
import BetterSqlite3 from 'better-sqlite3';
import { exampleMessage, sendPush, type PushTarget } from '../wechat/push-client/index';
import { CHANNEL, eventually } from './testing/stack';
import { freePort, healthy, prepareServerProcesses, type ServerProcesses } from './testing/server-process';

let processes: ServerProcesses;
const startServer = (port: number) => processes.start(port, 'http://127.0.0.1:9');

beforeAll(async () => {
  processes = await prepareServerProcesses('kefu-kill-');
}, 30_000);
afterAll(() => processes.remove());

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
    const db = new BetterSqlite3(processes.databaseFile, { readonly: true });
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
