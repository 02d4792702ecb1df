// End to end: the composed server (real port, real SQLite file) and the WeChat emulator (real port).
// A customer's push travels signed and encrypted to the endpoint, is stored, routed and answered; an
// agent answers through the REST API; WeChat (the emulator) receives what the customer would see.
import { exampleMessage, sendPush } from '../wechat/push-client/index';
import { CHANNEL, eventually, startStack, type Stack } from './testing/stack';

interface Item {
  id: string;
  state?: string;
  content?: { type: string; text?: string };
  direction?: string;
  delivery?: { status: string; wechatCode?: number; reason?: string };
}

let stack: Stack;
beforeEach(async () => {
  stack = await startStack();
});
afterEach(() => stack.close());

const sentTexts = () => stack.delivered();

async function onlineAgent(name: string): Promise<string> {
  const agent = await stack.api<{ id: string }>('POST', `/channels/${CHANNEL.id}/agents`, { name, maxConcurrent: 3 });
  await stack.api('PUT', `/agents/${agent.body.id}/status`, { status: 'online' });
  return agent.body.id;
}

async function conversations(): Promise<Item[]> {
  return (await stack.api<{ items: Item[] }>('GET', `/channels/${CHANNEL.id}/conversations`)).body.items;
}

async function messages(conversationId: string): Promise<Item[]> {
  return (await stack.api<{ items: Item[] }>('GET', `/conversations/${conversationId}/messages`)).body.items;
}

describe('a conversation through WeChat, the server and the API', () => {
  it('the customer writes, an agent is assigned and answers, WeChat delivers both', async () => {
    const agentId = await onlineAgent('小王');
    await stack.emulator.customerSays({ appId: CHANNEL.appId } as never, 'oCustomer1', 'text', { text: '你好，我想问一下订单' });
    const [conversation] = await eventually(async () =>
      (await conversations()).some((c) => c.state === 'assigned') ? conversations() : undefined,
    );
    const reply = await stack.api<{ delivery: { status: string } }>('POST', `/conversations/${conversation?.id}/reply`, {
      agentId,
      text: '您好，请问订单号是多少？',
    });
    expect(reply.status).toBe(202);
    await eventually(async () => ((await sentTexts()).includes('您好，请问订单号是多少？') ? true : undefined));
    const history = await eventually(async () => {
      const list = await messages(conversation?.id as string);
      return list.every((m) => m.direction === 'in' || m.delivery?.status === 'sent') && list.length === 3 ? list : undefined;
    });
    expect(history.map((m) => [m.direction, m.content?.text])).toEqual([
      ['in', '你好，我想问一下订单'],
      ['out', '您好，欢迎咨询！\n客服 小王 为您服务，请问有什么可以帮您？'],
      ['out', '您好，请问订单号是多少？'],
    ]);
  });

  it("stores a push WeChat retries once and answers every retry 'success'", async () => {
    const message = exampleMessage('text', {
      openId: 'oRetry',
      originalId: CHANNEL.originalId,
      createTime: 1714112445,
      msgId: '24201374105174091',
      text: '重试',
    });
    const answers = await Promise.all([1, 2, 3].map(() => sendPush(stack.target, message)));
    expect(answers.map((a) => [a.status, a.body])).toEqual([
      [200, 'success'],
      [200, 'success'],
      [200, 'success'],
    ]);
    await eventually(async () => ((await conversations()).length === 1 ? true : undefined));
    const [conversation] = await conversations();
    expect((await messages(conversation?.id as string)).filter((m) => m.direction === 'in')).toHaveLength(1);
  });

  it('a reply waiting in the outbox is sent after a restart', async () => {
    const agentId = await onlineAgent('小李');
    await stack.emulator.customerSays({ appId: CHANNEL.appId } as never, 'oCustomer2', 'text', { text: '在吗' });
    const [conversation] = await eventually(async () =>
      (await conversations()).some((c) => c.state === 'assigned') ? conversations() : undefined,
    );
    await eventually(async () => ((await sentTexts()).length === 1 ? true : undefined)); // the greeting
    await stack.restart(false); // a server that takes requests but has not started its sender
    const reply = await stack.api('POST', `/conversations/${conversation?.id}/reply`, { agentId, text: '在的，请讲' });
    expect(reply.status).toBe(202);
    await stack.restart(true);
    await eventually(async () => ((await sentTexts()).includes('在的，请讲') ? true : undefined));
    expect((await sentTexts()).filter((t) => t === '在的，请讲')).toHaveLength(1);
  });

  it('shows the agent why WeChat refused a send (window closed)', async () => {
    const agentId = await onlineAgent('小张');
    await stack.emulator.customerSays({ appId: CHANNEL.appId } as never, 'oCustomer3', 'text', { text: '你好' });
    const [conversation] = await eventually(async () =>
      (await conversations()).some((c) => c.state === 'assigned') ? conversations() : undefined,
    );
    await stack.emulator.admin('/clock/advance', { hours: 49 }); // WeChat's 48 hours pass; our own clock does not know
    await stack.api('POST', `/conversations/${conversation?.id}/reply`, { agentId, text: '还在吗？' });
    const failed = await eventually(async () =>
      (await messages(conversation?.id as string)).find((m) => m.content?.text === '还在吗？' && m.delivery?.status === 'failed'),
    );
    expect(failed.delivery).toMatchObject({ status: 'failed', wechatCode: 45015 });
  });
});
