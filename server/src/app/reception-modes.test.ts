// Reception modes as the seeds promise them: robot first (微擎 人工+机器人) hands over on a keyword that
// is the whole text, keeps answering while the customer queues, and keeps the chat off hours; robot only
// never reaches a person; calling an agent by name works with the robot and in the queue, only when
// that agent can take a customer now.
import { EngineError } from '../core/errors';
import { agentReply } from './agent-reply';
import { endConversation } from './end-conversation';
import type { RoutingSettingsPatch } from '../core/model/routing-settings';
import { engineFixture, type EngineFixture } from './testing/engine-fixture';
import { transferConversation } from './transfer-conversation';

const text = (t: string) => ({ type: 'text' as const, text: t });
const PRICE = {
  价格: { kind: 'answer' as const, replies: [text('99 元')] },
  长: { kind: 'answer' as const, replies: ['一', '二', '三', '四'].map(text) },
};

const idOf = (r: Awaited<ReturnType<EngineFixture['say']>>) => {
  if (r.kind !== 'handled') throw new Error('not handled');
  return r.conversationId;
};
const inboundTexts = (f: EngineFixture, conversationId: string) =>
  [...f.store.data.messages.values()]
    .filter((m) => m.conversationId === conversationId && m.direction === 'in')
    .map((m) => (m.content.type === 'text' ? m.content.text : m.content.type));
const robotTexts = (f: EngineFixture, conversationId: string) =>
  [...f.store.data.messages.values()]
    .filter((m) => m.conversationId === conversationId && m.sender.kind === 'robot')
    .map((m) => (m.content.type === 'text' ? m.content.text : m.content.type));

/** Settings are saved whole (a later call replaces an earlier one): pass every setting at once. */
async function robotFirst(patch: RoutingSettingsPatch = {}): Promise<EngineFixture> {
  const f = engineFixture(PRICE);
  await f.settings({ receptionMode: 'robot_first', transferKeywords: ['转人工', '人工'], ...patch });
  return f;
}

describe('robot first: transfer keywords', () => {
  it('a keyword inside a longer sentence is ordinary text for the robot', async () => {
    const f = await robotFirst();
    await f.agent('a1');
    expect(await f.say('u1', '转人工就不用了')).toMatchObject({ state: 'bot' });
    expect(f.robot.questions.map((q) => q.question)).toEqual([{ type: 'text', text: '转人工就不用了' }]);
  });

  it('the whole text, trimmed, hands over', async () => {
    const f = await robotFirst();
    await f.agent('a1');
    expect(await f.say('u1', '  转人工 ')).toMatchObject({ state: 'assigned' });
    expect(f.robot.questions).toEqual([]);
  });

  it('the hand-off follows the entry’s transfer_action, which outranks the last agent', async () => {
    const f = await robotFirst();
    await f.agent('a1');
    await f.agent('a2');
    const first = idOf(await f.say('u1', '转人工'));
    expect(f.conversation(first).agentId).toBe('a1');
    await endConversation(f.deps, { conversationId: first, by: { kind: 'admin' } });
    await f.enter('u1', { transferAction: [{ actionType: 'to_service', deciId: 'a2', optionId: '2' }] });
    const second = idOf(await f.say('u1', '人工'));
    expect(f.conversation(second)).toMatchObject({ state: 'assigned', agentId: 'a2' });
  });

  it('without a transfer_action the hand-off follows the last-agent rule', async () => {
    const f = await robotFirst();
    await f.agent('a1');
    const first = idOf(await f.say('u1', '转人工'));
    await endConversation(f.deps, { conversationId: first, by: { kind: 'admin' } });
    await f.agent('a0'); // now the least loaded by name order would not matter: the last agent wins
    const second = idOf(await f.say('u1', '转人工'));
    expect(f.conversation(second).agentId).toBe('a1');
  });

  it('off hours a keyword gets the off-hours notice and the robot keeps the chat', async () => {
    const f = await robotFirst({ calendarId: 'cal' });
    await f.calendar('cal');
    await f.agent('a1');
    f.clock.set(Date.parse('2025-01-06T20:00:00+08:00'));
    expect(await f.say('u1', '转人工')).toMatchObject({ state: 'bot' });
    expect(f.sentTexts('u1')).toEqual(['您好，现在是非工作时间，客服暂时无法接待。']);
    expect(await f.say('u1', '价格')).toMatchObject({ state: 'bot' });
    expect(f.sentTexts('u1').at(-1)).toBe('99 元');
  });
});

