// A channel's configuration moves between two servers, each with its own SQLite file: exported from one,
// imported into a fresh one, exported again, the two files say the same; nothing secret is in them; a bad
// file is refused with a sentence naming the problem and changes nothing. Also the setup route's push URL
// on the configured public base URL and the ids an integrator needs.
import { CHANNEL, startStack, type Stack } from './testing/stack';

let a: Stack;
let b: Stack;
beforeAll(async () => {
  [a, b] = await Promise.all([startStack({ publicBaseUrl: 'https://kefu.example.com/' }), startStack()]);
});
afterAll(() => Promise.all([a.close(), b.close()]));

const ok = async <T>(stack: Stack, method: string, path: string, body?: unknown): Promise<T> => {
  const res = await stack.api<T>(method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

const CALENDAR = {
  timeZone: 'Asia/Shanghai',
  workdays: [1, 2, 3, 4, 5],
  workdaySegments: [{ start: 540, end: 1080 }],
  holidays: ['2026-10-01'],
};

/** On server A: a platform calendar and group, a merchant with its own calendar, groups and settings. */
async function configure(stack: Stack): Promise<void> {
  const shop = `/channels/${CHANNEL.id}`;
  const cal = await ok<{ id: string }>(stack, 'POST', `${shop}/calendars`, { name: '工作日', ...CALENDAR });
  const hotline = await ok<{ id: string }>(stack, 'POST', `${shop}/groups`, { name: '热线', calendarId: cal.id });
  await ok(stack, 'PUT', `${shop}/settings`, {
    receptionMode: 'robot_first',
    defaultGroupId: hotline.id,
    calendarId: cal.id,
    transferKeywords: ['人工'],
    messages: { welcome: '您好，欢迎光临' },
  });
  const m = await ok<{ id: string }>(stack, 'POST', `${shop}/merchants`, { code: 'SF', name: '顺丰' });
  const mCal = await ok<{ id: string }>(stack, 'POST', `${shop}/calendars`, { name: '顺丰班表', merchantId: m.id, ...CALENDAR });
  const presale = await ok<{ id: string }>(stack, 'POST', `${shop}/groups`, {
    name: '售前',
    merchantId: m.id,
    calendarId: mCal.id,
    settings: { maxQueueLength: 7 },
  });
  await ok(stack, 'POST', `${shop}/groups`, {
    name: '售后',
    merchantId: m.id,
    settings: { defaultGroupId: presale.id, agentNoReplyMinutes: 4 },
  });
  await ok(stack, 'PUT', `/merchants/${m.id}/settings`, {
    defaultGroupId: presale.id,
    calendarId: mCal.id,
    messages: { offHours: '顺丰下班了' },
  });
  await ok(stack, 'POST', `${shop}/agents`, { name: '小美', merchantId: m.id, groupIds: [presale.id] });
  await ok(stack, 'PATCH', shop, { agentsSeeUnionId: true, graceSeconds: 600, unionIdKey: 'UnionKey16bytes!' });
}

type File = Record<string, unknown> & { exportedAt: string; channel: Record<string, unknown> };
const withoutTime = ({ exportedAt: _t, ...rest }: File) => rest;

it('exports a channel’s configuration without a secret and imports it into a fresh server, the same again', async () => {
  await configure(a);
  const exported = await a.api<File>('GET', `/channels/${CHANNEL.id}/configuration`);
  expect(exported.status).toBe(200);
  const text = JSON.stringify(exported.body);
  for (const secret of [CHANNEL.secret, CHANNEL.token, CHANNEL.encodingAesKey, 'UnionKey16bytes!']) expect(text).not.toContain(secret);
  expect(text).not.toMatch(/"(appSecret|token|encodingAesKey|unionIdKey)"/);
  expect(text).not.toMatch(/(cal|grp|mer|agt)_[0-9A-Za-z]{6,}/); // no record id: names and codes only
  expect(exported.body).toMatchObject({
    format: 'kefu.channel-config',
    version: 1,
    settings: { defaultGroup: '热线', calendar: '工作日' },
  });

  const imported = await b.api<Record<string, { created: string[]; updated: string[] }>>(
    'POST',
    `/channels/${CHANNEL.id}/configuration/import`,
    exported.body,
  );
  expect(imported.status).toBe(200);
  expect(imported.body).toMatchObject({
    merchants: { created: ['SF'], updated: [] },
    calendars: { created: ['工作日', '顺丰班表'], updated: [] },
    groups: { created: ['热线', '售前', '售后'], updated: [] },
  });
  const again = await b.api<File>('GET', `/channels/${CHANNEL.id}/configuration`);
  expect(withoutTime(again.body)).toEqual(withoutTime(exported.body));
  // The ids on B are B's own, and the references point at them.
  const groups = await b.api<{ items: Array<{ id: string; name: string; calendarId?: string }> }>('GET', `/channels/${CHANNEL.id}/groups`);
  const settings = await b.api<{ stored: { defaultGroupId: string } }>('GET', `/channels/${CHANNEL.id}/settings`);
  expect(groups.body.items.find((g) => g.name === '热线')?.id).toBe(settings.body.stored.defaultGroupId);
  expect(
    (await b.api<{ agentsSeeUnionId: boolean; graceSeconds: number; hasUnionIdKey: boolean }>('GET', `/channels/${CHANNEL.id}`)).body,
  ).toMatchObject({
    agentsSeeUnionId: true,
    graceSeconds: 600,
    hasUnionIdKey: false,
  });

  // A second import matches everything by name: updated in place, nothing doubled.
  const twice = await b.api<Record<string, { created: string[]; updated: string[] }>>(
    'POST',
    `/channels/${CHANNEL.id}/configuration/import`,
    exported.body,
  );
  expect(twice.body).toMatchObject({
    merchants: { created: [] },
    calendars: { created: [] },
    groups: { created: [], updated: ['热线', '售前', '售后'] },
  });
  expect((await b.api<{ items: unknown[] }>('GET', `/channels/${CHANNEL.id}/groups`)).body.items).toHaveLength(3);
}, 60_000);

it('refuses a bad file with a sentence naming the problem, and changes nothing', async () => {
  const exported = (
    await a.api<File & { groups: Array<Record<string, unknown>>; merchants: unknown[] }>('GET', `/channels/${CHANNEL.id}/configuration`)
  ).body;
  const before = withoutTime((await b.api<File>('GET', `/channels/${CHANNEL.id}/configuration`)).body);
  const bad = async (file: unknown) => {
    const res = await b.api<{ error: { message: string } }>('POST', `/channels/${CHANNEL.id}/configuration/import`, file);
    expect(res.status).toBe(400);
    return res.body.error.message;
  };
  expect(await bad({ ...exported, version: 2 })).toContain('reads version 1');
  expect(await bad({ hello: 'world' })).toContain('not a channel configuration file');
  expect(await bad({ ...exported, channel: { ...exported.channel, appSecret: 'x' } })).toMatch(/channel.*appSecret/);
  // Refused late (after the merchants were written): the new merchant is gone with the rest.
  const dangling = {
    ...exported,
    merchants: [...exported.merchants, { code: 'NEW', name: '新商家' }],
    groups: [...exported.groups, { merchant: null, name: '新组', calendar: '没有这个日历' }],
  };
  expect(await bad(dangling)).toContain('the calendar "没有这个日历" is neither in the file nor on this server');
  const orphan = { ...exported, groups: [{ merchant: 'NOPE', name: 'x', calendar: null }] };
  expect(await bad(orphan)).toContain('merchant NOPE, which is not in the file');
  expect(withoutTime((await b.api<File>('GET', `/channels/${CHANNEL.id}/configuration`)).body)).toEqual(before);
}, 60_000);

it('shows the push URL on the public base URL and the ids an integrator needs', async () => {
  const setup = await a.api<{ pushUrl: string; merchants: Array<{ code: string; id: string }>; groups: unknown[]; agents: unknown[] }>(
    'GET',
    `/channels/${CHANNEL.id}/setup`,
  );
  expect(setup.status).toBe(200);
  expect(setup.body.pushUrl).toBe(`https://kefu.example.com/wechat/${CHANNEL.id}`);
  expect(setup.body.merchants).toEqual([{ id: expect.stringMatching(/^mer_/), code: 'SF', name: '顺丰' }]);
  expect(setup.body.groups).toEqual(expect.arrayContaining([{ id: expect.stringMatching(/^grp_/), name: '售前', merchantCode: 'SF' }]));
  expect(setup.body.agents).toEqual([{ id: expect.stringMatching(/^agt_/), name: '小美', merchantCode: 'SF' }]);
  expect((await b.api<{ pushUrl: null }>('GET', `/channels/${CHANNEL.id}/setup`)).body.pushUrl).toBeNull();
});
