// End to end, on the real clock: WeChat (the emulator, a separate server) answers a send late or loses
// the connection after delivering it. A send that outlives the client's timeout may have reached the
// customer: it is in doubt, sent again exactly once, counted once in the send window, and the agent is
// told it may arrive twice. An answer slower than the old 10-second timeout but normal for a busy WeChat
// is simply sent once.
import { CUSTOM_SEND_PATH } from '../wechat/outbound/index';
import { customerWrites, onlineAgent, outgoing, reply, sendWindow } from './testing/outbox-helpers';
import { eventually, startStack, type Stack } from './testing/stack';

let stack: Stack;
afterEach(() => stack.close());

async function answeredCustomer(name: string, openid: string): Promise<{ agentId: string; conversationId: string }> {
  const agentId = await onlineAgent(stack, name);
  const conversationId = await customerWrites(stack, openid, '你好');
  await eventually(async () => ((await stack.delivered(openid)).length === 1 ? true : undefined)); // the greeting
  return { agentId, conversationId };
}

const sendsOf = async (openid: string, text: string) => (await stack.delivered(openid)).filter((t) => t === text).length;

it.each([
  ['outlives the client timeout', () => stack.emulator.faults.delay(CUSTOM_SEND_PATH, 1500)],
  ['loses its connection after WeChat delivered it', () => stack.emulator.faults.drop(CUSTOM_SEND_PATH, 'after')],
])(
  'a send that %s is in doubt: sent again once, counted once, flagged for the agent',
  async (_what, fault) => {
    stack = await startStack({ wechatTimeoutMs: 500 });
    const { agentId, conversationId } = await answeredCustomer('小吴', 'oSlow');
    expect(await sendWindow(stack, conversationId)).toMatchObject({ remaining: 4 });
    await fault();
    expect(await reply(stack, conversationId, agentId, '请稍等')).toBe(202);
    const message = await eventually(async () => {
      const m = await outgoing(stack, conversationId, '请稍等');
      return m?.delivery?.status === 'sent' ? m : undefined;
    }, 10_000);
    expect(message.delivery).toMatchObject({ status: 'sent', inDoubt: true });
    await new Promise((r) => setTimeout(r, 1500)); // the late answer's processing, and time for any further retry
    expect(await sendsOf('oSlow', '请稍等')).toBe(2); // WeChat has no idempotency key: the one re-send arrives too
    expect(await sendWindow(stack, conversationId)).toMatchObject({ open: true, remaining: 3 }); // counted once
  },
  30_000,
);

it('an in-doubt send whose one re-send is in doubt too is not sent a third time', async () => {
  stack = await startStack({ wechatTimeoutMs: 500 });
  const { agentId, conversationId } = await answeredCustomer('小钱', 'oSlower');
  await stack.emulator.faults.delay(CUSTOM_SEND_PATH, 1500, 2);
  expect(await reply(stack, conversationId, agentId, '正在处理')).toBe(202);
  const message = await eventually(async () => {
    const m = await outgoing(stack, conversationId, '正在处理');
    return m?.delivery?.status === 'sent' ? m : undefined;
  }, 10_000);
  expect(message.delivery).toMatchObject({ status: 'sent', inDoubt: true }); // most likely arrived: WeChat was slow, not down
  await new Promise((r) => setTimeout(r, 4000)); // both late answers, and time for a third try that must not come
  expect(await sendsOf('oSlower', '正在处理')).toBe(2);
  expect(await sendWindow(stack, conversationId)).toMatchObject({ remaining: 3 });
}, 30_000);

it('a busy WeChat answering after 11 s (longer than the old 10 s timeout) gets its message once, not in doubt', async () => {
  stack = await startStack();
  const { agentId, conversationId } = await answeredCustomer('小郑', 'oBusy');
  await stack.emulator.faults.delay(CUSTOM_SEND_PATH, 11_000);
  expect(await reply(stack, conversationId, agentId, '马上好')).toBe(202);
  const message = await eventually(async () => {
    const m = await outgoing(stack, conversationId, '马上好');
    return m?.delivery?.status === 'sent' ? m : undefined;
  }, 20_000);
  expect(message.delivery?.inDoubt).toBeUndefined();
  expect(await sendsOf('oBusy', '马上好')).toBe(1);
}, 40_000);
