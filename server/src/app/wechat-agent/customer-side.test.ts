// What customers do around WeChat agents (name calls, 再见, returning, openid), and WeChat's window
// cutting an agent off.
import { messageToAgentFailed } from './keep-agents-informed';
import { wechatAgentFixture, type WeChatAgentFixture } from './testing/wechat-agent-fixture';

let f: WeChatAgentFixture;
beforeEach(async () => {
  f = wechatAgentFixture();
  await f.settings({ receptionMode: 'agents_only' });
  await f.agent('w1', { name: '小王', wechatOpenid: 'oA', status: 'offline', maxConcurrent: 5 });
  await f.agent('bench', { name: '小李', status: 'online', maxConcurrent: 5 }); // a workbench agent
  await f.write('oA', '上班');
  f.newTexts('oA');
});

const open = (openid: string) =>
  [...f.store.data.conversations.values()].find((c) => f.store.data.customers.get(c.customerId)?.openid === openid && c.state !== 'ended');

describe('customers and a WeChat agent in one team', () => {
  it('a customer who sends openid gets it back, without opening a conversation', async () => {
    await f.write('oNew', 'openid');
    expect(f.sentTexts('oNew')).toEqual(['您的 openid：oNew']);
    expect(open('oNew')).toBeUndefined();
  });

  // Name calling works while the customer waits in the queue (or is with the robot), not to take a
  // conversation a colleague already holds.
  it('calling an agent by name hands the queued customer to them, invisible ones included', async () => {
    await f.write('oA', '隐身');
    await f.agent('bench', { name: '小李', status: 'busy', maxConcurrent: 5 });
    await f.write('oC1', '你好');
    expect(open('oC1')?.state).toBe('queued');
    await f.write('oC1', '找小王');
    expect(open('oC1')?.agentId).toBe('w1');
    expect(f.newTexts('oA').at(-1)).toBe('新客户 #1 接入（当前客户，直接回复即可）\n你好\n找小王');
  });

  it('calling an agent by name does not take a conversation a colleague holds', async () => {
    await f.write('oC1', '你好');
    expect(open('oC1')?.agentId).toBe('bench');
    await f.write('oC1', '找小王');
    expect(open('oC1')?.agentId).toBe('bench');
  });

  it('再见 ends the conversation and the agent hears the customer left; back later, they hear who served them', async () => {
    await f.write('oC1', '小王');
    expect(open('oC1')?.agentId).toBe('w1');
    await f.write('oC1', '再见');
    expect(open('oC1')).toBeUndefined();
    expect(f.newTexts('oA')).toEqual(['新客户 #1 接入（当前客户，直接回复即可）\n小王', '【#1】再见', '#1 客户已离开。']);
    await f.write('oA', '忙碌'); // 小王 takes nobody new now (invisible agents still get their returning customers)
    f.newTexts('oC1');
    await f.settings({ announcePreviousAgent: true }); // an option, off by default
    await f.write('oC1', '我又来了');
    expect(open('oC1')?.agentId).toBe('bench');
    // The notices of a new conversation, in order and in one send: welcome, previous agent, assignment.
    expect(f.newTexts('oC1')).toEqual([
      '您好，欢迎咨询！\n上次为您服务的是客服「小王」，发送「小王」可直接找 TA。\n客服 小李 为您服务，请问有什么可以帮您？',
    ]);
  });
});

describe("WeChat's window for the agent", () => {
  it('after 5 messages without an answer from the agent, the customer moves on and the agent hears it when they write', async () => {
    await f.write('oC1', '小王');
    for (const t of ['2', '3', '4']) await f.write('oC1', t);
    expect(f.newTexts('oA')).toHaveLength(4); // 上班's answer took the first of the agent's 5 sends
    await f.write('oC1', '5');
    expect(open('oC1')?.agentId).toBe('bench');
    expect(f.agentRecord('w1').status).toBe('busy');
    expect(f.newTexts('oA')).toEqual([]);
    await f.write('oA', '在的');
    expect(f.newTexts('oA')[0]).toBe(
      '连续转给您的消息已达微信上限（5 条），微信暂停了发给您的消息（45047）。\n期间这些客户已转出：\n#1：已转给 小李\n已恢复为「上班（空闲）」。',
    );
    expect(f.agentRecord('w1').status).toBe('online');
  });

  it('a 45015 from WeChat on a message forwarded to the agent cuts the agent off too; the conversation falls back to the queue', async () => {
    await f.agent('bench', { name: '小李', status: 'busy', maxConcurrent: 5 });
    await f.write('oC1', '你好');
    const forwarded = [...f.store.data.messages.values()]
      .filter((m) => m.direction === 'out' && f.store.data.customers.get(m.customerId)?.openid === 'oA')
      .at(-1);
    f.clock.advanceMinutes(1);
    await f.store.run(async (tx) =>
      tx.messages.setDelivery(forwarded?.id ?? '', {
        status: 'failed',
        at: f.clock.now(),
        reason: 'WeChat 45015: response out of time limit',
        wechatCode: 45015,
      }),
    );
    await f.store.run(async (tx) => messageToAgentFailed({ tx, now: f.clock.now(), ids: f.deps.ids, notices: [] }, forwarded?.id ?? ''));
    expect(open('oC1')?.state).toBe('queued');
    expect(f.agentRecord('w1').status).toBe('busy');
    f.newTexts('oA');
    await f.write('oA', '我回来了');
    expect(f.newTexts('oA')[0]).toMatch(/^您超过 48 小时未在此发言，微信暂停了发给您的消息（45015）。\n期间这些客户已转出：\n#1：回到排队/);
  });
});
