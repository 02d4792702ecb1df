// Merchants, agents, groups, memberships, calendars and settings over real HTTP, per role.
import { startApiFixture, type ApiFixture } from './testing/api-fixture';

let f: ApiFixture;
beforeEach(async () => {
  f = await startApiFixture();
});
afterEach(() => f.close());

const CAL = {
  name: 'Office',
  timeZone: 'Asia/Shanghai',
  workdays: [1, 2, 3, 4, 5],
  workdaySegments: [{ start: 540, end: 1080 }],
  holidays: ['2025-10-01'],
};

describe('merchants', () => {
  it('platform admins create and change; merchant people see only their own', async () => {
    const created = await f.call('POST', '/api/v1/channels/ch1/merchants', f.tokens.platform, { code: 'shop-3', name: 'Third' });
    expect(created.status).toBe(201);
    expect((await f.call('POST', '/api/v1/channels/ch1/merchants', f.tokens.platform, { code: 'shop-3', name: 'Dup' })).status).toBe(409);
    expect((await f.call('PATCH', `/api/v1/merchants/${created.json.id}`, f.tokens.platform, { name: 'Renamed' })).json.name).toBe(
      'Renamed',
    );
    expect((await f.call('POST', '/api/v1/channels/ch1/merchants', f.tokens.merchantAdmin, { code: 'x', name: 'x' })).status).toBe(403);
    expect(
      (await f.call('GET', '/api/v1/channels/ch1/merchants', f.tokens.merchantAdmin)).json.items.map((m: { id: string }) => m.id),
    ).toEqual(['m1']);
    expect((await f.call('GET', '/api/v1/merchants/m2', f.tokens.agent1)).status).toBe(403);
    expect((await f.call('GET', '/api/v1/channels/ch1/merchants', f.tokens.platform)).json.items).toHaveLength(3);
  });
});

describe('agents', () => {
  it('merchant admins create agents in their own merchant only', async () => {
    const created = await f.call('POST', '/api/v1/channels/ch1/agents', f.tokens.merchantAdmin, { name: 'Mei', maxConcurrent: 4 });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ merchantId: 'm1', status: 'offline', maxConcurrent: 4, groupIds: [] });
    expect((await f.call('POST', '/api/v1/channels/ch1/agents', f.tokens.merchantAdmin, { name: 'X', merchantId: 'm2' })).status).toBe(403);
    expect((await f.call('POST', '/api/v1/channels/ch1/agents', f.tokens.agent1, { name: 'X' })).status).toBe(403);
    expect((await f.call('POST', '/api/v1/channels/ch1/agents', f.tokens.platform, { name: 'X', merchantId: 'ghost' })).status).toBe(400);
    const bad = await f.call('POST', '/api/v1/channels/ch1/agents', f.tokens.platform, { name: '', maxConcurrent: 0 });
    expect(bad.json.error.message).toMatch(/body\.name.*body\.maxConcurrent/);
  });

  it('lists are scoped by merchant; platform admins filter', async () => {
    const ids = async (token: string, q = '') =>
      (await f.call('GET', `/api/v1/channels/ch1/agents${q}`, token)).json.items?.map((a: { id: string }) => a.id);
    expect(await ids(f.tokens.platform)).toEqual(['a1', 'a2']);
    expect(await ids(f.tokens.platform, '?merchantId=m2')).toEqual(['a2']);
    expect(await ids(f.tokens.platform, '?merchantId=platform')).toEqual([]);
    expect(await ids(f.tokens.agent1)).toEqual(['a1']);
    expect((await f.call('GET', '/api/v1/channels/ch1/agents?merchantId=m2', f.tokens.merchantAdmin)).status).toBe(403);
  });

  it('updates and status changes respect the merchant', async () => {
    expect((await f.call('PATCH', '/api/v1/agents/a1', f.tokens.merchantAdmin, { name: 'Ann', wechatOpenid: 'oAnn' })).json).toMatchObject({
      name: 'Ann',
      wechatOpenid: 'oAnn',
    });
    expect((await f.call('PATCH', '/api/v1/agents/a2', f.tokens.merchantAdmin, { name: 'x' })).status).toBe(403);
    expect((await f.call('PATCH', '/api/v1/agents/a1', f.tokens.agent1, { name: 'x' })).status).toBe(403);
    expect((await f.call('PUT', '/api/v1/agents/a1/status', f.tokens.agent1, { status: 'busy' })).json.status).toBe('busy');
    expect((await f.call('PUT', '/api/v1/me/status', f.tokens.agent1, { status: 'offline' })).json.status).toBe('offline');
    expect((await f.call('PUT', '/api/v1/me/status', f.tokens.platform, { status: 'offline' })).status).toBe(403);
    expect((await f.call('PUT', '/api/v1/agents/a2/status', f.tokens.agent1, { status: 'busy' })).status).toBe(403);
    expect((await f.call('PUT', '/api/v1/agents/a1/status', f.tokens.agent1, { status: 'asleep' })).status).toBe(400);
  });
});

