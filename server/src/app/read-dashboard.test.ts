import { InMemoryReports } from '../core/testing/in-memory-reports';
import { leaveMessage } from './leave-message';
import { readDashboard } from './read-dashboard';
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
});
