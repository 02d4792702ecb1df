// Satisfaction (CSAT) inside WeChat: the request when a conversation ends (per the settings, within
// WeChat's window), and the customer's reply stored on the ended conversation as the rating, not routed.
import { agentReply } from './agent-reply';
import { endConversation } from './end-conversation';
import { tickTimers } from './tick-timers';
import { CHANNEL, engineFixture, type EngineFixture } from './testing/engine-fixture';

const REQUEST = '请为本次服务打分：回复数字 1-5（5 = 非常满意，1 = 非常不满意），也可以在数字后写下您的意见。';
const THANKS = '感谢您的评价！';
const idOf = (r: Awaited<ReturnType<EngineFixture['say']>>) => (r.kind === 'handled' ? r.conversationId : '');

/** u1 talks to a1, who answers; then the conversation ends as `end` says. */
async function servedAndEnded(f: EngineFixture, end: 'agent' | 'silence' = 'agent'): Promise<string> {
  await f.agent('a1');
  const id = idOf(await f.say('u1', '我的快递到哪了'));
  await agentReply(f.deps, { conversationId: id, agentId: 'a1', content: { type: 'text', text: '已经发出了' } });
  if (end === 'agent') await endConversation(f.deps, { conversationId: id, by: { kind: 'agent', agentId: 'a1' } });
  else {
    f.clock.advanceMinutes(11);
    await tickTimers(f.deps, { channelId: CHANNEL });
  }
  return id;
}

describe('the satisfaction request when a conversation ends', () => {
  it('off (the default): no request', async () => {
    const f = engineFixture();
    const id = await servedAndEnded(f);
    expect(f.sentTexts('u1').at(-1)).toBe('本次会话已结束，感谢您的咨询，祝您生活愉快！');
    expect(f.conversation(id).csat).toBeUndefined();
  });

  it('on: asked after the closing text, by an agent’s end or the silence timer; the end keeps its history step', async () => {
    for (const end of ['agent', 'silence'] as const) {
      const f = engineFixture();
      await f.settings({ csat: 'on' });
      const id = await servedAndEnded(f, end);
      expect(f.sentTexts('u1').at(-1)).toBe(REQUEST);
      expect(f.conversation(id).csat).toEqual({ requestedAt: f.clock.now() });
      expect(f.conversation(id).history?.at(-1)?.kind).toBe('ended');
    }
  });

  it('after_agent: not for a conversation no person answered', async () => {
    const f = engineFixture();
    await f.settings({ csat: 'after_agent' });
    await f.agent('a1');
    const id = idOf(await f.say('u1', 'hi'));
    await endConversation(f.deps, { conversationId: id, by: { kind: 'admin' } });
    expect(f.conversation(id).csat).toBeUndefined();
    const g = engineFixture();
    await g.settings({ csat: 'after_agent' });
    const served = await servedAndEnded(g);
    expect(g.conversation(served).csat).toBeDefined();
  });

  it('never a send the window forbids: after 48 hours of silence nothing is asked', async () => {
    const f = engineFixture();
    await f.settings({ csat: 'on' });
    await f.agent('a1');
    const id = idOf(await f.say('u1', 'hi'));
    const sent = f.sentTexts('u1').length;
    f.clock.advanceMinutes(49 * 60);
    await endConversation(f.deps, { conversationId: id, by: { kind: 'admin' } });
    expect(f.sentTexts('u1')).toHaveLength(sent);
    expect(f.conversation(id).csat).toBeUndefined();
  });
});

describe('the customer’s rating', () => {
  it('a number with a comment rates the ended conversation, is recorded there and thanked, and is not routed', async () => {
    const f = engineFixture();
    await f.settings({ csat: 'on' });
    const id = await servedAndEnded(f);
    f.clock.advanceMinutes(1);
    const r = await f.say('u1', '5 很满意，谢谢');
    expect(r).toMatchObject({ kind: 'handled', conversationId: id, state: 'ended' });
    expect(f.conversation(id).csat).toEqual({
      requestedAt: expect.any(Number),
      rating: 5,
      comment: '很满意，谢谢',
      ratedAt: f.clock.now(),
    });
    expect(f.sentTexts('u1').at(-1)).toBe(THANKS);
    expect([...f.store.data.conversations.values()].filter((c) => c.customerId === f.conversation(id).customerId)).toHaveLength(1);
    const inbound = [...f.store.data.messages.values()].filter((m) => m.conversationId === id && m.direction === 'in');
    expect(inbound.at(-1)?.content).toEqual({ type: 'text', text: '5 很满意，谢谢' });
  });

  it('a number alone, then the next text within minutes is its comment; later texts open a new conversation', async () => {
    const f = engineFixture();
    await f.settings({ csat: 'on' });
    const id = await servedAndEnded(f);
    expect(idOf(await f.say('u1', '３'))).toBe(id);
    expect(f.conversation(id).csat).toMatchObject({ rating: 3 });
    f.clock.advanceMinutes(2);
    expect(idOf(await f.say('u1', '物流有点慢'))).toBe(id);
    expect(f.conversation(id).csat).toMatchObject({ rating: 3, comment: '物流有点慢' });
    const next = await f.say('u1', '5');
    expect(idOf(next)).not.toBe(id);
    expect(f.conversation(id).csat).toMatchObject({ rating: 3, comment: '物流有点慢' });
  });

  it('a reply that is not a number goes its usual way, and a rating after a new conversation opened is not taken', async () => {
    const f = engineFixture();
    await f.settings({ csat: 'on' });
    const id = await servedAndEnded(f);
    const next = idOf(await f.say('u1', '我还有一个问题'));
    expect(next).not.toBe(id);
    expect(idOf(await f.say('u1', '4'))).toBe(next);
    expect(f.conversation(id).csat?.rating).toBeUndefined();
  });

  it('after entering another shop’s chat, a number is for that shop, not a rating', async () => {
    const f = engineFixture();
    await f.settings({ csat: 'on' });
    await f.merchant('m9', 'SHOP9');
    const id = await servedAndEnded(f);
    await f.enter('u1', { platformAction: { customerCode: 'SHOP9' } });
    expect(idOf(await f.say('u1', '2'))).not.toBe(id);
    expect(f.conversation(id).csat?.rating).toBeUndefined();
  });

  it('a rating a day later is too late', async () => {
    const f = engineFixture();
    await f.settings({ csat: 'on' });
    const id = await servedAndEnded(f);
    f.clock.advanceMinutes(25 * 60);
    expect(idOf(await f.say('u1', '5'))).not.toBe(id);
    expect(f.conversation(id).csat?.rating).toBeUndefined();
  });
});
