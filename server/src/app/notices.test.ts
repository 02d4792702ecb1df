// Entering the chat and the notices a customer hears: when a conversation starts, what it says and in
// which order, that one event costs one WeChat send, that notices leave the agents' sends alone, and
// that every automatic message is recorded with its kinds.
import { customerEnteredSession } from './customer-entered-session';
import { agentReply } from './agent-reply';
import { endConversation } from './end-conversation';
import { transferConversation } from './transfer-conversation';
import { CHANNEL, engineFixture, sobotContext, type EngineFixture } from './testing/engine-fixture';

const WELCOME = '您好，欢迎咨询！';
const idOf = (r: { kind: string; conversationId?: string }) => r.conversationId ?? '';
const conversationsOf = (f: EngineFixture, openid: string) =>
  [...f.store.data.conversations.values()].filter((c) => f.store.data.customers.get(c.customerId)?.openid === openid);
const outbound = (f: EngineFixture, openid: string) =>
  [...f.store.data.messages.values()].filter((m) => m.direction === 'out' && f.store.data.customers.get(m.customerId)?.openid === openid);
const windowOf = async (f: EngineFixture, openid: string) =>
  (await f.store.tx.customers.findByOpenid(CHANNEL, openid))?.sendWindow?.remaining;

describe('entry', () => {
  it('agents mode: entering the mini program chat starts and routes the conversation before the customer types', async () => {
    const f = engineFixture();
    await f.agent('a1');
    await f.enter('u1');
    const [c] = conversationsOf(f, 'u1');
    expect(c).toMatchObject({ state: 'assigned', agentId: 'a1' });
    expect(f.sentTexts('u1')).toEqual([`${WELCOME}\n客服 Agent a1 为您服务，请问有什么可以帮您？`]);
    expect(idOf(await f.say('u1', '你好'))).toBe(c?.id); // the first message joins it and says nothing more
    expect(f.sentTexts('u1')).toHaveLength(1);
  });

  it('the transfer_action that arrives with the entry routes it', async () => {
    const f = engineFixture();
    await f.agent('a1');
    await f.agent('star');
    await f.enter('u1', { transferAction: [{ actionType: 'to_service', deciId: 'star', optionId: '2' }] });
    expect(conversationsOf(f, 'u1')[0]).toMatchObject({ state: 'assigned', agentId: 'star' });
  });

  it('re-entering while a conversation is open creates nothing new and says nothing', async () => {
    const f = engineFixture();
    await f.agent('a1', { maxConcurrent: 0 });
    await f.enter('u1');
    f.clock.advanceMinutes(5);
    await f.enter('u1');
    expect(conversationsOf(f, 'u1')).toHaveLength(1);
    expect(f.sentTexts('u1')).toEqual([`${WELCOME}\n当前客服繁忙，您排在第 1 位，请稍候。`]);
  });

  it('an official account conversation starts at the first message, with the same notices', async () => {
    const f = engineFixture();
    await f.agent('a1');
    await customerEnteredSession(f.deps, {
      channelId: CHANNEL,
      channelKind: 'official_account',
      openid: 'o1',
      context: sobotContext({}),
    });
    expect(conversationsOf(f, 'o1')).toHaveLength(0);
    await f.say('o1', '你好', 'official_account');
    expect(conversationsOf(f, 'o1')[0]).toMatchObject({ state: 'assigned', agentId: 'a1' });
    expect(f.sentTexts('o1')).toEqual([`${WELCOME}\n客服 Agent a1 为您服务，请问有什么可以帮您？`]);
  });

  it('robot modes do not route on entering: the robot greets, a person comes when asked', async () => {
    const f = engineFixture();
    await f.settings({ receptionMode: 'robot_first' });
    await f.agent('a1');
    await f.enter('u1');
    expect(conversationsOf(f, 'u1')).toHaveLength(0); // this robot has no welcome entry
  });
});

