// Archive, unarchive and delete as the REST API and the command line share them (archive.ts): archived
// records leave routing and keep their history; a delete is refused while anything refers to the record.
import type { WeChatMessageResult } from '../handle-customer-message';
import { OPERATOR, type Principal } from '../auth/principal';
import { adminFixture, type AdminFixture } from '../testing/admin-fixture';
import { createAccount } from './accounts';
import { readAgent, setAgentStatus } from './agents';
import { archiveRecord, deleteRecord, dependentsOf, unarchiveRecord } from './archive';

const merchantAdmin: Principal = { role: 'merchant_admin', channelId: 'ch1', merchantId: 'm1', via: { kind: 'token', tokenId: 't1' } };
const agentP: Principal = { role: 'agent', channelId: 'ch1', agentId: 'a1', via: { kind: 'token', tokenId: 't2' } };

let f: AdminFixture;
beforeEach(async () => {
  f = await adminFixture();
});

const idOf = (r: WeChatMessageResult) => (r.kind === 'handled' ? r.conversationId : '');
const archive = (kind: Parameters<typeof archiveRecord>[3], id: string, p: Principal = OPERATOR) =>
  archiveRecord(f.admin, f.engine.deps, p, kind, id);

describe('archiving an agent', () => {
  it('hands their conversations on, never assigns them again, keeps their history', async () => {
    await f.engine.agent('a1', { maxConcurrent: 5 });
    const c1 = idOf(await f.engine.say('u1', 'hi'));
    await f.engine.agent('a2');
    const r = await archive('agent', 'a1');
    expect(r).toMatchObject({ archivedAt: f.engine.clock.now(), moved: [{ conversationId: c1, state: 'assigned', agentId: 'a2' }] });
    expect(await readAgent(f.admin, OPERATOR, 'a1')).toMatchObject({ status: 'offline', archivedAt: f.engine.clock.now() });
    const c2 = idOf(await f.engine.say('u2', 'hi'));
    expect(f.engine.conversation(c2)).toMatchObject({ state: 'assigned', agentId: 'a2' });
    // Even "online" again (a stale workbench), routing never sees them.
    await f.admin.uow.run(async (tx) => tx.agents.save({ ...(await tx.agents.get('a1'))!, status: 'online' }));
    await f.engine.agent('a2', { maxConcurrent: 0 });
    const c3 = f.engine.conversation(idOf(await f.engine.say('u3', 'hi')));
    expect(c3).toMatchObject({ state: 'queued' }); // a2 is full; a1, free and "online", is not there
    expect(c3.agentId).toBeUndefined();
    expect(f.engine.conversation(c1).excludedAgentIds).toEqual(['a1']);
    await expect(setAgentStatus(f.admin, f.engine.deps, OPERATOR, 'a1', 'online')).rejects.toMatchObject({
      status: 409,
      code: 'agent_archived',
    });
  });

  it('refuses their login (403 agent_archived) and their tokens, until unarchived', async () => {
    await f.engine.agent('a1', { status: 'offline' });
    await createAccount(f.admin, OPERATOR, { username: 'mei', password: 'correct horse 1', grant: { role: 'agent', agentId: 'a1' } });
    const { token } = await f.admin.auth.login('mei', 'correct horse 1', '127.0.0.1');
    await archive('agent', 'a1');
    await expect(f.admin.auth.login('mei', 'correct horse 1', '127.0.0.1')).rejects.toMatchObject({ status: 403, code: 'agent_archived' });
    await expect(f.admin.auth.authenticate(token)).rejects.toMatchObject({ status: 403, code: 'agent_archived' });
    expect(await unarchiveRecord(f.admin, OPERATOR, 'agent', 'a1')).toMatchObject({ archivedAt: null });
    await expect(f.admin.auth.authenticate(token)).resolves.toMatchObject({ role: 'agent', agentId: 'a1' });
    expect(await readAgent(f.admin, OPERATOR, 'a1')).not.toHaveProperty('archivedAt');
  });

  it('treats what an archived agent writes from their own WeChat as a customer’s message, kept as any other', async () => {
    await f.engine.agent('a1', { wechatOpenid: 'o-agent', status: 'offline' });
    await f.engine.agent('a2');
    await archive('agent', 'a1');
    expect(await f.engine.say('o-agent', 'hello')).toMatchObject({ kind: 'handled', state: 'assigned' });
  });

  it('is for admins of the agent’s merchant only', async () => {
    await f.engine.agent('a1');
    await expect(archive('agent', 'a1', agentP)).rejects.toMatchObject({ status: 403 });
    await expect(archive('agent', 'a1', merchantAdmin)).rejects.toMatchObject({ status: 403 });
    await expect(archive('agent', 'nobody')).rejects.toMatchObject({ status: 404 });
  });
});

