import { transferConversation } from './transfer-conversation';
import { engineFixture } from './testing/engine-fixture';

async function setup() {
  const f = engineFixture();
  await f.group('sales');
  await f.group('night', { calendarId: 'closed' });
  await f.calendar('closed', { workdaySegments: [], nonWorkdaySegments: [] });
  await f.agent('a1', { groupIds: ['sales'] });
  const r = await f.say('u1', 'hi');
  if (r.kind !== 'handled') throw new Error('duplicate');
  return { f, id: r.conversationId };
}

describe('transferConversation', () => {
  it('to a named agent, even an invisible one', async () => {
    const { f, id } = await setup();
    await f.agent('hidden', { status: 'invisible' });
    expect(await transferConversation(f.deps, { conversationId: id, to: { kind: 'agent', agentId: 'hidden' }, byAgentId: 'a1' })).toEqual({
      ok: true,
      state: 'assigned',
      agentId: 'hidden',
    });
    expect(f.conversation(id).excludedAgentIds).toEqual(['a1']);
    expect(f.sentTexts('u1').at(-1)).toBe('已为您转接客服 Agent hidden。');
  });

  it('refuses an agent who is offline, busy or full, and changes nothing', async () => {
    const { f, id } = await setup();
    await f.agent('away', { status: 'offline' });
    await f.agent('full', { maxConcurrent: 0 });
    for (const agentId of ['away', 'full']) {
      expect(await transferConversation(f.deps, { conversationId: id, to: { kind: 'agent', agentId } })).toEqual({
        ok: false,
        reason: 'agent_unavailable',
      });
    }
    expect(f.conversation(id)).toMatchObject({ state: 'assigned', agentId: 'a1', excludedAgentIds: [] });
  });

  it('to a group: assigned to a free member other than the one giving it up, else queued for the group', async () => {
    const { f, id } = await setup();
    expect(await transferConversation(f.deps, { conversationId: id, to: { kind: 'group', groupId: 'sales' } })).toEqual({
      ok: true,
      state: 'queued',
    });
    expect(f.conversation(id).queuedFor).toEqual({ kind: 'group', groupId: 'sales' });
    await f.agent('a2', { groupIds: ['sales'], status: 'offline' });
    const { changeAgentStatus } = await import('./change-agent-status');
    await changeAgentStatus(f.deps, { agentId: 'a2', status: 'online' });
    expect(f.conversation(id)).toMatchObject({ state: 'assigned', agentId: 'a2' });
  });

  it('to a group that is off duty is refused with the reason', async () => {
    const { f, id } = await setup();
    await f.agent('n1', { groupIds: ['night'] });
    expect(await transferConversation(f.deps, { conversationId: id, to: { kind: 'group', groupId: 'night' } })).toEqual({
      ok: false,
      reason: 'off_hours',
    });
  });

  it('back to the queue: at the end of the line, and the freed seat takes the oldest waiting customer', async () => {
    const { f, id } = await setup();
    await f.store.tx.agents.save({ ...(await f.store.tx.agents.get('a1'))!, maxConcurrent: 1 });
    const waiting = await f.say('u2', 'hi');
    expect(waiting).toMatchObject({ state: 'queued' });
    expect(await transferConversation(f.deps, { conversationId: id, to: { kind: 'queue' }, byAgentId: 'a1' })).toEqual({
      ok: true,
      state: 'queued',
    });
    expect(f.conversation(waiting.kind === 'handled' ? waiting.conversationId : '')).toMatchObject({ state: 'assigned', agentId: 'a1' });
    expect(f.conversation(id)).toMatchObject({ state: 'queued', excludedAgentIds: ['a1'] });
  });

  it('never to another merchant’s agent or group', async () => {
    const { f, id } = await setup();
    await f.agent('mx', { merchantId: 'm9' });
    await f.group('mg', { merchantId: 'm9' });
    await expect(transferConversation(f.deps, { conversationId: id, to: { kind: 'agent', agentId: 'mx' } })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(transferConversation(f.deps, { conversationId: id, to: { kind: 'group', groupId: 'mg' } })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(transferConversation(f.deps, { conversationId: id, to: { kind: 'queue' }, byAgentId: 'mx' })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
