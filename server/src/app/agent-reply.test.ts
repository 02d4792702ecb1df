import { EngineError } from '../core/errors';
import { agentReply, sendWindowOf } from './agent-reply';
import { CHANNEL, engineFixture } from './testing/engine-fixture';

async function assigned(settings = {}) {
  const f = engineFixture();
  await f.settings(settings);
  await f.agent('a1');
  const r = await f.say('u1', 'hi');
  if (r.kind !== 'handled') throw new Error('duplicate');
  return { f, id: r.conversationId };
}

const text = (t: string) => ({ type: 'text' as const, text: t });

describe('agentReply', () => {
  it('records the reply as pending, puts it in the outbox and stops the no-reply timer', async () => {
    const { f, id } = await assigned();
    const r = await agentReply(f.deps, { conversationId: id, agentId: 'a1', content: text('您好') });
    expect(r).toMatchObject({ ok: true, window: { open: true, remaining: 3 } });
    const m = r.ok ? f.store.data.messages.get(r.messageId) : undefined;
    expect(m).toMatchObject({ direction: 'out', sender: { kind: 'agent', agentId: 'a1' }, delivery: { status: 'pending' } });
    expect(f.store.data.outbox.at(-1)).toMatchObject({ messageId: m?.id, toOpenid: 'u1', channelId: CHANNEL, content: text('您好') });
    expect(f.conversation(id)).toMatchObject({ firstAgentResponseAt: f.clock.now(), lastAgentMessageAt: f.clock.now() });
    expect(f.conversation(id).customerWaitingSince).toBeUndefined();
    // The workbenches are told with the message itself, so they need not fetch it.
    expect(f.notifier.notices).toContainEqual(
      expect.objectContaining({ type: 'message_added', conversationId: id, messageId: m?.id, agentId: 'a1', message: m }),
    );
  });

  it('mini program: five sends per customer message, then a clear refusal that records nothing', async () => {
    const { f, id } = await assigned({ announceAssignment: false, sendWelcome: false });
    for (let i = 0; i < 5; i++)
      expect(await agentReply(f.deps, { conversationId: id, agentId: 'a1', content: text(`#${i}`) })).toMatchObject({ ok: true });
    const before = f.store.data.messages.size;
    const refused = await agentReply(f.deps, { conversationId: id, agentId: 'a1', content: text('one more') });
    expect(refused).toMatchObject({ ok: false, refusal: { reason: 'quota_used_up', wechatCode: 45047 }, window: { open: false } });
    expect(f.store.data.messages.size).toBe(before);
    await f.say('u1', 'still there?');
    expect(await agentReply(f.deps, { conversationId: id, agentId: 'a1', content: text('yes') })).toMatchObject({
      ok: true,
      window: { remaining: 4 },
    });
  });

  it('refuses after 48 hours without a customer message', async () => {
    const { f, id } = await assigned({ customerSilenceMinutes: 0 });
    f.clock.advanceMinutes(48 * 60);
    expect(await agentReply(f.deps, { conversationId: id, agentId: 'a1', content: text('late') })).toMatchObject({
      ok: false,
      refusal: { reason: 'window_closed', wechatCode: 45015 },
    });
  });

  it('shows the agent what is left before writing', async () => {
    const { f, id } = await assigned();
    expect(await sendWindowOf(f.deps, id)).toEqual({ open: true, remaining: 4, expiresAt: f.clock.now() + 48 * 3600_000 });
  });

  it('only the assigned agent of the same merchant may reply', async () => {
    const { f, id } = await assigned();
    await f.agent('a2');
    await f.agent('mx', { merchantId: 'm9' });
    await expect(agentReply(f.deps, { conversationId: id, agentId: 'a2', content: text('x') })).rejects.toMatchObject({
      code: 'not_assignee',
    });
    await expect(agentReply(f.deps, { conversationId: id, agentId: 'mx', content: text('x') })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(agentReply(f.deps, { conversationId: 'nope', agentId: 'a1', content: text('x') })).rejects.toBeInstanceOf(EngineError);
  });
});
