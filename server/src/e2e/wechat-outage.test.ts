// End to end, on the server's test clock: WeChat (the emulator, a separate server) becomes unreachable —
// every connection reset — for ten minutes while agents keep answering several customers. The outbox
// keeps retrying for as long as each customer's window is open, never lets a later reply overtake an
// earlier one, and sends nothing twice. An outage that outlasts the window fails the reply with the
// server's own reason instead of giving up after a fixed number of attempts.
import { advance, HOUR, MINUTE, SECOND, startClockedStack, waitIdle } from './testing/clock';
import { sendWindowOf } from '../app/agent-reply';
import { customerWrites, lostOrReordered, onlineAgent, outgoing, reply, storedOutgoing } from './testing/outbox-helpers';
import type { Stack } from './testing/stack';

let stack: Stack;
beforeEach(async () => {
  stack = await startClockedStack();
});
afterEach(() => stack.close());

const GREETING = '您好，欢迎咨询！\n客服 小周 为您服务，请问有什么可以帮您？';

it('delivers every reply after a 10-minute outage, in order per customer, none twice', async () => {
  const agentId = await onlineAgent(stack, '小周');
  const customers = ['oOutage1', 'oOutage2', 'oOutage3'];
  const conversations = new Map<string, string>();
  for (const openid of customers) {
    conversations.set(openid, await customerWrites(stack, openid, `${openid} 在吗`));
    await waitIdle(stack);
  }
  const expected = new Map(customers.map((c) => [c, [GREETING]]));
  const answer = async (round: number) => {
    for (const [openid, conversationId] of conversations) {
      const text = `${openid} 第${round}条回复`;
      expect(await reply(stack, conversationId, agentId, text)).toBe(202);
      expected.get(openid)?.push(text);
    }
  };

  await stack.emulator.faults.outage(10 * MINUTE);
  await answer(1); // queued as WeChat goes away
  let elapsed = 0;
  for (const [at, round] of [
    [1, 2],
    [4, 3],
    [8, 4],
  ] as const) {
    for (; elapsed < at * MINUTE; elapsed += 30 * SECOND) await advance(stack, 30 * SECOND);
    await answer(round); // queued during the outage, behind the ones still retrying
  }
  // The old sender gave up after 8 attempts (about 4 minutes); this one is still trying at 10 minutes.
  expect(await stack.delivered()).toHaveLength(customers.length); // only the greetings went out
  for (; elapsed < 13 * MINUTE; elapsed += 30 * SECOND) await advance(stack, 30 * SECOND);
  await waitIdle(stack);

  const totals = { lost: 0, duplicated: 0, reordered: 0 };
  for (const openid of customers) {
    const counts = lostOrReordered(await stack.delivered(openid), expected.get(openid) ?? []);
    totals.lost += counts.lost;
    totals.duplicated += counts.duplicated;
    totals.reordered += counts.reordered;
  }
  console.info(`replies lost / duplicated / reordered across a 10-minute outage (12 replies, 3 customers): ${JSON.stringify(totals)}`);
  expect(totals).toEqual({ lost: 0, duplicated: 0, reordered: 0 });
  for (const openid of customers) expect(await stack.delivered(openid)).toEqual(expected.get(openid));
  const last = await outgoing(stack, conversations.get('oOutage1') as string, 'oOutage1 第4条回复');
  expect(last?.delivery).toMatchObject({ status: 'sent' });
  expect(last?.delivery?.inDoubt).toBeUndefined(); // refused connections never reached WeChat
}, 120_000);

it('fails a reply with its reason when the outage outlasts the customer’s window', async () => {
  const agentId = await onlineAgent(stack, '小周');
  const conversationId = await customerWrites(stack, 'oLongOutage', '你好');
  await waitIdle(stack);
  await stack.emulator.faults.outage(60 * HOUR);
  expect(await reply(stack, conversationId, agentId, '马上为您查询')).toBe(202);
  for (let hours = 0; hours < 50; hours += 2) await advance(stack, 2 * HOUR);
  await waitIdle(stack);
  const message = await storedOutgoing(stack, conversationId, '马上为您查询');
  expect(message?.delivery).toMatchObject({
    status: 'failed',
    reasonCode: 'window_closed_while_unreachable',
    reason: 'window closed while WeChat was unreachable',
  });
  expect(await stack.delivered('oLongOutage')).toEqual([GREETING]);
  expect(await sendWindowOf(stack.server.engine, conversationId)).toMatchObject({ open: false, reason: 'window_closed' });
}, 120_000);
