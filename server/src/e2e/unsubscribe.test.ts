// End to end: an official-account customer unsubscribes. WeChat refuses every message to them from then
// on (45015) until they subscribe again, so the engine's window closes with the event: nothing more is
// queued, a reply still waiting in the outbox (WeChat was unreachable) fails as "customer unsubscribed"
// instead of going out later, and a new subscribe opens WeChat's three-message minute again.
import { customerWrites, onlineAgent, outgoing, reply, sendWindow } from './testing/outbox-helpers';
import { eventually, startStack, type Stack } from './testing/stack';

const OA = {
  id: 'oa',
  appId: 'wxe2e0000000000oa1',
  secret: 'e2eOfficialSecret01',
  originalId: 'gh_e2e0000000oa',
  token: 'e2eOaToken',
  encodingAesKey: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopq',
};

let stack: Stack;
beforeEach(async () => {
  stack = await startStack();
  const now = Date.now();
  await stack.server.storage.channels.save({
    id: OA.id,
    name: '公众号',
    kind: 'official_account',
    appId: OA.appId,
    appSecret: OA.secret,
    originalId: OA.originalId,
    token: OA.token,
    encodingAesKey: OA.encodingAesKey,
    mode: 'plaintext',
    format: 'xml',
    tokenSource: 'stable',
    createdAt: now,
    updatedAt: now,
  });
  await stack.emulator.admin('/apps', {
    appId: OA.appId,
    secret: OA.secret,
    kind: 'official_account',
    originalId: OA.originalId,
    pushUrl: `${stack.baseUrl}/wechat/${OA.id}`,
    token: OA.token,
    encodingAesKey: OA.encodingAesKey,
    mode: 'plaintext',
    format: 'xml',
  });
});
afterEach(() => stack.close());

it('unsubscribe closes the window: the waiting reply fails with the reason, nothing more is queued; subscribe reopens it', async () => {
  const agentId = await onlineAgent(stack, '小孙', OA.id);
  const conversationId = await customerWrites(stack, 'oFollower', '你好', OA, OA.id);
  await eventually(async () => ((await stack.delivered('oFollower')).length === 1 ? true : undefined)); // the greeting
  expect(await sendWindow(stack, conversationId)).toMatchObject({ open: true, remaining: 4 });

  await stack.emulator.faults.outage(60 * 60_000); // WeChat unreachable: the next reply waits in the outbox
  expect(await reply(stack, conversationId, agentId, '稍等，我查一下')).toBe(202);
  await stack.emulator.customerSays({ appId: OA.appId } as never, 'oFollower', 'unsubscribe');

  await eventually(async () => ((await sendWindow(stack, conversationId)).open ? undefined : true));
  expect(await sendWindow(stack, conversationId)).toMatchObject({ open: false, remaining: 0, reason: 'window_closed' });
  const waiting = await eventually(async () => {
    const m = await outgoing(stack, conversationId, '稍等，我查一下');
    return m?.delivery?.status === 'failed' ? m : undefined;
  }, 15_000);
  expect(waiting.delivery).toMatchObject({ reasonCode: 'customer_unsubscribed' });
  expect(await reply(stack, conversationId, agentId, '还在吗？')).toBe(409);

  stack.emulator.clock.advance(60 * 60_000); // WeChat is back: still nothing goes to a customer who left
  await new Promise((r) => setTimeout(r, 500));
  expect(await stack.delivered('oFollower')).toHaveLength(1);

  await stack.emulator.customerSays({ appId: OA.appId } as never, 'oFollower', 'subscribe');
  await eventually(async () => ((await sendWindow(stack, conversationId)).open ? true : undefined));
  expect(await sendWindow(stack, conversationId)).toMatchObject({ open: true, remaining: 3 });
}, 60_000);