describe('groups and memberships', () => {
  it('creates a group, adds and removes members of the same merchant only', async () => {
    const g = (
      await f.call('POST', '/api/v1/channels/ch1/groups', f.tokens.merchantAdmin, { name: 'Sales', settings: { maxQueueLength: 3 } })
    ).json;
    expect(g).toMatchObject({ merchantId: 'm1', settings: { maxQueueLength: 3 } });
    expect((await f.call('PUT', `/api/v1/groups/${g.id}/members/a1`, f.tokens.merchantAdmin)).json.groupIds).toEqual([g.id]);
    expect((await f.call('PUT', `/api/v1/groups/${g.id}/members/a2`, f.tokens.platform)).status).toBe(400);
    expect((await f.call('GET', `/api/v1/groups/${g.id}/members`, f.tokens.agent1)).json.items.map((a: { id: string }) => a.id)).toEqual([
      'a1',
    ]);
    expect((await f.call('GET', `/api/v1/groups/${g.id}`, f.tokens.agent2)).status).toBe(403);
    expect((await f.call('PUT', `/api/v1/groups/${g.id}/members/a1`, f.tokens.agent1)).status).toBe(403);
    expect((await f.call('PATCH', `/api/v1/groups/${g.id}`, f.tokens.otherMerchantAdmin, { name: 'x' })).status).toBe(403);
    expect((await f.call('DELETE', `/api/v1/groups/${g.id}/members/a1`, f.tokens.merchantAdmin)).status).toBe(204);
    expect((await f.engine.store.tx.agents.get('a1'))?.groupIds).toEqual([]);
    expect((await f.call('PATCH', `/api/v1/groups/${g.id}`, f.tokens.merchantAdmin, { settings: null, name: 'Sales 2' })).json).toEqual({
      id: g.id,
      channelId: 'ch1',
      merchantId: 'm1',
      name: 'Sales 2',
    });
    expect((await f.call('GET', '/api/v1/channels/ch1/groups', f.tokens.platform)).json.items).toHaveLength(1);
  });
});

describe('calendars', () => {
  it('validates segments, zones and dates; admins only', async () => {
    const c = await f.call('POST', '/api/v1/channels/ch1/calendars', f.tokens.merchantAdmin, CAL);
    expect(c.status).toBe(201);
    expect(c.json).toMatchObject({ merchantId: 'm1', nonWorkdaySegments: [], makeUpWorkdays: [] });
    const bad = await f.call('POST', '/api/v1/channels/ch1/calendars', f.tokens.platform, {
      ...CAL,
      timeZone: 'Mars/Base',
      workdaySegments: Array(5).fill({ start: 0, end: 60 }),
      holidays: ['2025-13-01'],
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/body\.timeZone.*body\.workdaySegments.*body\.holidays\.0/);
    expect((await f.call('GET', '/api/v1/channels/ch1/calendars', f.tokens.agent1)).status).toBe(403);
    const put = await f.call('PUT', `/api/v1/calendars/${c.json.id}`, f.tokens.merchantAdmin, { ...CAL, timeZone: '+08:00' });
    expect(put.json.timeZone).toBe('+08:00');
    expect((await f.call('PUT', `/api/v1/calendars/${c.json.id}`, f.tokens.otherMerchantAdmin, CAL)).status).toBe(403);
  });
});

describe('settings', () => {
  it('channel level for platform admins, merchant level for the merchant’s admins', async () => {
    const put = await f.call('PUT', '/api/v1/channels/ch1/settings', f.tokens.platform, { maxQueueLength: 9, language: 'en' });
    expect(put.json.stored).toEqual({ maxQueueLength: 9, language: 'en' });
    expect(put.json.effective).toMatchObject({ maxQueueLength: 9, receptionMode: 'agents_only' });
    const m = await f.call('PUT', '/api/v1/merchants/m1/settings', f.tokens.merchantAdmin, { receptionMode: 'robot_first' });
    expect(m.json.effective).toMatchObject({ maxQueueLength: 9, receptionMode: 'robot_first', language: 'en' });
    expect((await f.call('GET', '/api/v1/channels/ch1/settings', f.tokens.merchantAdmin)).status).toBe(403);
    expect((await f.call('GET', '/api/v1/merchants/m2/settings', f.tokens.merchantAdmin)).status).toBe(403);
    expect((await f.call('GET', '/api/v1/merchants/m1/settings', f.tokens.agent1)).status).toBe(403);
    expect((await f.call('PUT', '/api/v1/merchants/m1/settings', f.tokens.merchantAdmin, { defaultGroupId: 'nope' })).status).toBe(400);
    expect(
      (await f.call('PUT', '/api/v1/merchants/m1/settings', f.tokens.merchantAdmin, { assignment: 'random' })).json.error.message,
    ).toContain('body.assignment');
  });
});
