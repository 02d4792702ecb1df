// Webhooks on PostgreSQL with two nodes in one database (two composed servers, each with its own pool and
// sender): the deliveries a down receiver missed all arrive once it is back, each exactly once (claims
// with SKIP LOCKED: one node delivers each), and in order per conversation.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { composeServer, type ComposedServer } from '../compose';
import { usePostgres } from '../storage/postgres/testing/test-cluster';
import { CHANNEL, eventually, MASTER_KEY, startStack, type Stack } from './testing/stack';
import { WebhookReceiver } from './testing/webhook-receiver';

const pg = usePostgres();
const RETRY = { backoff: { baseMs: 100, maxMs: 400 }, giveUpAfterMs: 60 * 60_000 };

let stack: Stack;
let second: ComposedServer;
let secondDir: string;
const receiver = new WebhookReceiver();

beforeAll(async () => {
  const databaseUrl = await pg.createDatabase();
  stack = await startStack({ databaseUrl, webhooks: { retry: RETRY } });
  secondDir = mkdtempSync(join(tmpdir(), 'kefu-webhooks-node2-'));
  second = composeServer({
    config: {
      port: 0,
      host: '127.0.0.1',
      dataDir: secondDir,
      databaseUrl,
      wechatApiBaseUrl: stack.emulator.apiUrl,
      masterKey: MASTER_KEY,
      logLevel: 'silent',
      webhooksAllowLocalHttp: true,
      nodeName: 'node-2',
    },
    logger: pino({ level: 'silent' }),
    pollMs: 50,
    webhookRetry: RETRY,
  });
  await second.start();
  await receiver.up();
}, 120_000);
afterAll(async () => {
  await receiver.down();
  await second.stop();
  await stack.close();
  rmSync(secondDir, { recursive: true, force: true });
}, 60_000);

it('two nodes deliver everything once each, in order per conversation, after the receiver was down', async () => {
  const created = await stack.api<{ webhook: { id: string }; secret: string }>('POST', `/channels/${CHANNEL.id}/webhooks`, {
    url: receiver.url,
    events: ['message.received'],
  });
  receiver.secret = created.body.secret;
  await receiver.down();
  const customers = ['oP1', 'oP2', 'oP3', 'oP4'];
  for (let i = 1; i <= 5; i += 1)
    for (const c of customers) await stack.emulator.customerSays({ appId: CHANNEL.appId } as never, c, 'text', { text: `${c}-${i}` });
  await new Promise((r) => setTimeout(r, 1500)); // both nodes' senders try and fail meanwhile
  await receiver.up();
  await eventually(async () => (receiver.accepted.length >= 20 ? true : undefined), 30_000);
  await new Promise((r) => setTimeout(r, 500)); // a duplicate would arrive now
  const texts = receiver.accepted.map((e) => (e.data.message as { content: { text: string } }).content.text);
  expect(texts).toHaveLength(20);
  expect(new Set(receiver.accepted.map((e) => e.id)).size).toBe(20);
  for (const c of customers) expect(texts.filter((t) => t.startsWith(`${c}-`))).toEqual([1, 2, 3, 4, 5].map((i) => `${c}-${i}`));
  expect(receiver.received.every((r) => r.verified)).toBe(true);
}, 90_000);
