// The sender's wake-ups: a wake long after the last one claims at once (routing commits a trickle's
// replies together, so waiting would gather nothing and cost a wake-up of its own); a wake soon after
// another waits the gathering delay, so that what is routed meanwhile goes out in the same batch.
import pino from 'pino';
import { agentReply } from '../app/agent-reply';
import { engineFixture, type EngineFixture } from '../app/testing/engine-fixture';
import { InMemoryOutboxStore } from '../storage/testing/in-memory-outbox-store';
import { WeChatApiError, type WeChatApi } from '../wechat/outbound/index';
import { OutboxSender } from './outbox-sender';

const GATHER_MS = 300;

async function reply(f: EngineFixture, openid: string, text: string): Promise<void> {
  const said = await f.say(openid, 'hi');
  if (said.kind !== 'handled') throw new Error('expected a new message');
  const r = await agentReply(f.deps, { conversationId: said.conversationId, agentId: 'a1', content: { type: 'text', text } });
  if (!r.ok) throw new Error('expected the reply to be accepted');
}

it('a wake long after the last claims at once; a wake soon after another waits the gathering delay', async () => {
  const f = engineFixture();
  await f.agent('a1', { maxConcurrent: 10 });
  const sent: Array<{ text: string; at: number }> = [];
  const api = {
    postJson: async (_path: string, body: { text?: { content: string } }) =>
      void sent.push({ text: body.text?.content ?? '', at: Date.now() }),
  } as unknown as WeChatApi;
  const sender = new OutboxSender({
    store: new InMemoryOutboxStore(f.store),
    engine: f.deps,
    channel: async () => ({ kind: 'miniprogram', api }),
    logger: pino({ level: 'silent' }),
    now: () => f.clock.now(),
    pollMs: 60_000,
    gatherMs: GATHER_MS,
  });
  sender.start(); // its first pass finds nothing
  await new Promise((r) => setTimeout(r, GATHER_MS + 50));

  await reply(f, 'u1', 'first');
  const woken = Date.now();
  await sender.kick();
  expect(sent.map((s) => s.text)).toContain('first');
  expect(Date.now() - woken).toBeLessThan(GATHER_MS / 2);

  await reply(f, 'u2', 'second');
  const again = Date.now();
  await sender.kick(); // soon after the last wake: gathers first
  expect(sent.map((s) => s.text)).toContain('second');
  expect(Date.now() - again).toBeGreaterThanOrEqual(GATHER_MS - 20);
  await sender.stop();
});

it("a batch's outcomes are recorded as soon as every send has one, without waiting out the recording delay", async () => {
  const f = engineFixture();
  await f.agent('a1', { maxConcurrent: 10 });
  await reply(f, 'u1', 'to u1');
  await reply(f, 'u2', 'to u2');
  const api = {
    postJson: async (path: string, body: { touser: string }) => {
      // WeChat busy for u2: retried later, so nothing of it is recorded now.
      if (body.touser === 'u2') throw new WeChatApiError(-1, 'system error', path);
    },
  } as unknown as WeChatApi;
  const store = new InMemoryOutboxStore(f.store);
  const sender = new OutboxSender({
    store,
    engine: f.deps,
    channel: async () => ({ kind: 'miniprogram', api }),
    logger: pino({ level: 'silent' }),
    now: () => f.clock.now(),
    pollMs: 60_000,
    recordGatherMs: 20_000,
  });
  const started = Date.now();
  sender.start();
  await sender.kick();
  await sender.stop();
  expect(Date.now() - started).toBeLessThan(5000);
  const delivered = [...f.store.data.messages.values()].filter((m) => m.direction === 'out' && m.delivery?.status === 'sent');
  expect(delivered.length).toBeGreaterThanOrEqual(2); // u1's greeting and reply went out and were recorded
  const u2 = f.store.data.outbox.filter((i) => i.toOpenid === 'u2');
  expect((await Promise.all(u2.map((i) => store.get(i.id)))).some((i) => i?.lastError !== undefined)).toBe(true);
});