describe('the notices of a new conversation', () => {
  async function returning(patch = {}): Promise<EngineFixture> {
    const f = engineFixture();
    await f.settings({ lastAgentMode: false, ...patch });
    await f.agent('a1', { name: '小王', maxConcurrent: 1 });
    const first = idOf(await f.say('o1', '你好', 'official_account'));
    await endConversation(f.deps, { conversationId: first, by: { kind: 'customer' } });
    await f.agent('a1', { name: '小王', maxConcurrent: 0 });
    await f.agent('a2', { name: '小李' });
    f.clock.advanceMinutes(60);
    return f;
  }

  it('welcome, previous agent, outcome: in this order, in one message, recorded with their kinds', async () => {
    const f = await returning({ announcePreviousAgent: true });
    await f.say('o1', '我又来了', 'official_account');
    const last = outbound(f, 'o1').at(-1);
    expect(last?.content).toEqual({
      type: 'text',
      text: `${WELCOME}\n上次为您服务的是客服「小王」，发送「小王」可直接找 TA。\n客服 小李 为您服务，请问有什么可以帮您？`,
    });
    expect(last?.noticeKinds).toEqual(['welcome', 'previous_agent', 'assigned']);
    expect(last?.sender).toEqual({ kind: 'system' });
  });

  it('the previous agent is not named twice when the last-agent rule brings them back', async () => {
    const f = await returning({ announcePreviousAgent: true, lastAgentMode: true });
    await f.agent('a1', { name: '小王', maxConcurrent: 1 });
    await f.say('o1', '我又来了', 'official_account');
    expect(f.sentTexts('o1').at(-1)).toBe(`${WELCOME}\n客服 小王 为您服务，请问有什么可以帮您？`);
    expect(outbound(f, 'o1').at(-1)?.noticeKinds).toEqual(['welcome', 'assigned']);
  });

  it('the previous-agent notice is an option, off by default', async () => {
    const f = await returning();
    await f.say('o1', '我又来了', 'official_account');
    expect(f.sentTexts('o1').at(-1)).toBe(`${WELCOME}\n客服 小李 为您服务，请问有什么可以帮您？`);
  });

  it('a returning customer receives one send before the agent types, and the agent keeps four of the five', async () => {
    const f = await returning({ announcePreviousAgent: true });
    const before = f.sentTexts('o1').length;
    const c = idOf(await f.say('o1', '我又来了', 'official_account'));
    expect(f.sentTexts('o1').length - before).toBe(1);
    expect(await windowOf(f, 'o1')).toBe(4);
    let sent = 0;
    while ((await agentReply(f.deps, { conversationId: c, agentId: 'a2', content: { type: 'text', text: `#${sent}` } })).ok) sent++;
    expect(sent).toBe(4);
  });

  it('mini program: the notices go out in the entering window, and all five sends of the message are the agent’s', async () => {
    const f = engineFixture();
    await f.settings({ announcePreviousAgent: true });
    await f.agent('a1');
    await f.enter('u1');
    expect(await windowOf(f, 'u1')).toBe(1); // of the two WeChat allows after entering, one is kept for the agent
    const c = idOf(await f.say('u1', '你好'));
    expect(await windowOf(f, 'u1')).toBe(5);
    expect(f.sentTexts('u1')).toHaveLength(1);
    let sent = 0;
    while ((await agentReply(f.deps, { conversationId: c, agentId: 'a1', content: { type: 'text', text: `#${sent}` } })).ok) sent++;
    expect(sent).toBe(5);
  });

  it('queue position and off hours join the welcome; a leave-message offer keeps its reason on its line', async () => {
    const f = engineFixture();
    await f.agent('a1', { maxConcurrent: 0 });
    await f.say('o1', 'hi', 'official_account');
    expect(outbound(f, 'o1').map((m) => m.noticeKinds)).toEqual([['welcome', 'queue_position']]);
    await f.calendar('cal');
    await f.settings({ calendarId: 'cal' });
    f.clock.set(Date.parse('2025-01-06T20:00:00+08:00'));
    await f.say('o2', 'hi', 'official_account');
    expect(f.sentTexts('o2')).toEqual([`${WELCOME}\n您好，现在是非工作时间，客服暂时无法接待。请直接留言，我们会在工作时间尽快回复您。`]);
    expect(outbound(f, 'o2')[0]?.noticeKinds).toEqual(['welcome', 'off_hours', 'leave_message_offer']);
  });

  it('every notice is a template of the channel, merchant or group, in Chinese or English; the welcome can be off', async () => {
    const f = engineFixture();
    await f.merchant('mA', 'A');
    await f.agent('a1');
    await f.agent('b1', { merchantId: 'mA', name: 'Bob' });
    await f.settings({ language: 'en' }, 'mA');
    await f.enter('u2', { platformAction: { customerCode: 'A' } });
    expect(f.sentTexts('u2')).toEqual(['Hello, welcome!\nBob is here to help you. What can I do for you?']);
    await f.settings({ messages: { welcome: '欢迎光临！', assigned: '{agent} 在线为您服务。' } });
    await f.say('o1', 'hi', 'official_account');
    expect(f.sentTexts('o1')).toEqual(['欢迎光临！\nAgent a1 在线为您服务。']);
    await f.settings({ sendWelcome: false, announceAssignment: false });
    await f.say('o3', 'hi', 'official_account');
    expect(f.sentTexts('o3')).toEqual([]);
  });
});

