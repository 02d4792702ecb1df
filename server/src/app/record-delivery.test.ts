import { agentReply, sendWindowOf } from './agent-reply';
import { recordDelivery } from './record-delivery';
import { engineFixture } from './testing/engine-fixture';

async function replied() {
  const f = engineFixture();
  await f.agent('a1');
  const r = await f.say('u1', 'hi');
  const id = r.kind === 'handled' ? r.conversationId : '';
  const reply = await agentReply(f.deps, { conversationId: id, agentId: 'a1', content: { type: 'text', text: 'hello' } });
  return { f, id, messageId: reply.ok ? reply.messageId : '' };
}

describe('recordDelivery', () => {
  it('marks a message sent, once, and tells its agent', async () => {
    const { f, id, messageId } = await replied();
    expect(await recordDelivery(f.deps, { messageId, outcome: { status: 'sent' } })).toEqual({ status: 'sent', at: f.clock.now() });
    expect(await recordDelivery(f.deps, { messageId, outcome: { status: 'failed', reason: 'late' } })).toMatchObject({ status: 'sent' });
    const told = f.notifier.notices.filter((n) => n.type === 'message_delivered' || n.type === 'delivery_failed');
    expect(told).toEqual([
      { type: 'message_delivered', channelId: 'ch1', conversationId: id, messageId, agentId: 'a1', at: f.clock.now() },
    ]);
  });

  it('a 45015 closes the window and the agent is told', async () => {
    const { f, id, messageId } = await replied();
    await recordDelivery(f.deps, { messageId, outcome: { status: 'failed', reason: 'window closed', wechatCode: 45015 } });
    expect(f.store.data.messages.get(messageId)?.delivery).toMatchObject({ status: 'failed', wechatCode: 45015 });
    expect(await sendWindowOf(f.deps, id)).toMatchObject({ open: false, reason: 'window_closed' });
    expect(f.notifier.notices).toContainEqual({
      type: 'delivery_failed',
      channelId: 'ch1',
      conversationId: id,
      messageId,
      agentId: 'a1',
      reason: 'window closed',
    });
  });

  it('a 45047 uses the quota up', async () => {
    const { f, id, messageId } = await replied();
    await recordDelivery(f.deps, { messageId, outcome: { status: 'failed', reason: 'quota', wechatCode: 45047 } });
    expect(await sendWindowOf(f.deps, id)).toMatchObject({ open: false, reason: 'quota_used_up' });
  });

  it('another failure gives the send back', async () => {
    const { f, id, messageId } = await replied();
    const before = await sendWindowOf(f.deps, id);
    await recordDelivery(f.deps, { messageId, outcome: { status: 'failed', reason: 'invalid media', wechatCode: 40007 } });
    expect((await sendWindowOf(f.deps, id)).remaining).toBe(before.remaining + 1);
  });

  it('unknown or inbound messages are not found', async () => {
    const { f } = await replied();
    const inbound = [...f.store.data.messages.values()].find((m) => m.direction === 'in')!;
    await expect(recordDelivery(f.deps, { messageId: inbound.id, outcome: { status: 'sent' } })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
