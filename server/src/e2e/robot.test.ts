// End to end, the knowledge base's robot answers first (robot-first mode), through the composed
// server, the outbox sender and the WeChat emulator. Entries are made through the REST API; the customer
// enters the chat with a real session-from, is welcomed, gets an entry by its number, then asks for a person.
import { encodeSessionFrom } from '../../../shared/src/index';
import { CHANNEL, eventually, startStack, type Stack } from './testing/stack';

let stack: Stack;
beforeEach(async () => {
  stack = await startStack();
});
afterEach(() => stack.close());

const sentTexts = (openId: string) => stack.delivered(openId);

const app = { appId: CHANNEL.appId } as never;

it('welcomes, answers by number with placeholders, and hands over on 转人工', async () => {
  expect((await stack.api('PUT', `/channels/${CHANNEL.id}/settings`, { receptionMode: 'robot_first' })).status).toBe(200);
  const entries = [
    { number: 9, type: 'text', text: '您好 [name]，回复序号即可：1.订单 2.售后', welcome: true },
    { number: 1, keywords: ['订单', '发货'], type: 'text', text: '[name]，您的订单将在 24 小时内发货。{br}回复 2 查看售后' },
  ];
  for (const e of entries) expect((await stack.api('POST', `/channels/${CHANNEL.id}/knowledge`, e)).status).toBe(201);
  const agent = await stack.api<{ id: string }>('POST', `/channels/${CHANNEL.id}/agents`, { name: '小王', maxConcurrent: 3 });
  await stack.api('PUT', `/agents/${agent.body.id}/status`, { status: 'online' });

  await stack.emulator.customerSays(app, 'oRobot1', 'user_enter_tempsession', {
    sessionFrom: encodeSessionFrom({ nickname: '小明' }).value,
  });
  await eventually(async () => ((await sentTexts('oRobot1')).length === 1 ? true : undefined));
  await stack.emulator.customerSays(app, 'oRobot1', 'text', { text: '1' });
  await eventually(async () => ((await sentTexts('oRobot1')).length === 2 ? true : undefined));
  await stack.emulator.customerSays(app, 'oRobot1', 'text', { text: '转人工' });
  await eventually(async () => ((await sentTexts('oRobot1')).length === 3 ? true : undefined));
  expect(await sentTexts('oRobot1')).toEqual([
    '您好 小明，回复序号即可：1.订单 2.售后',
    '小明，您的订单将在 24 小时内发货。\n回复 2 查看售后',
    '客服 小王 为您服务，请问有什么可以帮您？',
  ]);
});
