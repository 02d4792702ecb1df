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
    await f.agent('paused', { status: 'busy' });
    await f.agent('full', { maxConcurrent: 0 });
    const sent = f.store.data.outbox.length;
    for (const [agentId, reason] of [
      ['away', 'target_unavailable'],
      ['paused', 'target_unavailable'],
      ['full', 'target_full'],
    ]) {
      expect(await transferConversation(f.deps, { conversationId: id, to: { kind: 'agent', agentId: agentId ?? '' } })).toEqual({
        ok: false,
        reason,
      });
    }
    expect(f.conversation(id)).toMatchObject({ state: 'assigned', agentId: 'a1', excludedAgentIds: [] });
    expect(f.store.data.outbox).toHaveLength(sent);
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
      reason: 'target_unavailable',
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

  it('never to another merchant’s agent or group: to this conversation they are unknown targets', async () => {
    const { f, id } = await setup();
    await f.agent('mx', { merchantId: 'm9' });
    await f.group('mg', { merchantId: 'm9' });
    for (const to of [
      { kind: 'agent', agentId: 'mx' },
      { kind: 'group', groupId: 'mg' },
      { kind: 'agent', agentId: 'nobody' },
      { kind: 'group', groupId: 'nothing' },
    ] as const) {
      expect(await transferConversation(f.deps, { conversationId: id, to })).toEqual({ ok: false, reason: 'unknown_target' });
    }
    expect(f.conversation(id)).toMatchObject({ state: 'assigned', agentId: 'a1' });
    await expect(transferConversation(f.deps, { conversationId: id, to: { kind: 'queue' }, byAgentId: 'mx' })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('only the assignee may transfer; a colleague is refused with not_assignee and nothing changes or is sent', async () => {
    const { f, id } = await setup();
    await f.agent('a2', { groupIds: ['sales'] });
    const sent = f.store.data.outbox.length;
    for (const to of [{ kind: 'queue' }, { kind: 'agent', agentId: 'a2' }, { kind: 'group', groupId: 'sales' }] as const) {
      expect(await transferConversation(f.deps, { conversationId: id, to, byAgentId: 'a2' })).toEqual({
        ok: false,
        reason: 'not_assignee',
      });
    }
    expect(f.conversation(id)).toMatchObject({ state: 'assigned', agentId: 'a1', excludedAgentIds: [] });
    expect(f.store.data.outbox).toHaveLength(sent);
    expect(
      await transferConversation(f.deps, { conversationId: id, to: { kind: 'agent', agentId: 'a2' }, byAgentId: 'a2', byAdmin: true }),
    ).toEqual({
      ok: true,
      state: 'assigned',
      agentId: 'a2',
    });
  });

  it('an agent an admin allowed to act on colleagues’ conversations may transfer them', async () => {
    const { f, id } = await setup();
    await f.agent('lead', { canActOnColleagues: true });
    expect(await transferConversation(f.deps, { conversationId: id, to: { kind: 'queue' }, byAgentId: 'lead' })).toEqual({
      ok: true,
      state: 'queued',
    });
    expect(f.conversation(id).excludedAgentIds).toEqual(['a1']);
  });

  it('any agent of the merchant may take a queued conversation (the queue is everyone’s)', async () => {
    const f = engineFixture();
    await f.agent('a1', { maxConcurrent: 0 });
    const r = await f.say('u1', 'hi');
    const id = r.kind === 'handled' ? r.conversationId : '';
    expect(f.conversation(id).state).toBe('queued');
    await f.agent('a2');
    expect(await transferConversation(f.deps, { conversationId: id, to: { kind: 'agent', agentId: 'a2' }, byAgentId: 'a2' })).toEqual({
      ok: true,
      state: 'assigned',
      agentId: 'a2',
    });
  });

  it('to a group: its policy picks among free members, never the sender', async () => {
    const { f, id } = await setup();
    await f.group('sales', { settings: { assignment: 'round_robin' } });
    await f.agent('a2', { groupIds: ['sales'], lastAssignedAt: 5 });
    await f.agent('a3', { groupIds: ['sales'], lastAssignedAt: 1 });
    expect(await transferConversation(f.deps, { conversationId: id, to: { kind: 'group', groupId: 'sales' }, byAgentId: 'a1' })).toEqual({
      ok: true,
      state: 'assigned',
      agentId: 'a3',
    });
    expect(f.conversation(id)).toMatchObject({ groupId: 'sales', excludedAgentIds: ['a1'] });
  });

  it('to a group with nobody signed in is refused; all members occupied queues it there; a full queue is refused', async () => {
    const { f, id } = await setup();
    await f.group('support');
    await f.agent('s1', { groupIds: ['support'], status: 'offline' });
    const to = { kind: 'group', groupId: 'support' } as const;
    expect(await transferConversation(f.deps, { conversationId: id, to, byAgentId: 'a1' })).toEqual({
      ok: false,
      reason: 'target_unavailable',
    });
    await f.agent('s1', { groupIds: ['support'], status: 'busy' });
    await f.settings({ maxQueueLength: 0 });
    expect(await transferConversation(f.deps, { conversationId: id, to, byAgentId: 'a1' })).toEqual({ ok: false, reason: 'target_full' });
    expect(f.conversation(id)).toMatchObject({ state: 'assigned', agentId: 'a1', excludedAgentIds: [] });
    await f.settings({ maxQueueLength: 5 });
    expect(await transferConversation(f.deps, { conversationId: id, to, byAgentId: 'a1' })).toEqual({ ok: true, state: 'queued' });
    expect(f.conversation(id)).toMatchObject({ queuedFor: { kind: 'group', groupId: 'support' }, excludedAgentIds: ['a1'] });
  });

  it('back to the queue: the sender is passed over when the queue moves, a colleague takes it', async () => {
    const { f, id } = await setup();
    expect(await transferConversation(f.deps, { conversationId: id, to: { kind: 'queue' }, byAgentId: 'a1' })).toEqual({
      ok: true,
      state: 'queued',
    });
    expect(f.conversation(id).state).toBe('queued'); // a1 has room but is excluded
    await f.agent('a2', { groupIds: ['sales'], status: 'offline' });
    const { changeAgentStatus } = await import('./change-agent-status');
    await changeAgentStatus(f.deps, { agentId: 'a2', status: 'online' });
    expect(f.conversation(id)).toMatchObject({ state: 'assigned', agentId: 'a2' });
  });

  it('to the agent who holds it already: nothing moves and nothing is sent', async () => {
    const { f, id } = await setup();
    const sent = f.store.data.outbox.length;
    expect(await transferConversation(f.deps, { conversationId: id, to: { kind: 'agent', agentId: 'a1' }, byAgentId: 'a1' })).toEqual({
      ok: true,
      state: 'assigned',
      agentId: 'a1',
    });
    expect(f.conversation(id)).toMatchObject({ state: 'assigned', agentId: 'a1', excludedAgentIds: [] });
    expect(f.store.data.outbox).toHaveLength(sent);
  });
});
