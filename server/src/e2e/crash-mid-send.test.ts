// "Resumes in seconds": the server runs as its own process (the bundle main.ts becomes) against the WeChat
// emulator, and is killed with SIGKILL while a send is in flight (WeChat is slow to answer it). A new
// process on the same data directory resumes that send within seconds — it sees that the claim's owner,
// a process of this host, is gone (failing that, the short lease runs out, not a minute-long one) — sends
// it again once (in doubt: WeChat had delivered it), flags it for the agent, and sends every other
// message exactly once.
import BetterSqlite3 from 'better-sqlite3';
import { startTestEmulator, type TestEmulator } from '../emulator/testing/test-emulator';
import { CUSTOM_SEND_PATH } from '../wechat/outbound/index';
import { CHANNEL, eventually } from './testing/stack';
import { freePort, healthy, prepareServerProcesses, SECURE_CHANNEL, type ServerProcesses } from './testing/server-process';

let processes: ServerProcesses;
let emulator: TestEmulator;
const startServer = (port: number) => processes.start(port, emulator.apiUrl);

beforeAll(async () => {
  processes = await prepareServerProcesses('kefu-crash-send-');
  emulator = await startTestEmulator();
}, 60_000);
afterAll(async () => {
  await emulator.close();
  processes.remove();
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
  await emulator.admin('/apps', { ...SECURE_CHANNEL, secret: CHANNEL.secret, pushUrl: `http://127.0.0.1:${port}/wechat/${CHANNEL.id}` });
  const db = new BetterSqlite3(processes.databaseFile, { readonly: true });
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
