import { endConversation } from './end-conversation';
import { engineFixture } from './testing/engine-fixture';

describe('endConversation', () => {
  it('sends the closing message, frees the seat for the queue and tells the others their new place', async () => {
    const f = engineFixture();
    await f.agent('a1', { maxConcurrent: 1 });
    const first = await f.say('u1', 'hi');
    await f.say('u2', 'hi');
    await f.say('u3', 'hi');
    expect(f.sentTexts('u3')).toEqual(['您好，欢迎咨询！\n当前客服繁忙，您排在第 2 位，请稍候。']);
    await endConversation(f.deps, {
      conversationId: first.kind === 'handled' ? first.conversationId : '',
      by: { kind: 'agent', agentId: 'a1' },
    });
    expect(f.sentTexts('u1').at(-1)).toBe('本次会话已结束，感谢您的咨询，祝您生活愉快！');
    expect(f.sentTexts('u2').at(-1)).toBe('客服 Agent a1 为您服务，请问有什么可以帮您？');
    expect(f.sentTexts('u3')).toEqual(['您好，欢迎咨询！\n当前客服繁忙，您排在第 2 位，请稍候。', '当前客服繁忙，您排在第 1 位，请稍候。']);
    const ended = f.conversation(first.kind === 'handled' ? first.conversationId : '');
    expect(ended).toMatchObject({ state: 'ended', endReason: 'agent_ended', endedAt: f.clock.now(), agentId: 'a1' });
  });

  it('a queue move is not announced when it would eat the sends kept for agents', async () => {
    const f = engineFixture();
    await f.settings({ quotaReservedForAgents: 4 });
    await f.agent('a1', { maxConcurrent: 1 });
    const first = await f.say('u1', 'hi');
    await f.say('u2', 'hi');
    await f.say('u3', 'hi'); // 5 sends: "position 2" leaves 4
    await endConversation(f.deps, { conversationId: first.kind === 'handled' ? first.conversationId : '', by: { kind: 'admin' } });
    expect(f.sentTexts('u3')).toEqual(['您好，欢迎咨询！\n当前客服繁忙，您排在第 2 位，请稍候。']);
  });

  it('the next message after the end opens a new conversation', async () => {
    const f = engineFixture();
    await f.agent('a1');
    const first = await f.say('u1', 'hi');
    const id = first.kind === 'handled' ? first.conversationId : '';
    await endConversation(f.deps, { conversationId: id, by: { kind: 'customer' } });
    await expect(endConversation(f.deps, { conversationId: id, by: { kind: 'admin' } })).rejects.toMatchObject({ code: 'invalid_state' });
    const again = await f.say('u1', 'hi again');
    expect(again.kind === 'handled' && again.conversationId).not.toBe(id);
    expect(f.conversation(id).endReason).toBe('customer_left');
  });

  it('an agent of another merchant may not end it', async () => {
    const f = engineFixture();
    await f.agent('a1');
    await f.agent('mx', { merchantId: 'm9' });
    const r = await f.say('u1', 'hi');
    await expect(
      endConversation(f.deps, { conversationId: r.kind === 'handled' ? r.conversationId : '', by: { kind: 'agent', agentId: 'mx' } }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('a colleague’s conversation is read-only: an agent may not end it unless an admin allowed it', async () => {
    const f = engineFixture();
    await f.agent('a1');
    const r = await f.say('u1', 'hi');
    const conversationId = r.kind === 'handled' ? r.conversationId : '';
    await f.agent('a2');
    await expect(endConversation(f.deps, { conversationId, by: { kind: 'agent', agentId: 'a2' } })).rejects.toMatchObject({
      code: 'not_assignee',
    });
    expect(f.conversation(conversationId).state).toBe('assigned');
    await f.agent('lead', { canActOnColleagues: true });
    await endConversation(f.deps, { conversationId, by: { kind: 'agent', agentId: 'lead' } });
    expect(f.conversation(conversationId).state).toBe('ended');
  });
});
