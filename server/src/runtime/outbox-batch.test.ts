// The sender works in batches: one claim for many customers, one read of their send windows, the sends
// in parallel, and their outcomes recorded together (one unit of work, one outbox transaction), while
// each customer's messages still go out one after the other, in order.
import pino from 'pino';
import { agentReply } from '../app/agent-reply';
import { type EngineFixture, engineFixture } from '../app/testing/engine-fixture';
import type { UnitOfWork } from '../core/ports/unit-of-work';
import { InMemoryOutboxStore } from '../storage/testing/in-memory-outbox-store';
import { CUSTOM_SEND_PATH, WeChatApiError, type WeChatApi } from '../wechat/outbound/index';
import { OutboxSender } from './outbox-sender';

const CUSTOMERS = ['u1', 'u2', 'u3', 'u4', 'u5'];

/** Each customer says hello (the greeting is queued) and gets two replies from the agent: three items each. */
async function queued(f: EngineFixture): Promise<void> {
  await f.agent('a1', { maxConcurrent: 10 });
  for (const openid of CUSTOMERS) {
    const said = await f.say(openid, 'hi');
    if (said.kind !== 'handled') throw new Error('expected a new message');
    for (const text of [`${openid} first`, `${openid} second`]) {
      const reply = await agentReply(f.deps, { conversationId: said.conversationId, agentId: 'a1', content: { type: 'text', text } });
      if (!reply.ok) throw new Error('expected the reply to be accepted');
    }
  }
}

/** Counts the units of work the sender opens (reads and writes alike). */
function countingUnits(f: EngineFixture): { units: () => number } {
  let units = 0;
  const inner = f.deps.uow;
  const counted: UnitOfWork = { run: (work) => (units++, inner.run(work)) };
  f.deps.uow = counted;
  return { units: () => units };
}

async function run(f: EngineFixture, api: WeChatApi): Promise<InMemoryOutboxStore> {
  const store = new InMemoryOutboxStore(f.store);
  const sender = new OutboxSender({
    store,
    engine: f.deps,
    channel: async () => ({ kind: 'miniprogram', api }),
    logger: pino({ level: 'silent' }),
    now: () => f.clock.now(),
  });
  sender.start();
  await sender.kick();
  await sender.stop();
  return store;
}

it("records a batch's mixed outcomes together and keeps each customer's order", async () => {
  const f = engineFixture();
  await queued(f);
  const sent: Array<{ touser: string; text: string }> = [];
  const waiting: Array<() => void> = [];
  const api = {
    postJson: async (path: string, body: { touser: string; text: { content: string } }) => {
      // WeChat answers a round's five sends together, last asked first answered.
      await new Promise<void>((answer) => {
        waiting.push(answer);
        if (waiting.length < CUSTOMERS.length) return;
        for (const go of waiting.splice(0).reverse()) go();
      });
      // WeChat refuses everything to u2: the window closed (45015).
      if (body.touser === 'u2') throw new WeChatApiError(45015, 'response out of time limit or subscription is canceled', path);
      expect(path).toBe(CUSTOM_SEND_PATH);
      sent.push({ touser: body.touser, text: body.text.content });
    },
  } as unknown as WeChatApi;
  const { units } = countingUnits(f);
  const store = await run(f, api);

  const outgoing = [...f.store.data.messages.values()].filter((m) => m.direction === 'out');
  expect(outgoing).toHaveLength(15);
  for (const m of outgoing) {
    const to = f.store.data.outbox.find((i) => i.messageId === m.id);
    const refused = to?.toOpenid === 'u2';
    expect(m.delivery).toMatchObject({ status: refused ? 'failed' : 'sent', ...(refused && { wechatCode: 45015 }) });
    expect((await store.get(to?.id as string))?.status).toBe(refused ? 'failed' : 'sent');
  }
  for (const openid of ['u1', 'u3', 'u4', 'u5']) {
    expect(sent.filter((s) => s.touser === openid).map((s) => s.text)).toEqual([
      expect.not.stringContaining(openid), // the greeting
      `${openid} first`,
      `${openid} second`,
    ]);
  }
  // Three rounds (each customer's greeting, first reply, second reply): per round one read of the windows
  // and one unit recording the outcomes, instead of a read and a unit per send (2 × 15).
  expect(units()).toBe(6);
  expect(f.notifier.notices.filter((n) => n.type === 'message_delivered')).toHaveLength(12);
});

it('an outcome that cannot be recorded does not keep the rest of its group from being recorded', async () => {
  const f = engineFixture();
  await queued(f);
  // One item points at a message that does not exist (its record-delivery fails); it shares a group with the others.
  const orphan = f.store.data.outbox.find((i) => i.toOpenid === 'u3');
  if (!orphan) throw new Error('expected an item to u3');
  orphan.messageId = 'gone';
  const api = { postJson: async () => undefined } as unknown as WeChatApi;
  const store = await run(f, api);
  for (const openid of ['u1', 'u2', 'u4', 'u5']) {
    const items = f.store.data.outbox.filter((i) => i.toOpenid === openid);
    for (const i of items) expect((await store.get(i.id))?.status).toBe('sent');
  }
  // The orphan stays claimed (its lease runs out, then it is tried again), and u3's later items wait behind it.
  expect((await store.get(orphan.id))?.status).toBe('pending');
  const later = f.store.data.outbox.filter((i) => i.toOpenid === 'u3' && i.id !== orphan.id);
  for (const i of later) expect((await store.get(i.id))?.attempts).toBe(0);
});
