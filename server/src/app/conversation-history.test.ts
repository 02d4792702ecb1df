// What the engine does to a conversation is recorded on it, step by step, whichever story moved it: the
// workbench's timeline and GET /conversations/:id/events read it.
import { endConversation } from './end-conversation';
import { transferConversation } from './transfer-conversation';
import { engineFixture } from './testing/engine-fixture';

describe('a conversation’s recorded steps', () => {
  it('routing assigns, a transfer moves it from one agent to another, the end says why', async () => {
    const f = engineFixture();
    await f.agent('a1');
    const said = await f.say('u1', 'hi');
    const id = said.kind === 'handled' ? said.conversationId : '';
    expect(f.conversation(id).history).toEqual([{ at: f.clock.now(), kind: 'assigned', agentId: 'a1' }]);
    await f.agent('a2');
    f.clock.advanceMinutes(1);
    expect(await transferConversation(f.deps, { conversationId: id, to: { kind: 'agent', agentId: 'a2' }, byAgentId: 'a1' })).toMatchObject(
      {
        ok: true,
      },
    );
    f.clock.advanceMinutes(1);
    await endConversation(f.deps, { conversationId: id, by: { kind: 'agent', agentId: 'a2' } });
    expect(f.conversation(id).history?.map(({ at: _at, ...step }) => step)).toEqual([
      { kind: 'assigned', agentId: 'a1' },
      { kind: 'transferred', fromAgentId: 'a1', agentId: 'a2' },
      { kind: 'ended', agentId: 'a2', endReason: 'agent_ended' },
    ]);
  });

  it('a customer nobody can take now waits in a line: one step, with the line (not the placeholder before routing)', async () => {
    const f = engineFixture();
    await f.agent('a1', { maxConcurrent: 0 });
    const said = await f.say('u1', 'hi');
    const id = said.kind === 'handled' ? said.conversationId : '';
    expect(f.conversation(id).history?.map((s) => s.kind)).toEqual(['queued']);
    expect(f.conversation(id).history?.[0]?.queuedFor).toEqual({ kind: 'pool' });
  });
});
