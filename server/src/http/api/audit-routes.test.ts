// GET /audit and its CSV over real HTTP: who may read, the merchant admin's scope, filters and paging.
import { startApiFixture, type ApiFixture } from './testing/api-fixture';

let f: ApiFixture;
beforeEach(async () => {
  f = await startApiFixture({ audit: true });
  await f.call('POST', '/api/v1/channels/ch1/groups', f.tokens.merchantAdmin, { name: 'Sales' });
  await f.call('POST', '/api/v1/channels/ch1/groups', f.tokens.otherMerchantAdmin, { name: 'Billing' });
  await f.call('PUT', '/api/v1/channels/ch1/settings', f.tokens.platform, { maxQueueLength: 4 });
});
afterEach(() => f.close());

const actions = async (token: string, query = '') => {
  const answer = await f.call('GET', `/api/v1/audit${query}`, token);
  expect(answer.status).toBe(200);
  return answer.json.items.map((e: { action: string; actor: { name: string } }) => `${e.action} by ${e.actor.name}`);
};

it('platform admins read every entry, newest first; merchant admins their own merchant’s; agents nothing', async () => {
  expect(await actions(f.tokens.platform)).toEqual([
    'settings.replace by platform',
    'group.create by m2 admin',
    'group.create by m1 admin',
  ]);
  expect(await actions(f.tokens.merchantAdmin)).toEqual(['group.create by m1 admin']);
  expect(await actions(f.tokens.merchantAdmin, '?channelId=ch9')).toEqual(['group.create by m1 admin']);
  expect((await f.call('GET', '/api/v1/audit', f.tokens.agent1)).status).toBe(403);
  expect((await f.call('GET', '/api/v1/audit/export.csv', f.tokens.agent1)).status).toBe(403);
});

it('filters by actor, target type, action and dates, and pages with the cursor', async () => {
  const platformToken = (await f.auth.tokens.list()).find((t) => t.name === 'platform')!.id;
  expect(await actions(f.tokens.platform, `?actor=${platformToken}`)).toEqual(['settings.replace by platform']);
  expect(await actions(f.tokens.platform, '?targetType=group&action=group.create')).toHaveLength(2);
  expect(await actions(f.tokens.platform, `?to=${f.engine.clock.now() - 1}`)).toEqual([]);
  const first = await f.call('GET', '/api/v1/audit?limit=2', f.tokens.platform);
  expect(first.json.items).toHaveLength(2);
  expect(await actions(f.tokens.platform, `?limit=2&cursor=${first.json.next}`)).toEqual(['group.create by m1 admin']);
  expect((await f.call('GET', '/api/v1/audit?limit=0', f.tokens.platform)).status).toBe(400);
});

it('downloads the filtered log as CSV, with before and after as JSON', async () => {
  const csv = await f.call('GET', '/api/v1/audit/export.csv?targetType=settings', f.tokens.platform);
  expect(csv.status).toBe(200);
  expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
  const lines = csv.text
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  expect(lines[0]).toBe('at,actor,actorKind,actorId,role,action,targetType,targetId,channelId,merchantId,before,after');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain('settings.replace');
  expect(lines[1]).toContain('""maxQueueLength"":4');
});
