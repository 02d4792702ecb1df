// The range reports over real HTTP on the composed server (SQLite file) with the WeChat emulator: real
// conversations (one transferred before anyone answered), the figures of a date range per day and per
// agent, each merchant admin seeing their own, clear 400s naming the field, and the CSV download.
import { CHANNEL, startStack, type Stack } from '../../e2e/testing/stack';
import { arrangePeople, customerWrites, MERCHANT_CODES, type People } from './testing/stack-people';

let stack: Stack;
let p: People;
let second = { id: '', token: '' };
let transferredFirstResponse = 0;
const REPORTS = `/channels/${CHANNEL.id}/reports`;
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(Date.now());
const weekAgo = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(Date.now() - 6 * 86_400_000);

beforeAll(async () => {
  stack = await startStack();
  p = await arrangePeople(stack);
  const first = await customerWrites(stack, 'oRange1', '你好', MERCHANT_CODES.m1);
  expect((await p.call('POST', `/conversations/${first}/reply`, p.tokens.m1Agent, { text: '您好' })).status).toBe(202);
  // A second agent of the merchant, offline while the next customer writes (so the first agent gets it),
  // online for the transfer: transferred before anyone answered, its first response runs from the
  // customer's message to the reply of the agent it went to.
  const agent = await p.call('POST', `/channels/${CHANNEL.id}/agents`, p.tokens.platform, {
    name: '一号店二号客服',
    status: 'offline',
    maxConcurrent: 5,
    merchantId: p.merchants.m1,
  });
  const token = await p.call('POST', '/tokens', p.tokens.platform, { name: 'm1 second', grant: { role: 'agent', agentId: agent.json.id } });
  second = { id: agent.json.id, token: token.json.token };
  const moved = await customerWrites(stack, 'oRange2', '在吗', MERCHANT_CODES.m1);
  expect((await p.call('PUT', `/agents/${second.id}/status`, second.token, { status: 'online' })).status).toBe(200);
  const transfer = await p.call('POST', `/conversations/${moved}/transfer`, p.tokens.m1Admin, {
    to: { kind: 'agent', agentId: second.id },
  });
  expect(transfer.json).toMatchObject({ state: 'assigned', agentId: second.id });
  expect((await p.call('POST', `/conversations/${moved}/reply`, second.token, { text: '久等了' })).status).toBe(202);
  const items: { createdAt: number; sender: { kind: string } }[] = (
    await p.call('GET', `/conversations/${moved}/messages`, p.tokens.m1Admin)
  ).json.items;
  const at = (kind: string) => items.find((m) => m.sender.kind === kind)?.createdAt ?? Number.NaN;
  transferredFirstResponse = at('agent') - at('customer');
  await customerWrites(stack, 'oRange3', '有人吗', MERCHANT_CODES.m2);
});
afterAll(() => stack.close());

