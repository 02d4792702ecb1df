import { endConversation } from '../end-conversation';
import { engineFixture } from '../testing/engine-fixture';

const idOf = (r: { kind: string; conversationId?: string }) => r.conversationId ?? '';

describe('drainQueue', () => {
  it('a freed seat takes the customer who asked for that agent first, then the longest-waiting one of the agent’s groups', async () => {
    const f = engineFixture();
    await f.settings({ defaultGroupId: 'sales' });
    await f.group('sales');
    await f.agent('a1', { groupIds: ['sales'], maxConcurrent: 1 });
    const served = idOf(await f.say('u1', 'hi'));
    f.clock.advanceMinutes(1);
    const longest = idOf(await f.say('u2', 'hi'));
    f.clock.advanceMinutes(1);
    const next = idOf(await f.say('u3', 'hi'));
    f.clock.advanceMinutes(1);
    const askedForA1 = idOf(await f.say('u4', 'hi'));
    // u4 asked for a1 by name: a personal queue, newer than everyone in the group's line.
    const c = f.conversation(askedForA1);
    await f.store.tx.conversations.save({ ...c, queuedFor: { kind: 'agent', agentId: 'a1' } });
    await endConversation(f.deps, { conversationId: served, by: { kind: 'agent', agentId: 'a1' } });
    expect(f.conversation(askedForA1)).toMatchObject({ state: 'assigned', agentId: 'a1' });
    await endConversation(f.deps, { conversationId: askedForA1, by: { kind: 'agent', agentId: 'a1' } });
    expect(f.conversation(longest)).toMatchObject({ state: 'assigned', agentId: 'a1' });
    expect(f.conversation(next).state).toBe('queued');
  });
});