describe('archived groups, calendars and merchants leave routing', () => {
  it('a flowGroupId naming an archived group is dropped; its queue moves to the pool', async () => {
    await f.engine.group('g1', { merchantId: 'm1' });
    await f.engine.agent('ga', { merchantId: 'm1', groupIds: ['g1'], maxConcurrent: 0 });
    await f.engine.agent('mb', { merchantId: 'm1', maxConcurrent: 0 });
    await f.engine.enter('u1', { platformAction: { customerCode: 'shop-1', flowGroupId: 'g1' } });
    const waiting = idOf(await f.engine.say('u1', 'hi'));
    expect(f.engine.conversation(waiting)).toMatchObject({ state: 'queued', queuedFor: { kind: 'group', groupId: 'g1' } });
    await f.engine.agent('mb', { merchantId: 'm1', maxConcurrent: 3 });
    const r = await archive('group', 'g1');
    expect(r.moved).toEqual([{ conversationId: waiting, state: 'assigned', agentId: 'mb' }]);
    await f.engine.enter('u2', { platformAction: { customerCode: 'shop-1', flowGroupId: 'g1' } });
    const c2 = f.engine.conversation(idOf(await f.engine.say('u2', 'hi')));
    expect(c2.groupId).toBeUndefined();
  });

  it('a group whose calendar is archived follows the settings’ calendar (none: always work time)', async () => {
    await f.engine.calendar('never', { workdays: [], workdaySegments: [], nonWorkdaySegments: [] });
    await f.engine.group('g1', { calendarId: 'never' });
    await f.engine.agent('a1', { groupIds: ['g1'] });
    await f.engine.settings({ defaultGroupId: 'g1' });
    expect(f.engine.conversation(idOf(await f.engine.say('u1', 'hi')))).toMatchObject({ state: 'left_message' });
    await archive('calendar', 'never');
    expect(f.engine.conversation(idOf(await f.engine.say('u2', 'hi')))).toMatchObject({ state: 'assigned', agentId: 'a1' });
  });

  it('an archived merchant’s customerCode no longer selects it: the platform’s team answers', async () => {
    await f.engine.agent('pa');
    await f.engine.agent('ma', { merchantId: 'm1' });
    await archive('merchant', 'm1');
    await f.engine.enter('u1', { platformAction: { customerCode: 'shop-1' } });
    const c = f.engine.conversation(idOf(await f.engine.say('u1', 'hi')));
    expect(c).toMatchObject({ agentId: 'pa' });
    expect(c.merchantId).toBeUndefined();
    await expect(archive('merchant', 'm2', merchantAdmin)).rejects.toMatchObject({ status: 403 });
  });
});

