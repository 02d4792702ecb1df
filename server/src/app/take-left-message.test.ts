import { agentReply } from './agent-reply';
import { endConversation } from './end-conversation';
import { leaveMessage } from './leave-message';
import { takeLeftMessage } from './take-left-message';
import { engineFixture, type EngineFixture } from './testing/engine-fixture';

/** u1 is queued (nobody free), then leaves a message: a conversation in left_message. */
async function leftMessage(f: EngineFixture): Promise<string> {
  await f.agent('a1', { maxConcurrent: 0 });
  const said = await f.say('u1', 'hi');
  const id = said.kind === 'handled' ? said.conversationId : '';
  await leaveMessage(f.deps, { conversationId: id });
  await f.say('u1', 'call me at 123');
  expect(f.conversation(id).state).toBe('left_message');
  return id;
}

describe('takeLeftMessage', () => {
  it('an agent takes a left message: it is theirs, nothing is sent, and they may reply while the window allows', async () => {
    const f = engineFixture();
    const id = await leftMessage(f);
    await f.agent('a2');
    const sentBefore = f.sentTexts('u1').length;
    const taken = await takeLeftMessage(f.deps, { conversationId: id, agentId: 'a2' });
    expect(taken).toMatchObject({ state: 'assigned', agentId: 'a2', window: { open: true } });
    expect(f.conversation(id)).toMatchObject({ state: 'assigned', agentId: 'a2' });
    expect(f.conversation(id).customerWaitingSince).toBeUndefined();
    expect(f.sentTexts('u1')).toHaveLength(sentBefore);
    expect(f.notifier.notices).toContainEqual(
      expect.objectContaining({ type: 'conversation_changed', conversationId: id, state: 'assigned', agentId: 'a2' }),
    );
    expect(f.notifier.notices.at(-1)).toMatchObject({ type: 'queue_changed', channelId: 'ch1', length: 0 }); // colleagues' lists reload
    const reply = await agentReply(f.deps, { conversationId: id, agentId: 'a2', content: { type: 'text', text: 'we called you' } });
    expect(reply.ok).toBe(true);
    expect(f.conversation(id).history?.at(-1)).toMatchObject({ kind: 'taken', agentId: 'a2' });
  });

  it('the window still rules: past 48 hours the reply is refused with the reason', async () => {
    const f = engineFixture();
    const id = await leftMessage(f);
    await f.agent('a2');
    f.clock.advanceMinutes(49 * 60);
    const taken = await takeLeftMessage(f.deps, { conversationId: id, agentId: 'a2' });
    expect(taken.window).toMatchObject({ open: false, reason: 'window_closed' });
    const reply = await agentReply(f.deps, { conversationId: id, agentId: 'a2', content: { type: 'text', text: 'late' } });
    expect(reply).toMatchObject({ ok: false, refusal: { reason: 'window_closed' } });
  });

  it('an agent may end a left message instead', async () => {
    const f = engineFixture();
    const id = await leftMessage(f);
    await endConversation(f.deps, { conversationId: id, by: { kind: 'agent', agentId: 'a1' } });
    expect(f.conversation(id)).toMatchObject({ state: 'ended', endReason: 'agent_ended' });
  });

  it('refuses what is not a left message, and agents of another merchant', async () => {
    const f = engineFixture();
    const id = await leftMessage(f);
    await f.merchant('m1', 'shop1');
    await f.agent('other', { merchantId: 'm1' });
    await expect(takeLeftMessage(f.deps, { conversationId: id, agentId: 'other' })).rejects.toMatchObject({ code: 'forbidden' });
    await f.agent('a2');
    await takeLeftMessage(f.deps, { conversationId: id, agentId: 'a2' });
    await expect(takeLeftMessage(f.deps, { conversationId: id, agentId: 'a1' })).rejects.toMatchObject({ code: 'not_assignee' });
  });
});
