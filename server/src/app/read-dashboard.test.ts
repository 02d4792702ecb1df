import { InMemoryReports } from '../core/testing/in-memory-reports';
import { leaveMessage } from './leave-message';
import { agentReply } from './agent-reply';
import { readDashboard } from './read-dashboard';
import { transferConversation } from './transfer-conversation';
import { CHANNEL, engineFixture } from './testing/engine-fixture';

describe('readDashboard', () => {
  it('counts the left messages waiting now, per merchant scope (the count the 留言 list shows)', async () => {
    const f = engineFixture();
    await f.agent('a1', { maxConcurrent: 0 });
    const said = await f.say('u1', 'hi');
    await leaveMessage(f.deps, { conversationId: said.kind === 'handled' ? said.conversationId : '' });
    const deps = { uow: f.store, clock: f.clock, reports: new InMemoryReports(f.store), defaultTimeZone: 'Asia/Shanghai' };
    expect(await readDashboard(deps, { channelId: CHANNEL })).toMatchObject({ leftWaiting: 1 });
    expect(await readDashboard(deps, { channelId: CHANNEL, merchant: { merchantId: undefined } })).toMatchObject({ leftWaiting: 1 });
    expect(await readDashboard(deps, { channelId: CHANNEL, merchant: { merchantId: 'm9' } })).toMatchObject({ leftWaiting: 0 });
  });

  it('measures first response from the customer’s first message to the first human reply, a transfer before it included', async () => {
    const f = engineFixture();
    await f.agent('a1');
    const said = await f.say('u1', 'hi');
    const id = said.kind === 'handled' ? said.conversationId : '';
    await f.agent('a2');
    f.clock.advanceMinutes(1);
    await transferConversation(f.deps, { conversationId: id, to: { kind: 'agent', agentId: 'a2' }, byAgentId: 'a1' });
    f.clock.advanceMinutes(2);
    expect(await agentReply(f.deps, { conversationId: id, agentId: 'a2', content: { type: 'text', text: '您好' } })).toMatchObject({
      ok: true,
    });
    const deps = { uow: f.store, clock: f.clock, reports: new InMemoryReports(f.store), defaultTimeZone: 'Asia/Shanghai' };
    expect((await readDashboard(deps, { channelId: CHANNEL })).firstResponseMs).toEqual({
      count: 1,
      avg: 180_000,
      p50: 180_000,
      p90: 180_000,
    });
  });
});
