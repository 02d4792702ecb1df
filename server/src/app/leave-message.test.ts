import { leaveMessage } from './leave-message';
import { engineFixture } from './testing/engine-fixture';

describe('leaveMessage', () => {
  it('a queued customer chooses to leave a message: the prompt, and the line moves up', async () => {
    const f = engineFixture();
    await f.agent('a1', { maxConcurrent: 0 });
    const first = await f.say('u1', 'hi');
    await f.say('u2', 'hi');
    await leaveMessage(f.deps, { conversationId: first.kind === 'handled' ? first.conversationId : '' });
    expect(f.sentTexts('u1').at(-1)).toBe('请直接留言，我们会在工作时间尽快回复您。');
    expect(f.sentTexts('u2').at(-1)).toBe('当前客服繁忙，您排在第 1 位，请稍候。');
    const next = await f.say('u1', 'my phone is 123');
    expect(next).toMatchObject({ state: 'left_message' });
    await expect(leaveMessage(f.deps, { conversationId: first.kind === 'handled' ? first.conversationId : '' })).rejects.toMatchObject({
      code: 'invalid_state',
    });
  });

  it('an agent may not turn a colleague’s conversation into a left message', async () => {
    const f = engineFixture();
    await f.agent('a1');
    const r = await f.say('u1', 'hi');
    const conversationId = r.kind === 'handled' ? r.conversationId : '';
    await f.agent('a2');
    await expect(leaveMessage(f.deps, { conversationId, byAgentId: 'a2' })).rejects.toMatchObject({ code: 'not_assignee' });
    expect(f.conversation(conversationId).state).toBe('assigned');
    await leaveMessage(f.deps, { conversationId, byAgentId: 'a1' });
    expect(f.conversation(conversationId).state).toBe('left_message');
  });
});
