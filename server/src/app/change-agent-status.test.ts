import { changeAgentStatus } from './change-agent-status';
import { engineFixture } from './testing/engine-fixture';

const idOf = (r: { kind: string; conversationId?: string }) => r.conversationId ?? '';

describe('changeAgentStatus', () => {
  it('coming online takes the queue oldest first, up to the limit, and the rest hear their new place', async () => {
    const f = engineFixture();
    await f.agent('a1', { status: 'offline', maxConcurrent: 2 });
    await f.agent('a0', { maxConcurrent: 0 }); // logged in but full: customers queue instead of leaving messages
    const ids = [];
    for (const u of ['u1', 'u2', 'u3', 'u4']) {
      ids.push(idOf(await f.say(u, 'hi')));
      f.clock.advanceMinutes(1);
    }
    const r = await changeAgentStatus(f.deps, { agentId: 'a1', status: 'online' });
    expect(r.received).toEqual(ids.slice(0, 2));
    expect(f.sentTexts('u3').at(-1)).toBe('当前客服繁忙，您排在第 1 位，请稍候。');
    expect(f.sentTexts('u4').at(-1)).toBe('当前客服繁忙，您排在第 2 位，请稍候。');
    expect(f.notifier.notices).toContainEqual({ type: 'agent_changed', channelId: 'ch1', agentId: 'a1', status: 'online' });
  });

  it('an invisible agent takes only customers waiting for them by name', async () => {
    const f = engineFixture();
    await f.agent('a0', { maxConcurrent: 0 });
    await f.agent('star', { status: 'offline' });
    await f.say('u1', 'hi');
    await f.enter('u2', { transferAction: [{ actionType: 'to_service', deciId: 'star', optionId: '2' }] });
    const named = await f.say('u2', 'hi');
    expect(named).toMatchObject({ state: 'left_message' }); // star is offline: nobody to wait for
    await changeAgentStatus(f.deps, { agentId: 'star', status: 'busy' }); // before u3 enters: entering routes
    await f.enter('u3', { transferAction: [{ actionType: 'to_service', deciId: 'star', optionId: '2' }] });
    const waiting = await f.say('u3', 'hi');
    expect(waiting).toMatchObject({ state: 'queued' });
    const r = await changeAgentStatus(f.deps, { agentId: 'star', status: 'invisible' });
    expect(r.received).toEqual([idOf(waiting)]);
  });

  it('going offline hands conversations on: to a free colleague, else the queue, else a leave-message offer', async () => {
    const f = engineFixture();
    await f.agent('a1', { maxConcurrent: 3 });
    const c1 = idOf(await f.say('u1', 'hi'));
    const c2 = idOf(await f.say('u2', 'hi'));
    const c3 = idOf(await f.say('u3', 'hi'));
    await f.agent('a2', { maxConcurrent: 1 });
    await f.agent('a3', { maxConcurrent: 0 });
    const r = await changeAgentStatus(f.deps, { agentId: 'a1', status: 'offline' });
    expect(r.moved).toEqual([
      { conversationId: c1, state: 'assigned', agentId: 'a2' },
      { conversationId: c2, state: 'queued' },
      { conversationId: c3, state: 'queued' },
    ]);
    expect(f.conversation(c2).excludedAgentIds).toEqual(['a1']);
    await changeAgentStatus(f.deps, { agentId: 'a3', status: 'offline' });
    await changeAgentStatus(f.deps, { agentId: 'a2', status: 'offline' });
    expect(f.conversation(c1)).toMatchObject({ state: 'left_message' });
  });

  it('with onAgentOffline "keep", the conversations stay with the agent', async () => {
    const f = engineFixture();
    await f.settings({ onAgentOffline: 'keep' });
    await f.agent('a1');
    const c1 = idOf(await f.say('u1', 'hi'));
    await f.agent('a2');
    expect((await changeAgentStatus(f.deps, { agentId: 'a1', status: 'offline' })).moved).toEqual([]);
    expect(f.conversation(c1)).toMatchObject({ state: 'assigned', agentId: 'a1' });
  });

  it('a busy agent keeps their conversations and gets no new ones', async () => {
    const f = engineFixture();
    await f.agent('a1');
    const c1 = idOf(await f.say('u1', 'hi'));
    await changeAgentStatus(f.deps, { agentId: 'a1', status: 'busy' });
    expect(f.conversation(c1).agentId).toBe('a1');
    expect(await f.say('u2', 'hi')).toMatchObject({ state: 'queued' });
  });
});
