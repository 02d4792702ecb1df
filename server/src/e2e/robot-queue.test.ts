// End to end, robot-first mode (微擎 人工+机器人) through the composed server, the outbox sender and the
// WeChat emulator: a customer waiting in the queue keeps getting the robot's answers, the robot's
// answers are recorded on the conversation, and the agent who takes it sees everything the customer
// wrote while waiting. In robot-only mode the REST API refuses an agent's reply with `robot_only`.
import { CHANNEL, eventually, startStack, type Stack } from './testing/stack';

interface Item {
  id: string;
  state?: string;
  agentId?: string;
  direction?: string;
  sender?: { kind: string };
  content?: { type: string; text?: string };
}

let stack: Stack;
beforeEach(async () => {
  stack = await startStack();
});
afterEach(() => stack.close());

const app = { appId: CHANNEL.appId } as never;

async function conversations(): Promise<Item[]> {
  return (await stack.api<{ items: Item[] }>('GET', `/channels/${CHANNEL.id}/conversations`)).body.items;
}

async function stateOf(state: string): Promise<Item> {
  return eventually(async () => (await conversations()).find((c) => c.state === state));
}

async function delivered(openid: string, count: number): Promise<string[]> {
  return eventually(async () => {
    const texts = await stack.delivered(openid);
    return texts.length >= count ? texts : undefined;
  });
}

it('robot first: the robot answers a queued customer, and the agent who takes them sees every message', async () => {
  expect((await stack.api('PUT', `/channels/${CHANNEL.id}/settings`, { receptionMode: 'robot_first' })).status).toBe(200);
  const entry = { number: 1, keywords: ['发货'], type: 'text', text: '订单将在 24 小时内发货。' };
  expect((await stack.api('POST', `/channels/${CHANNEL.id}/knowledge`, entry)).status).toBe(201);
  const agent = await stack.api<{ id: string }>('POST', `/channels/${CHANNEL.id}/agents`, { name: '小王', maxConcurrent: 1 });
  await stack.api('PUT', `/agents/${agent.body.id}/status`, { status: 'online' });

  await stack.emulator.customerSays(app, 'oFirst', 'text', { text: '转人工' });
  const first = await stateOf('assigned');
  await stack.emulator.customerSays(app, 'oWaiting', 'text', { text: '转人工' });
  const waiting = await stateOf('queued');
  await delivered('oWaiting', 1); // the queue position

  await stack.emulator.customerSays(app, 'oWaiting', 'text', { text: '1' });
  expect((await delivered('oWaiting', 2)).at(-1)).toBe('订单将在 24 小时内发货。');
  expect((await stack.api<Item>('GET', `/conversations/${waiting.id}`)).body.state).toBe('queued');

  expect((await stack.api('POST', `/conversations/${first.id}/end`, { agentId: agent.body.id })).status).toBe(204);
  await eventually(async () => {
    const c = (await stack.api<Item>('GET', `/conversations/${waiting.id}`)).body;
    return c.state === 'assigned' && c.agentId === agent.body.id ? true : undefined;
  });
  const history = (await stack.api<{ items: Item[] }>('GET', `/conversations/${waiting.id}/messages`)).body.items;
  expect(history.filter((m) => m.direction === 'in').map((m) => m.content?.text)).toEqual(['转人工', '1']);
  expect(history.filter((m) => m.sender?.kind === 'robot').map((m) => m.content?.text)).toEqual(['订单将在 24 小时内发货。']);
});

it('robot only: an agent’s reply is refused with robot_only and nothing is sent', async () => {
  expect((await stack.api('PUT', `/channels/${CHANNEL.id}/settings`, { receptionMode: 'robot_only' })).status).toBe(200);
  const agent = await stack.api<{ id: string }>('POST', `/channels/${CHANNEL.id}/agents`, { name: '小王', maxConcurrent: 3 });
  await stack.api('PUT', `/agents/${agent.body.id}/status`, { status: 'online' });
  await stack.emulator.customerSays(app, 'oBot', 'text', { text: '小王' });
  const c = await stateOf('bot');
  const before = (await delivered('oBot', 1)).length;
  const reply = await stack.api<{ error: { code: string } }>('POST', `/conversations/${c.id}/reply`, {
    agentId: agent.body.id,
    text: '我来',
  });
  expect(reply).toMatchObject({ status: 409, body: { error: { code: 'robot_only' } } });
  const transfer = await stack.api<{ error: { code: string } }>('POST', `/conversations/${c.id}/transfer`, {
    to: { kind: 'agent', agentId: agent.body.id },
  });
  expect(transfer).toMatchObject({ status: 409, body: { error: { code: 'robot_only' } } });
  expect(await stack.delivered('oBot')).toHaveLength(before);
});