describe('the welcome in robot modes', () => {
  const withWelcome = (f: EngineFixture) => {
    f.deps.robot.greeting = () => ({ type: 'text', text: '您好，回复序号即可：1.订单 2.售后' });
  };

  it('an official account conversation starts at the first message with the robot’s welcome entry, then its answer', async () => {
    const f = engineFixture({ 订单: { kind: 'answer', replies: [{ type: 'text', text: '请发订单号' }] } });
    withWelcome(f);
    await f.settings({ receptionMode: 'robot_first' });
    const c = idOf(await f.say('o1', '订单', 'official_account'));
    expect(f.sentTexts('o1')).toEqual(['您好，回复序号即可：1.订单 2.售后', '请发订单号']);
    expect(outbound(f, 'o1')[0]).toMatchObject({ sender: { kind: 'robot' }, noticeKinds: ['welcome'] });
    expect(f.conversation(c).greetedAt).toBe(f.clock.now());
    await f.say('o1', '订单', 'official_account');
    expect(f.sentTexts('o1')).toHaveLength(3); // greeted once per conversation
  });

  it('a mini program customer greeted on entering is not greeted again by the first message', async () => {
    const f = engineFixture();
    withWelcome(f);
    await f.settings({ receptionMode: 'robot_first' });
    await f.enter('u1');
    await f.say('u1', '随便问问');
    expect(f.sentTexts('u1')).toEqual(['您好，回复序号即可：1.订单 2.售后', '抱歉，我没有理解您的问题。回复“人工”可以转接人工客服。']);
  });

  it('the welcome follows sendWelcome; the previous agent joins it when enabled', async () => {
    const f = engineFixture();
    withWelcome(f);
    await f.agent('a1', { name: '小王' });
    const first = idOf(await f.say('o1', 'hi', 'official_account'));
    await endConversation(f.deps, { conversationId: first, by: { kind: 'customer' } });
    await f.settings({ receptionMode: 'robot_only', announcePreviousAgent: true });
    await f.say('o1', 'again', 'official_account');
    expect(f.sentTexts('o1').at(-2)).toBe('您好，回复序号即可：1.订单 2.售后\n上次为您服务的是客服「小王」，发送「小王」可直接找 TA。');
    await f.settings({ receptionMode: 'robot_only', sendWelcome: false });
    await f.say('o2', 'hi', 'official_account');
    expect(f.sentTexts('o2')).toEqual(['抱歉，我没有理解您的问题，请换个说法试试。']);
  });
});

describe('calling an agent by name as the first message', () => {
  it('opens the conversation with its notices and the named agent', async () => {
    const f = engineFixture();
    await f.agent('a1', { name: '小李' });
    await f.agent('a2', { name: '小王' });
    await f.say('o1', '小王', 'official_account');
    expect(f.sentTexts('o1')).toEqual([`${WELCOME}\n客服 小王 为您服务，请问有什么可以帮您？`]);
  });
});

describe('transfer notices', () => {
  it('a transfer names the new agent; one to the queue says so with the position, in one message', async () => {
    const f = engineFixture();
    await f.agent('a1');
    const c = idOf(await f.say('o1', 'hi', 'official_account'));
    await f.agent('a2', { name: '小李' });
    await transferConversation(f.deps, { conversationId: c, to: { kind: 'agent', agentId: 'a2' }, byAgentId: 'a1' });
    expect(f.sentTexts('o1').at(-1)).toBe('已为您转接客服 小李。');
    expect(outbound(f, 'o1').at(-1)?.noticeKinds).toEqual(['transfer']);
    await f.agent('a1', { maxConcurrent: 0 });
    await transferConversation(f.deps, { conversationId: c, to: { kind: 'queue' }, byAgentId: 'a2' });
    expect(f.sentTexts('o1').at(-1)).toBe('正在为您转接其他客服，请稍候。\n当前客服繁忙，您排在第 1 位，请稍候。');
    expect(outbound(f, 'o1').at(-1)?.noticeKinds).toEqual(['transfer', 'queue_position']);
  });

  it('never takes the sends kept for agents: the reserve applies to every notice', async () => {
    const f = engineFixture();
    await f.agent('a1');
    await f.agent('a2');
    const c = idOf(await f.say('o1', 'hi', 'official_account')); // the notices took 1 of 5
    for (const t of ['1', '2']) await agentReply(f.deps, { conversationId: c, agentId: 'a1', content: { type: 'text', text: t } });
    expect(await windowOf(f, 'o1')).toBe(2); // = quotaReservedForAgents
    await transferConversation(f.deps, { conversationId: c, to: { kind: 'agent', agentId: 'a2' }, byAgentId: 'a1' });
    expect(f.conversation(c).agentId).toBe('a2');
    expect(f.sentTexts('o1')).toHaveLength(3); // no transfer notice
    expect(await windowOf(f, 'o1')).toBe(2);
  });
});

describe('every automatic message is recorded with its kind', () => {
  it('closing', async () => {
    const f = engineFixture();
    await f.agent('a1');
    const c = idOf(await f.say('o1', 'hi', 'official_account'));
    await endConversation(f.deps, { conversationId: c, by: { kind: 'agent', agentId: 'a1' } });
    expect(outbound(f, 'o1').map((m) => m.noticeKinds)).toEqual([['welcome', 'assigned'], ['closing']]);
  });

  it('an agent’s reply carries none', async () => {
    const f = engineFixture();
    await f.agent('a1');
    const c = idOf(await f.say('o1', 'hi', 'official_account'));
    await agentReply(f.deps, { conversationId: c, agentId: 'a1', content: { type: 'text', text: 'hello' } });
    expect(outbound(f, 'o1').at(-1)?.noticeKinds).toBeUndefined();
  });
});
