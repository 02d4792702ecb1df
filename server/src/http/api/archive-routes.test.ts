// Archive, unarchive, dependents and delete over real HTTP, per role: the list filter, the 409 that
// names what still refers to a record, and an archived agent's token refused.
import { startApiFixture, type ApiFixture } from './testing/api-fixture';

let f: ApiFixture;
beforeEach(async () => {
  f = await startApiFixture();
});
afterEach(() => f.close());

const ids = (answer: { json: { items?: Array<{ id: string }> } }) => answer.json.items?.map((r) => r.id);

describe('agents', () => {
  it('an archived agent leaves the default list, shows with ?archived=, and its token stops working', async () => {
    const archived = await f.call('POST', '/api/v1/agents/a1/archive', f.tokens.merchantAdmin);
    expect(archived.status).toBe(200);
    expect(archived.json).toMatchObject({ kind: 'agent', id: 'a1', archivedAt: expect.any(Number), moved: [] });
    expect(ids(await f.call('GET', '/api/v1/channels/ch1/agents', f.tokens.platform))).toEqual(['a2']);
    expect(ids(await f.call('GET', '/api/v1/channels/ch1/agents?archived=include', f.tokens.platform))).toEqual(['a1', 'a2']);
    expect(ids(await f.call('GET', '/api/v1/channels/ch1/agents?archived=only&merchantId=m1', f.tokens.platform))).toEqual(['a1']);
    expect((await f.call('GET', '/api/v1/channels/ch1/agents?archived=maybe', f.tokens.platform)).status).toBe(400);
    // Still readable: history names them.
    expect((await f.call('GET', '/api/v1/agents/a1', f.tokens.platform)).json).toMatchObject({
      name: 'Agent a1',
      archivedAt: expect.any(Number),
    });
    const refused = await f.call('GET', '/api/v1/me', f.tokens.agent1);
    expect(refused.status).toBe(403);
    expect(refused.json.error).toMatchObject({ code: 'agent_archived', message: expect.stringMatching(/archived/) });
    expect((await f.call('POST', '/api/v1/agents/a1/unarchive', f.tokens.merchantAdmin)).json).toMatchObject({ archivedAt: null });
    expect((await f.call('GET', '/api/v1/me', f.tokens.agent1)).status).toBe(200);
  });

  it('only admins of the agent’s merchant archive or delete it', async () => {
    expect((await f.call('POST', '/api/v1/agents/a2/archive', f.tokens.merchantAdmin)).status).toBe(403);
    expect((await f.call('POST', '/api/v1/agents/a2/archive', f.tokens.agent2)).status).toBe(403);
    expect((await f.call('DELETE', '/api/v1/agents/a2', f.tokens.merchantAdmin)).status).toBe(403);
    expect((await f.call('POST', '/api/v1/agents/nobody/archive', f.tokens.platform)).status).toBe(404);
  });

  it('a delete with history is refused with 409 in_use and the counts; without, it is gone', async () => {
    await f.engine.agent('a1', { merchantId: 'm1', status: 'online' });
    await f.engine.enter('u1', { platformAction: { customerCode: 'shop-1' } });
    await f.engine.say('u1', 'hi');
    const refused = await f.call('DELETE', '/api/v1/agents/a1', f.tokens.merchantAdmin);
    expect(refused.status).toBe(409);
    expect(refused.json.error).toEqual({
      code: 'in_use',
      message: 'agent a1 is still in use: 1 conversation',
      dependents: { conversations: 1 },
    });
    expect((await f.call('GET', '/api/v1/agents/a1/dependents', f.tokens.merchantAdmin)).json).toEqual({ conversations: 1 });
    expect((await f.call('DELETE', '/api/v1/agents/a2', f.tokens.platform)).status).toBe(204);
    expect((await f.call('GET', '/api/v1/agents/a2', f.tokens.platform)).status).toBe(404);
  });
});

describe('groups, calendars, merchants and channels', () => {
  it('a group in use is refused; an unused calendar is deleted; archived ones filter like agents', async () => {
    const calendar = await f.call('POST', '/api/v1/channels/ch1/calendars', f.tokens.merchantAdmin, {
      name: 'Office',
      timeZone: 'Asia/Shanghai',
      workdays: [1, 2, 3, 4, 5],
      workdaySegments: [{ start: 540, end: 1080 }],
    });
    const group = await f.call('POST', '/api/v1/channels/ch1/groups', f.tokens.merchantAdmin, { name: 'Pre-sales' });
    await f.call('PUT', `/api/v1/groups/${group.json.id}/members/a1`, f.tokens.merchantAdmin);
    const refused = await f.call('DELETE', `/api/v1/groups/${group.json.id}`, f.tokens.merchantAdmin);
    expect(refused.status).toBe(409);
    expect(refused.json.error.dependents).toEqual({ members: 1 });
    expect((await f.call('POST', `/api/v1/groups/${group.json.id}/archive`, f.tokens.merchantAdmin)).status).toBe(200);
    expect(ids(await f.call('GET', '/api/v1/channels/ch1/groups', f.tokens.merchantAdmin))).toEqual([]);
    expect(ids(await f.call('GET', '/api/v1/channels/ch1/groups?archived=only', f.tokens.merchantAdmin))).toEqual([group.json.id]);
    expect((await f.call('DELETE', `/api/v1/calendars/${calendar.json.id}`, f.tokens.merchantAdmin)).status).toBe(204);
    expect((await f.call('GET', `/api/v1/calendars/${calendar.json.id}`, f.tokens.merchantAdmin)).status).toBe(404);
  });

  it('merchants and channels are the platform admin’s; a channel with merchants is not deleted', async () => {
    expect((await f.call('POST', '/api/v1/merchants/m1/archive', f.tokens.merchantAdmin)).status).toBe(403);
    expect((await f.call('POST', '/api/v1/merchants/m2/archive', f.tokens.platform)).status).toBe(200);
    expect(ids(await f.call('GET', '/api/v1/channels/ch1/merchants', f.tokens.platform))).toEqual(['m1']);
    expect((await f.call('DELETE', '/api/v1/merchants/m2', f.tokens.platform)).json.error.dependents).toEqual({ agents: 1 });
    const channel = await f.call('DELETE', '/api/v1/channels/ch1', f.tokens.platform);
    expect(channel.status).toBe(409);
    expect(channel.json.error.dependents).toMatchObject({ merchants: 2, agents: 2 });
    expect((await f.call('POST', '/api/v1/channels/ch1/archive', f.tokens.platform)).json).toMatchObject({
      archivedAt: expect.any(Number),
    });
    expect(ids(await f.call('GET', '/api/v1/channels', f.tokens.platform))).toEqual([]);
    expect((await f.call('GET', '/api/v1/channels?archived=only', f.tokens.platform)).json.items[0]).toMatchObject({
      id: 'ch1',
      archivedAt: expect.any(Number),
    });
    expect((await f.call('POST', '/api/v1/channels/ch1/archive', f.tokens.merchantAdmin)).status).toBe(403);
  });
});
