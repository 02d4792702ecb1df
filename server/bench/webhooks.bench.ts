// Benchmark: webhook delivery latency (p50/p99) and throughput at a fixed 200 events/s to a local receiver.
//
// The server's webhook parts as compose.ts builds them (runtime/webhooks-module.ts) on a SQLite file: each
// event is stored by a unit of work as the engine's units store theirs (closeUnit: a message_added notice
// becomes a message.received delivery in the unit's commit), then the sender claims, signs and posts it
// over real HTTP to a receiver on loopback in its own process, which verifies every signature as the README
// documents and reports each arrival. Events are spread over 50 conversations (so per-conversation order
// applies) and stored at a fixed rate, open loop. Latency: from the start of the event's unit of work to
// its arrival at the receiver. Every event must arrive once, in order per conversation.
// WEBHOOK_BENCH_RATE and WEBHOOK_BENCH_SECONDS change the load; --quick runs 5 s.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { storeWebhookEvents } from '../src/app/webhooks/record-webhook-events';
import type { Message } from '../src/core/model/message';
import { webhooksModule } from '../src/runtime/webhooks-module';
import { verifyWebhookSignature } from '../src/security/webhook-signature';
import { openServerStorage } from '../src/storage/open-server-storage';

const RATE = Number(process.env.WEBHOOK_BENCH_RATE ?? 200);
const SECONDS = process.argv.includes('--quick') ? 5 : Number(process.env.WEBHOOK_BENCH_SECONDS ?? 20);
const CONVERSATIONS = 50;

interface Arrival {
  id: string;
  at: number;
  verified: boolean;
  conversationId: string;
  seq: number;
}

/** The receiver's process: verifies each delivery and tells the parent when it arrived. */
function runReceiver(secret: string): void {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = Date.now();
      const raw = Buffer.concat(chunks).toString('utf8');
      const sig = String(req.headers['x-kefu-signature']);
      const verified = verifyWebhookSignature(secret, sig, String(req.headers['x-kefu-timestamp']), raw, Math.floor(at / 1000));
      const body = JSON.parse(raw) as { data: { conversationId: string; messageId: string; message: { content: { text: string } } } };
      const { conversationId, messageId, message } = body.data;
      process.send?.({ id: messageId, at, verified, conversationId, seq: Number(message.content.text) } satisfies Arrival);
      res.statusCode = 204;
      res.end();
    });
  });
  server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-webhooks-bench-'));
  const storage = openServerStorage({ dataDir: dir, masterKey: Buffer.alloc(32, 3).toString('base64') }, { clock: { now: Date.now } });
  const clock = { now: () => Date.now() };
  const webhooks = webhooksModule({
    stores: { webhooks: storage.webhooks, channels: storage.channels, uow: storage.uow, ids: storage.ids },
    clock,
    logger: pino({ level: 'silent' }),
    pollMs: 1000,
    allowLocalHttp: true,
  });
  await storage.channels.save({
    id: 'shop',
    name: 'Shop',
    kind: 'miniprogram',
    appId: 'wx0000000000000001',
    appSecret: 'secret',
    originalId: 'gh_000000000001',
    token: 'token',
    mode: 'plaintext',
    format: 'json',
    tokenSource: 'stable',
    createdAt: 0,
    updatedAt: 0,
  });
  const secretHolder: { secret?: string } = {};
  // The endpoint first (the receiver needs its secret), pointing at a port set once the receiver listens.
  const receiver = fork(process.argv[1] as string, ['--receiver'], { stdio: 'inherit', env: { ...process.env } });
  const arrivals: Arrival[] = [];
  const { port } = await new Promise<{ port: number }>((resolve) => {
    receiver.on('message', (m: Arrival | { port: number }) => ('port' in m ? resolve(m) : arrivals.push(m)));
    const pending = webhooks.deps.newSecret();
    secretHolder.secret = pending;
    receiver.send({ secret: pending });
  });
  const endpoint = {
    id: 'whk_bench',
    channelId: 'shop',
    url: `http://127.0.0.1:${port}/hooks`,
    events: ['message.received' as const],
    enabled: true,
    secretHint: 'xxxx',
    createdAt: Date.now(),
    updatedAt: Date.now(),
  };
  await storage.webhooks.createEndpoint(endpoint, secretHolder.secret as string);
  webhooks.sender.start();

  const recordedAt = new Map<string, number>();
  const total = RATE * SECONDS;
  const started = Date.now();
  const seqs = new Array<number>(CONVERSATIONS).fill(0);
  for (let i = 0; i < total; i += 1) {
    const due = started + (i * 1000) / RATE;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const c = i % CONVERSATIONS;
    const seq = seqs[c] ?? 0;
    seqs[c] = seq + 1;
    const message = { id: `msg${i}`, direction: 'in', content: { type: 'text', text: String(seq) } } as unknown as Message;
    const notice = { type: 'message_added' as const, channelId: 'shop', conversationId: `conv${c}`, messageId: message.id, message };
    recordedAt.set(message.id, Date.now());
    void storage.uow.run((tx) => storeWebhookEvents(tx, [notice], storage.ids, Date.now())).then(() => webhooks.sender.kick());
  }
  const sentFor = (Date.now() - started) / 1000;
  const deadline = Date.now() + 60_000;
  while (arrivals.length < total && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const finished = (Math.max(...arrivals.map((a) => a.at)) - started) / 1000;

  const latencies = arrivals.map((a) => a.at - (recordedAt.get(a.id) ?? a.at)).sort((a, b) => a - b);
  const unique = new Set(arrivals.map((a) => a.id)).size;
  const lastSeq = new Map<string, number>();
  let outOfOrder = 0;
  for (const a of arrivals) {
    if ((lastSeq.get(a.conversationId) ?? -1) >= a.seq) outOfOrder += 1;
    lastSeq.set(a.conversationId, a.seq);
  }
  console.log(
    `webhooks: ${total} events at ${RATE}/s over ${CONVERSATIONS} conversations for ${SECONDS} s (recorded in ${sentFor.toFixed(1)} s)`,
  );
  console.log(
    `  delivered ${arrivals.length}/${total} (unique ${unique}), signatures verified ${arrivals.filter((a) => a.verified).length}, out of order ${outOfOrder}`,
  );
  console.log(
    `  throughput ${(arrivals.length / finished).toFixed(1)} deliveries/s (last arrival ${finished.toFixed(1)} s after the first event)`,
  );
  console.log(
    `  latency ms: p50 ${quantile(latencies, 0.5)}, p90 ${quantile(latencies, 0.9)}, p99 ${quantile(latencies, 0.99)}, max ${latencies.at(-1)}`,
  );
  console.log(
    `  machine: ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (1/5/15 min, at the end)`,
  );
  await webhooks.sender.stop();
  receiver.kill();
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
  if (arrivals.length !== total || unique !== total || outOfOrder > 0) process.exitCode = 1;
}

if (process.argv.includes('--receiver')) process.once('message', (m: { secret: string }) => runReceiver(m.secret));
else void main();
