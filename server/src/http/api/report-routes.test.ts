// The dashboard and the CSV downloads over real HTTP on the composed server (SQLite file) with the WeChat
// emulator: real conversations, each admin seeing their merchant's only, no secret in any file, files of
// at most 2000 rows.
import { CHANNEL, startStack, type Stack } from '../../e2e/testing/stack';
import { arrangePeople, customerWrites, MERCHANT_CODES, type People } from './testing/stack-people';

let stack: Stack;
let p: People;
let m1Conversation = '';
beforeAll(async () => {
  stack = await startStack();
  p = await arrangePeople(stack);
  m1Conversation = await customerWrites(stack, 'oReport1', '你好', MERCHANT_CODES.m1, '=1+1');
  await customerWrites(stack, 'oReport2', '在吗', MERCHANT_CODES.m2);
  expect((await p.call('POST', `/conversations/${m1Conversation}/reply`, p.tokens.m1Agent, { text: '您好' })).status).toBe(202);
});
afterAll(() => stack.close());

const DASHBOARD = `/channels/${CHANNEL.id}/dashboard`;
const CONVERSATIONS = `/channels/${CHANNEL.id}/conversations/export.csv`;
const lines = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);

describe('GET /channels/:channelId/dashboard', () => {
  it('gives a merchant admin today’s figures of their merchant', async () => {
    const res = await p.call('GET', DASHBOARD, p.tokens.m1Admin);
    expect(res.status).toBe(200);
    const d = res.json;
    expect(d.conversations).toEqual({ today: 1, ended: 0, leftMessages: 0, robotOnly: 0 });
    expect(d.waiting).toBe(0);
    expect(d.leftWaiting).toBe(0);
    expect(d.agents).toEqual({ online: 1, busy: 0, invisible: 0, offline: 0 });
    expect(d.firstResponseMs).toMatchObject({ count: 1, avg: expect.any(Number) });
    expect(d.waitMs.count).toBe(1);
    expect(d.day.start).toBeLessThanOrEqual(Date.now());
    expect(d.day.end).toBeGreaterThan(Date.now());
    expect(d.day.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('lets platform admins see every merchant, one, or the platform’s team', async () => {
    expect((await p.call('GET', DASHBOARD, p.tokens.platform)).json).toMatchObject({ conversations: { today: 2 }, agents: { online: 3 } });
    expect((await p.call('GET', `${DASHBOARD}?merchantId=${p.merchants.m2}`, p.tokens.platform)).json).toMatchObject({
      conversations: { today: 1 },
      firstResponseMs: { count: 0, avg: null },
    });
    expect((await p.call('GET', `${DASHBOARD}?merchantId=platform`, p.tokens.platform)).json).toMatchObject({
      conversations: { today: 0 },
      agents: { online: 1 },
    });
    expect((await p.call('GET', `${DASHBOARD}?merchantId=nobody`, p.tokens.platform)).status).toBe(400);
    expect((await p.call('GET', `${DASHBOARD}?merchant=m1`, p.tokens.platform)).status).toBe(400);
  });

  it('counts the day in the zone of the channel’s work calendar when it names one', async () => {
    const cal = await p.call('POST', `/channels/${CHANNEL.id}/calendars`, p.tokens.platform, {
      name: 'Office',
      timeZone: 'Pacific/Kiritimati',
      workdays: [1, 2, 3, 4, 5],
      workdaySegments: [{ start: 0, end: 1440 }],
      holidays: [],
    });
    expect(cal.status).toBe(201);
    expect((await p.call('PUT', `/channels/${CHANNEL.id}/settings`, p.tokens.platform, { calendarId: cal.json.id })).status).toBe(200);
    const d = (await p.call('GET', DASHBOARD, p.tokens.platform)).json;
    expect(d.day.timeZone).toBe('Pacific/Kiritimati');
    expect(new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Kiritimati' }).format(d.day.start)).toBe(d.day.date);
    expect((await p.call('PUT', `/channels/${CHANNEL.id}/settings`, p.tokens.platform, {})).status).toBe(200); // replaced: no calendar again
  });

  it('refuses agents and other merchants', async () => {
    expect((await p.call('GET', DASHBOARD, p.tokens.m1Agent)).status).toBe(403);
    expect((await p.call('GET', `${DASHBOARD}?merchantId=${p.merchants.m2}`, p.tokens.m1Admin)).status).toBe(403);
    expect((await p.call('GET', `/channels/other/dashboard`, p.tokens.m1Admin)).status).toBe(403);
  });

  it('leaves archived agents out of its agents by status (they are no longer offline, they are gone)', async () => {
    const made = await p.call('POST', `/channels/${CHANNEL.id}/agents`, p.tokens.m2Admin, { name: '临时客服', status: 'online' });
    const agents = async () => (await p.call('GET', `${DASHBOARD}?merchantId=${p.merchants.m2}`, p.tokens.platform)).json.agents;
    expect(await agents()).toEqual({ online: 2, busy: 0, invisible: 0, offline: 0 });
    expect((await p.call('POST', `/agents/${made.json.id}/archive`, p.tokens.m2Admin)).status).toBe(200);
    expect(await agents()).toEqual({ online: 1, busy: 0, invisible: 0, offline: 0 });
  });
});

describe('GET /channels/export.csv', () => {
  it('downloads channels without a secret, as an attachment', async () => {
    const res = await p.call('GET', '/channels/export.csv', p.tokens.platform);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="channels.csv"');
    expect(res.headers.get('x-total-pages')).toBe('1');
    expect(lines(res.text)[0]).toBe(
      'id,name,kind,appId,originalId,mode,format,tokenSource,hasEncodingAesKey,hasUnionIdKey,createdAt,updatedAt',
    );
    expect(lines(res.text)[1]).toMatch(/^shop,商城,miniprogram,wxe2e0000000000001,/);
    for (const secret of [CHANNEL.secret, CHANNEL.token, CHANNEL.encodingAesKey]) expect(res.text).not.toContain(secret);
    expect(lines((await p.call('GET', '/channels/export.csv', p.tokens.m1Admin)).text)).toHaveLength(2);
  });

  it('validates the page and is for admins', async () => {
    expect((await p.call('GET', '/channels/export.csv?page=2', p.tokens.platform)).status).toBe(400);
    expect((await p.call('GET', '/channels/export.csv?page=0', p.tokens.platform)).status).toBe(400);
    expect((await p.call('GET', '/channels/export.csv', p.tokens.m1Agent)).status).toBe(403);
  });
});

describe('GET /channels/:channelId/conversations/export.csv', () => {
  it('gives a merchant admin one row per conversation of their merchant, formulas neutralised', async () => {
    const res = await p.call('GET', CONVERSATIONS, p.tokens.m1Admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="conversations-${CHANNEL.id}.csv"`);
    const [header, row, ...rest] = lines(res.text);
    expect(rest).toEqual([]);
    expect(header).toBe(
      'id,merchantId,merchantName,customerId,customerOpenid,customerNickname,state,groupId,agentId,agentName,createdAt,queuedAt,assignedAt,firstAgentResponseAt,endedAt,endReason,messagesIn,messagesOut,csatRequestedAt,csatRating,csatComment,tags',
    );
    const cells = (row ?? '').split(',');
    expect(cells.slice(0, 7)).toEqual([m1Conversation, p.merchants.m1, 'Shop shop-1', expect.any(String), 'oReport1', "'=1+1", 'assigned']);
    expect(cells[9]).toBe('一号店客服');
    expect(cells.slice(-6, -4)).toEqual(['1', '2']); // the customer's message; the greeting and the reply
    expect(cells.slice(-4, -1)).toEqual(['', '', '']); // not rated
    expect(cells.at(-1)).toBe(''); // no tags
    expect((await p.call('GET', CONVERSATIONS, p.tokens.m2Admin)).text).not.toContain(m1Conversation);
  });

  it('carries the satisfaction rating and comment', async () => {
    const storage = stack.server.storage;
    const c = await storage.uow.run((tx) => tx.conversations.get(m1Conversation));
    if (!c) throw new Error('no conversation');
    await storage.uow.run((tx) => tx.conversations.save({ ...c, csat: { requestedAt: Date.UTC(2026, 0, 2), rating: 5, comment: '很好' } }));
    try {
      const row = lines((await p.call('GET', CONVERSATIONS, p.tokens.m1Admin)).text)[1] ?? '';
      expect(row.split(',').slice(-4, -1)).toEqual(['2026-01-02T00:00:00.000Z', '5', '很好']);
    } finally {
      await storage.uow.run((tx) => tx.conversations.save(c));
    }
  });

  it('filters by creation time and merchant, and refuses what is not the caller’s', async () => {
    const later = Date.now() + 60_000;
    expect(lines((await p.call('GET', `${CONVERSATIONS}?from=${later}`, p.tokens.platform)).text)).toHaveLength(1);
    expect(lines((await p.call('GET', `${CONVERSATIONS}?to=1`, p.tokens.platform)).text)).toHaveLength(1);
    expect(lines((await p.call('GET', CONVERSATIONS, p.tokens.platform)).text)).toHaveLength(3);
    expect(lines((await p.call('GET', `${CONVERSATIONS}?merchantId=${p.merchants.m2}`, p.tokens.platform)).text)).toHaveLength(2);
    expect((await p.call('GET', `${CONVERSATIONS}?from=10&to=5`, p.tokens.platform)).status).toBe(400);
    expect((await p.call('GET', `${CONVERSATIONS}?merchantId=${p.merchants.m2}`, p.tokens.m1Admin)).status).toBe(403);
    expect((await p.call('GET', CONVERSATIONS, p.tokens.m1Agent)).status).toBe(403);
  });

  it('splits into files of 2000 rows', async () => {
    await stack.server.storage.uow.run(async (tx) => {
      for (let i = 0; i < 2001; i++) {
        await tx.conversations.save({
          id: `bulk-${String(i).padStart(5, '0')}`,
          channelId: CHANNEL.id,
          customerId: 'nobody',
          state: 'ended',
          remainingChain: [],
          excludedAgentIds: [],
          createdAt: 1_000_000 + Math.floor(i / 3),
        });
      }
    });
    const range = '?from=1000000&to=2000000&merchantId=platform';
    const first = await p.call('GET', `${CONVERSATIONS}${range}`, p.tokens.platform);
    expect(first.headers.get('x-total-pages')).toBe('2');
    expect(first.headers.get('content-disposition')).toBe(`attachment; filename="conversations-${CHANNEL.id}-1.csv"`);
    const second = await p.call('GET', `${CONVERSATIONS}${range}&page=2`, p.tokens.platform);
    expect(lines(first.text)).toHaveLength(2001);
    expect(lines(second.text)).toEqual([expect.stringMatching(/^id,/), expect.stringMatching(/^bulk-02000,/)]);
    expect((await p.call('GET', `${CONVERSATIONS}${range}&page=3`, p.tokens.platform)).status).toBe(400);
  });
});