describe('deleting', () => {
  it('refuses (409 in_use) an agent with history, naming the counts; deletes an unused one with its login', async () => {
    await f.engine.agent('a1');
    await f.engine.say('u1', 'hi');
    await expect(deleteRecord(f.admin, OPERATOR, 'agent', 'a1')).rejects.toMatchObject({
      status: 409,
      code: 'in_use',
      dependents: { conversations: 1 },
      publicMessage: 'agent a1 is still in use: 1 conversation',
    });
    await f.engine.agent('a2', { status: 'offline' });
    await createAccount(f.admin, OPERATOR, { username: 'li', password: 'correct horse 2', grant: { role: 'agent', agentId: 'a2' } });
    expect(await dependentsOf(f.admin, OPERATOR, 'agent', 'a2')).toEqual({});
    await deleteRecord(f.admin, OPERATOR, 'agent', 'a2');
    await expect(readAgent(f.admin, OPERATOR, 'a2')).rejects.toMatchObject({ status: 404 });
    expect(await f.admin.auth.stores.accounts.findByUsername('li')).toBeUndefined();
  });

  it('refuses a group with members or named by the settings, and a calendar a group uses', async () => {
    await f.engine.calendar('k1');
    await f.engine.calendar('k2');
    await f.engine.group('g1', { calendarId: 'k1' });
    await f.engine.agent('a1', { groupIds: ['g1'] });
    await f.engine.settings({ defaultGroupId: 'g1', calendarId: 'k1' });
    await expect(deleteRecord(f.admin, OPERATOR, 'group', 'g1')).rejects.toMatchObject({
      dependents: { members: 1, routingSettings: 1 },
    });
    await expect(deleteRecord(f.admin, OPERATOR, 'calendar', 'k1')).rejects.toMatchObject({
      dependents: { groups: 1, routingSettings: 1 },
    });
    await deleteRecord(f.admin, OPERATOR, 'calendar', 'k2');
    expect(await f.admin.uow.run((tx) => tx.calendars.get('k2'))).toBeUndefined();
  });

  it('refuses a merchant with agents and a channel with customers; deletes them once empty', async () => {
    await f.engine.agent('ma', { merchantId: 'm2', status: 'offline' });
    await expect(deleteRecord(f.admin, OPERATOR, 'merchant', 'm2')).rejects.toMatchObject({ dependents: { agents: 1 } });
    await deleteRecord(f.admin, OPERATOR, 'agent', 'ma');
    await deleteRecord(f.admin, OPERATOR, 'merchant', 'm2');
    await f.engine.say('u1', 'hi');
    await expect(deleteRecord(f.admin, OPERATOR, 'channel', 'ch1')).rejects.toMatchObject({
      dependents: { merchants: 1, customers: 1, conversations: 1, leftMessages: 1 },
    });
  });
});

describe('archiving a channel', () => {
  it('is refused while it is live (open conversations, a push within the day); WeChat’s pushes are still handled after', async () => {
    await f.engine.agent('a1');
    const c = idOf(await f.engine.say('u1', 'hi'));
    await expect(archive('channel', 'ch1')).rejects.toMatchObject({ status: 409, code: 'channel_live' });
    await f.admin.uow.run(async (tx) =>
      tx.conversations.save({ ...f.engine.conversation(c), state: 'ended', endedAt: f.engine.clock.now() }),
    );
    await f.channels.recordActivity('ch1', 'push', f.engine.clock.now());
    await expect(archive('channel', 'ch1')).rejects.toMatchObject({ code: 'channel_live' });
    f.engine.clock.advanceMinutes(25 * 60);
    expect(await archive('channel', 'ch1')).toMatchObject({ archivedAt: f.engine.clock.now() });
    expect((await f.channels.get('ch1'))?.archivedAt).toBe(f.engine.clock.now());
    // Nothing is lost: a customer writing to the archived channel is heard and answered as before.
    expect(await f.engine.say('u2', 'still there?')).toMatchObject({ kind: 'handled', state: 'assigned' });
    expect(await unarchiveRecord(f.admin, OPERATOR, 'channel', 'ch1')).toMatchObject({ archivedAt: null });
    expect((await f.channels.get('ch1'))?.archivedAt).toBeUndefined();
  });
});