describe('GET /channels/:channelId/reports', () => {
  it('gives a merchant admin their merchant’s figures per day and per agent, a transfer’s first response included', async () => {
    const res = await p.call('GET', `${REPORTS}?from=${weekAgo}&to=${today}`, p.tokens.m1Admin);
    expect(res.status).toBe(200);
    const r = res.json;
    expect(r.range).toMatchObject({ from: weekAgo, to: today, timeZone: zone });
    expect(r.days.map((d: { date: string }) => d.date)).toHaveLength(7);
    expect(r.days.at(-1)).toMatchObject({ date: today, conversations: 2, byPerson: 2 });
    expect(r.totals).toMatchObject({ conversations: 2, robotOnly: 0, byPerson: 2, transfers: { steps: 1, conversations: 1 } });
    expect(r.totals.firstResponseMs.count).toBe(2);
    expect(r.totals.waitMs.count).toBe(2);
    const byName = Object.fromEntries(r.agents.map((a: { name: string }) => [a.name, a]));
    expect(byName['一号店二号客服']).toMatchObject({ conversations: 1, firstResponseMs: { count: 1, avg: transferredFirstResponse } });
    expect(byName['一号店客服']).toMatchObject({ conversations: 1, firstResponseMs: { count: 1 } });
  });

  it('lets platform admins see every merchant or one, and filter by agent', async () => {
    const all = (await p.call('GET', `${REPORTS}?from=${today}&to=${today}`, p.tokens.platform)).json;
    expect(all.totals.conversations).toBe(3);
    expect(all.days).toHaveLength(1);
    const m2 = (await p.call('GET', `${REPORTS}?from=${today}&to=${today}&merchantId=${p.merchants.m2}`, p.tokens.platform)).json;
    expect(m2.totals).toMatchObject({ conversations: 1, firstResponseMs: { count: 0 } });
    const agent = (await p.call('GET', `${REPORTS}?from=${today}&to=${today}&agentId=${p.agents.m2}`, p.tokens.platform)).json;
    expect(agent.totals.conversations).toBe(1);
  });

  it('counts days in the zone asked for', async () => {
    const r = (await p.call('GET', `${REPORTS}?from=2026-03-01&to=2026-03-02&timeZone=Asia/Shanghai`, p.tokens.platform)).json;
    expect(r.range).toEqual({
      from: '2026-03-01',
      to: '2026-03-02',
      timeZone: 'Asia/Shanghai',
      start: Date.parse('2026-02-28T16:00:00Z'),
      end: Date.parse('2026-03-02T16:00:00Z'),
    });
  });

  it('answers a bad time zone or range with a 400 naming the field', async () => {
    const bad = async (q: string) => (await p.call('GET', `${REPORTS}?${q}`, p.tokens.platform)).json.error?.message ?? '';
    expect((await p.call('GET', `${REPORTS}?from=${today}&to=${today}&timeZone=Mars/Base`, p.tokens.platform)).status).toBe(400);
    expect(await bad(`from=${today}&to=${today}&timeZone=Mars/Base`)).toMatch(/^query\.timeZone: /);
    expect(await bad('from=2025-01-01&to=2026-03-01')).toMatch(/^query\.to: a report covers at most 366 days/);
    expect(await bad('from=2026-03-02&to=2026-03-01')).toMatch(/^query\.to: /);
    expect(await bad('from=2026-02-30&to=2026-03-01')).toMatch(/^query\.from: /);
    expect(await bad(`to=${today}`)).toMatch(/^query\.from: /);
  });

  it('refuses agents and other merchants', async () => {
    expect((await p.call('GET', `${REPORTS}?from=${today}&to=${today}`, p.tokens.m1Agent)).status).toBe(403);
    expect((await p.call('GET', `${REPORTS}?from=${today}&to=${today}&merchantId=${p.merchants.m2}`, p.tokens.m1Admin)).status).toBe(403);
    expect((await p.call('GET', `/channels/other/reports?from=${today}&to=${today}`, p.tokens.m1Admin)).status).toBe(403);
  });
});

describe('GET /channels/:channelId/reports/export.csv', () => {
  const rows = (csv: string) => csv.split('\r\n').filter(Boolean);
  it('downloads one row per day and a total row, UTF-8 with a BOM, the header in English or Chinese', async () => {
    const res = await p.call('GET', `${REPORTS}/export.csv?from=${weekAgo}&to=${today}`, p.tokens.m1Admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="report-days-${CHANNEL.id}-${weekAgo}-${today}.csv"`);
    const raw = await fetch(`${stack.baseUrl}/api/v1${REPORTS}/export.csv?from=${today}&to=${today}`, {
      headers: { authorization: `Bearer ${p.tokens.m1Admin}` },
    });
    expect([...new Uint8Array(await raw.arrayBuffer()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM: Excel reads UTF-8
    const lines = rows(res.text.replace(/^\uFEFF/, ''));
    expect(lines).toHaveLength(1 + 7 + 1);
    expect(lines[0]).toMatch(/^date,conversations,robot_only,by_person,first_responses,first_response_avg_s,/);
    expect(lines[7]).toMatch(new RegExp(`^${today},2,0,2,2,`));
    expect(lines[8]).toMatch(/^total,2,0,2,2,/);
    const zh = rows(
      (await p.call('GET', `${REPORTS}/export.csv?from=${today}&to=${today}&lang=zh`, p.tokens.m1Admin)).text.replace(/^\uFEFF/, ''),
    );
    expect(zh[0]).toMatch(/^日期,会话数,仅机器人接待,人工接待,/);
    expect(zh[2]).toMatch(/^合计,2,/);
  });

  it('downloads one row per agent', async () => {
    const lines = rows(
      (await p.call('GET', `${REPORTS}/export.csv?from=${today}&to=${today}&table=agents`, p.tokens.m1Admin)).text.replace(/^\uFEFF/, ''),
    );
    expect(lines[0]).toBe(
      'agent_id,agent_name,conversations,first_responses,first_response_avg_s,first_response_p50_s,first_response_p90_s,handling_avg_s,handling_p50_s,handling_p90_s,csat_rated,csat_average',
    );
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[1])
        .sort(),
    ).toEqual(['一号店二号客服', '一号店客服']);
    expect((await p.call('GET', `${REPORTS}/export.csv?from=${today}&to=${today}&table=nope`, p.tokens.m1Admin)).status).toBe(400);
  });
});