describe('robot first: the robot keeps answering while the customer queues', () => {
  async function queuedCustomer(patch: RoutingSettingsPatch = {}) {
    const f = await robotFirst(patch);
    await f.agent('a1', { maxConcurrent: 1 });
    const busyWith = idOf(await f.say('u0', '转人工'));
    const queued = idOf(await f.say('u1', '转人工'));
    expect(f.conversation(queued).state).toBe('queued');
    return { f, busyWith, queued };
  }

  it('answers what it knows, recorded on the conversation, and the agent who takes it sees every message', async () => {
    const { f, busyWith, queued } = await queuedCustomer();
    const sentBefore = f.sentTexts('u1').length;
    expect(await f.say('u1', '价格')).toMatchObject({ state: 'queued', conversationId: queued });
    expect(f.sentTexts('u1').slice(sentBefore)).toEqual(['99 元']);
    expect(robotTexts(f, queued)).toEqual(['99 元']);
    await endConversation(f.deps, { conversationId: busyWith, by: { kind: 'agent', agentId: 'a1' } });
    expect(f.conversation(queued)).toMatchObject({ state: 'assigned', agentId: 'a1' });
    expect(inboundTexts(f, queued)).toEqual(['转人工', '价格']);
  });

  it('a question it cannot answer, or a keyword, waits for the agent silently', async () => {
    const { f, queued } = await queuedCustomer();
    const sentBefore = f.sentTexts('u1').length;
    await f.say('u1', '怎么退货');
    await f.say('u1', '转人工');
    expect(f.sentTexts('u1').slice(sentBefore)).toEqual([]);
    expect(f.conversation(queued).state).toBe('queued');
    expect(inboundTexts(f, queued)).toEqual(['转人工', '怎么退货', '转人工']);
  });

  it('never takes the sends reserved for the agent', async () => {
    const { f, queued } = await queuedCustomer({ quotaReservedForAgents: 3 });
    const sentBefore = f.sentTexts('u1').length;
    await f.say('u1', '长'); // five sends for this message, three of them kept for the agent
    expect(f.sentTexts('u1').slice(sentBefore)).toEqual(['一', '二']);
    expect(robotTexts(f, queued)).toEqual(['一', '二']);
  });

  it('a team may keep the robot silent in the queue (robotWhileQueued off)', async () => {
    const { f, queued } = await queuedCustomer({ robotWhileQueued: false });
    await f.say('u1', '价格');
    expect(robotTexts(f, queued)).toEqual([]);
  });

  it('agents-only mode has no robot in the queue', async () => {
    const f = engineFixture(PRICE);
    await f.agent('a1', { maxConcurrent: 1 });
    await f.say('u0', 'hi');
    const queued = idOf(await f.say('u1', 'hi'));
    await f.say('u1', '价格');
    expect(robotTexts(f, queued)).toEqual([]);
  });
});

describe('robot only', () => {
  async function robotOnly(): Promise<EngineFixture> {
    const f = engineFixture(PRICE);
    await f.settings({ receptionMode: 'robot_only', transferKeywords: ['转人工'] });
    await f.agent('a1', { name: '小王' });
    return f;
  }

  it('agent names, keywords and transfer_action are ordinary text for the robot', async () => {
    const f = await robotOnly();
    await f.enter('u1', { transferAction: [{ actionType: 'to_service', deciId: 'a1', optionId: '2' }] });
    for (const text of ['小王', '找小王', '转人工']) expect(await f.say('u1', text)).toMatchObject({ state: 'bot' });
    expect(f.robot.questions.map((q) => q.question)).toEqual(['小王', '找小王', '转人工'].map((text) => ({ type: 'text', text })));
    expect([...f.store.data.conversations.values()].every((c) => c.agentId === undefined)).toBe(true);
  });

  it('refuses an agent’s reply and a transfer, with the robot_only code, and changes nothing', async () => {
    const f = await robotOnly();
    const id = idOf(await f.say('u1', '你好'));
    const sent = f.sentTexts('u1').length;
    const reply = agentReply(f.deps, { conversationId: id, agentId: 'a1', content: { type: 'text', text: '我来' } });
    await expect(reply).rejects.toMatchObject({ code: 'robot_only' });
    await expect(reply).rejects.toBeInstanceOf(EngineError);
    const transfer = transferConversation(f.deps, { conversationId: id, to: { kind: 'agent', agentId: 'a1' } });
    await expect(transfer).rejects.toMatchObject({ code: 'robot_only' });
    expect(f.conversation(id)).toMatchObject({ state: 'bot' });
    expect(f.sentTexts('u1')).toHaveLength(sent);
  });
});

describe('calling an agent by name', () => {
  it('with the robot: the named agent takes the customer when they can now', async () => {
    const f = await robotFirst();
    await f.agent('a1', { name: '小王' });
    await f.say('u1', '你好');
    expect(await f.say('u1', '找小王')).toMatchObject({ state: 'assigned' });
    expect(f.conversation(idOf(await f.say('u1', 'x'))).agentId).toBe('a1');
  });

  it('in the queue: the named agent takes the waiting customer', async () => {
    const f = await robotFirst();
    await f.agent('a1', { maxConcurrent: 1 });
    await f.agent('a2', { name: '小李', status: 'invisible' });
    await f.say('u0', '转人工');
    const queued = idOf(await f.say('u1', '转人工'));
    expect(f.conversation(queued).state).toBe('queued');
    await f.say('u1', '小李');
    expect(f.conversation(queued)).toMatchObject({ state: 'assigned', agentId: 'a2' });
  });

  it.each([
    ['offline', { status: 'offline' as const }],
    ['busy', { status: 'busy' as const }],
    ['full', { maxConcurrent: 0 }],
  ])('not when the agent is %s: the robot answers instead', async (_name, patch) => {
    const f = await robotFirst();
    await f.agent('a1', { name: '小王', ...patch });
    expect(await f.say('u1', '小王')).toMatchObject({ state: 'bot' });
    expect(f.robot.questions).toHaveLength(1);
  });

  it('a team may turn name calling off (callAgentByName off)', async () => {
    const f = await robotFirst({ callAgentByName: false });
    await f.agent('a1', { name: '小王' });
    expect(await f.say('u1', '小王')).toMatchObject({ state: 'bot' });
  });

  it('not when the agent is off duty', async () => {
    const f = await robotFirst();
    await f.calendar('cal');
    await f.group('g', { calendarId: 'cal' });
    await f.agent('a1', { name: '小王', groupIds: ['g'] });
    f.clock.set(Date.parse('2025-01-06T20:00:00+08:00'));
    expect(await f.say('u1', '小王')).toMatchObject({ state: 'bot' });
    f.clock.set(Date.parse('2025-01-07T10:00:00+08:00'));
    expect(await f.say('u1', '小王')).toMatchObject({ state: 'assigned' });
  });
});
