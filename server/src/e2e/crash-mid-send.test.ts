// "Resumes in seconds": the server runs as its own process (the bundle main.ts becomes) against the WeChat
// emulator, and is killed with SIGKILL while a send is in flight (WeChat is slow to answer it). A new
// process on the same data directory resumes that send within seconds — it sees that the claim's owner,
// a process of this host, is gone (failing that, the short lease runs out, not a minute-long one) — sends
// it again once (in doubt: WeChat had delivered it), flags it for the agent, and sends every other
// message exactly once.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { bundleForNode } from '../../../scripts/lib/bundle-node.mjs';
import { startTestEmulator, type TestEmulator } from '../emulator/testing/test-emulator';
import { CUSTOM_SEND_PATH } from '../wechat/outbound/index';
import { CHANNEL, MASTER_KEY, eventually } from './testing/stack';

const root = join(__dirname, '../../..');
let dir: string;
let bundle: string;
let emulator: TestEmulator;

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
      WECHAT_API_BASE_URL: emulator.apiUrl,
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

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-crash-send-'));
  bundle = join(dir, 'server.cjs');
  await bundleForNode(join(root, 'server/src/main.ts'), bundle, { quiet: true });
  writeFileSync(join(dir, 'channels.json'), JSON.stringify({ channels: [channel] }));
  emulator = await startTestEmulator();
}, 60_000);
afterAll(async () => {
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

interface SentRecord {
  request?: { touser: string; text?: { content: string }; msgtype: string };
}

async function sentTo(openid: string): Promise<string[]> {
  const sent = (await (await fetch(`${emulator.baseUrl}/emulator/sent`)).json()) as SentRecord[];
  return sent.filter((e) => e.request?.touser === openid).map((e) => e.request?.text?.content ?? `[${e.request?.msgtype}]`);
}

it('resumes a send in flight within seconds after a SIGKILL, sends it again once and flags it', async () => {
  const port = await freePort();
  let child = startServer(port);
  await eventually(healthy(port), 15_000);
  await emulator.admin('/apps', { ...channel, secret: CHANNEL.secret, pushUrl: `http://127.0.0.1:${port}/wechat/${CHANNEL.id}` });
  const db = new BetterSqlite3(join(dir, 'data', 'kefu.db'), { readonly: true });
  try {
    const inFlight = db.prepare(
      "SELECT id, message_id FROM outbox WHERE status = 'pending' AND lease_until IS NOT NULL ORDER BY created_at LIMIT 1",
    );
    await emulator.faults.delay(CUSTOM_SEND_PATH, 3000); // WeChat takes 3 s over the first send, then delivers it
    await emulator.customerSays({ appId: CHANNEL.appId } as never, 'oCrash', 'text', { text: '在吗' });
    const claimed = await eventually(async () => inFlight.get() as { id: string; message_id: string } | undefined, 15_000);
    await new Promise((r) => setTimeout(r, 300)); // the request is with WeChat
    child.kill('SIGKILL');
    const killedAt = Date.now();
    const first = await eventually(async () => (await sentTo('oCrash'))[0], 10_000); // WeChat delivered it anyway

    child = startServer(port);
    await eventually(healthy(port), 15_000);
    const upAt = Date.now();
    await eventually(async () => ((await sentTo('oCrash')).filter((t) => t === first).length === 2 ? true : undefined), 30_000);
    const resumedAfterMs = Date.now() - killedAt;
    // The new process ends its dead predecessor's claims as it starts, not when their 12 s leases run out.
    expect(Date.now() - upAt).toBeLessThan(8000);
    const outbox = db.prepare("SELECT count(*) AS n FROM outbox WHERE status = 'pending'");
    await eventually(async () => ((outbox.get() as { n: number }).n === 0 ? true : undefined), 15_000);

    const delivered = await sentTo('oCrash');
    const duplicates = delivered.length - new Set(delivered).size;
    console.info(`crash mid-send: resumed ${resumedAfterMs} ms after the SIGKILL; duplicates ${duplicates} (the in-doubt send, flagged)`);
    expect(resumedAfterMs).toBeLessThan(20_000);
    expect(duplicates).toBe(1);
    const row = db.prepare('SELECT status, in_doubt FROM outbox WHERE id = ?').get(claimed.id);
    expect(row).toEqual({ status: 'sent', in_doubt: 1 });
    const message = db.prepare('SELECT delivery FROM messages WHERE id = ?').get(claimed.message_id) as { delivery: string };
    expect(JSON.parse(message.delivery)).toMatchObject({ status: 'sent', inDoubt: true });
  } finally {
    db.close();
    child.kill('SIGKILL');
  }
}, 120_000);
