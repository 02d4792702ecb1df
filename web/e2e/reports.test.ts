// In a browser, the Reports screen over conversations seeded on several days through the real stack (the
// server on the test clock, customers writing through the WeChat emulator, agents replying through the
// API): the admin chooses a range, the daily trend has one bar per day, the first response includes a
// conversation transferred before anyone answered (measured to the reply of the agent it went to), and
// the CSV download has a row per day and a total.
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { advance, moveTo, SECOND, syncEmulator } from '../../server/src/e2e/testing/clock';
import { launchChromium, openPage, screenshot } from './testing/browser';
import {
  ADMIN,
  type AgentLogin,
  CHANNEL,
  createAgent,
  customerWrites,
  deliveredTo,
  eventually,
  logIn,
  type Stack,
  startWebStack,
} from './testing/web-stack';

let browser: Browser | undefined;
let stack: Stack;
beforeAll(async () => {
  browser = await launchChromium();
  // 09:00 in Shanghai on 2 March 2026: the channel's calendar (below) counts the days there.
  stack = await startWebStack({ testClock: true, clockStart: Date.parse('2026-03-02T01:00:00Z') });
  await syncEmulator(stack);
});
afterAll(async () => {
  await stack?.close();
  await browser?.close();
});

/** The API as the platform admin, with a token that outlives the days the clock moves (a login's would expire). */
let token = '';
async function api<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${stack.baseUrl}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The customer writes; once an agent holds the conversation, its id. */
async function writes(openid: string, text: string): Promise<string> {
  await customerWrites(stack, openid, text);
  return eventually(async () => {
    const customer = await api<{ id: string }>('GET', `/channels/${CHANNEL.id}/customers?openid=${openid}`).catch(() => undefined);
    if (!customer) return undefined;
    const list = await api<{ items: { id: string }[] }>(
      'GET',
      `/channels/${CHANNEL.id}/conversations?customerId=${customer.id}&state=assigned`,
    );
    return list.items[0]?.id;
  });
}

async function replies(conversationId: string, agent: AgentLogin, text: string, openid: string): Promise<void> {
  await api('POST', `/conversations/${conversationId}/reply`, { text, agentId: agent.agentId });
  await deliveredTo(stack, openid, text);
}

/** Three days with conversations, one without: 2 March answered in 30 s; 3 March transferred before any answer, answered 60 s after the customer wrote; 5 March answered in 20 s. */
async function seed(): Promise<{ wang: AgentLogin; li: AgentLogin; zhao: string }> {
  token = (await stack.api<{ token: string }>('POST', '/tokens', { name: 'reports', grant: { role: 'platform_admin' } })).body.token;
  const calendar = await api<{ id: string }>('POST', `/channels/${CHANNEL.id}/calendars`, {
    name: '上海',
    timeZone: 'Asia/Shanghai',
    workdays: [0, 1, 2, 3, 4, 5, 6],
    workdaySegments: [{ start: 0, end: 1440 }],
    holidays: [],
  });
  await api('PUT', `/channels/${CHANNEL.id}/settings`, { calendarId: calendar.id });
  const wang = await createAgent(stack, { name: '小王', username: 'xiaowang' });
  const li = await createAgent(stack, { name: '小李', username: 'xiaoli', status: 'offline' });
  const zhao = (await createAgent(stack, { name: '小赵', username: 'xiaozhao', status: 'offline' })).agentId;
  await api('POST', `/agents/${zhao}/archive`, {});

  const first = await writes('oDay1', '你好，想问下发货时间');
  await advance(stack, 30 * SECOND);
  await replies(first, wang, '今天下午发货', 'oDay1');

  await moveTo(stack, '2026-03-03T02:00:00Z');
  const moved = await writes('oDay2', '我要退货');
  await advance(stack, 10 * SECOND);
  await api('PUT', `/agents/${li.agentId}/status`, { status: 'online' });
  await api('POST', `/conversations/${moved}/transfer`, { to: { kind: 'agent', agentId: li.agentId }, agentId: wang.agentId });
  await advance(stack, 50 * SECOND);
  await replies(moved, li, '好的，我来帮您办理退货', 'oDay2');

  await moveTo(stack, '2026-03-05T03:00:00Z');
  const third = await writes('oDay4', '发票在哪里开');
  await advance(stack, 20 * SECOND);
  await replies(third, wang, '订单页点申请发票', 'oDay4');
  return { wang, li, zhao };
}

describe('the Reports screen', () => {
  it('draws a range’s daily trend, counts a transferred conversation’s first response and downloads the CSV', async () => {
    const { li, zhao } = await seed();
    if (!browser) throw new Error('no browser');
    const { context, page, errors } = await openPage(browser);
    await logIn(page, stack, ADMIN, '/app/admin/reports');
    await page.locator('input[name="from"]').fill('2026-03-01');
    await page.locator('input[name="to"]').fill('2026-03-05');

    const chart = page.locator('[data-testid="trend-chart"][data-days="5"]');
    await chart.waitFor();
    const bars = chart.locator('rect.bar');
    expect(await bars.evaluateAll((rects) => rects.map((r) => [r.getAttribute('data-date'), r.getAttribute('data-value')]))).toEqual([
      ['2026-03-01', '0'],
      ['2026-03-02', '1'],
      ['2026-03-03', '1'],
      ['2026-03-04', '0'],
      ['2026-03-05', '1'],
    ]);
    expect(await page.getByTestId('report-range').innerText()).toContain('Asia/Shanghai');
    expect(await page.getByTestId('report-conversations').locator('.value').innerText()).toBe('3');
    // (30 s + 60 s + 20 s) / 3: the transferred conversation counts, from the customer's message to 小李's reply.
    expect(await page.getByTestId('report-first-response-avg').getAttribute('data-ms')).toBe('36667');
    expect(await page.locator(`tr[data-id="${li.agentId}"]`).getAttribute('data-first-response-ms')).toBe('60000');
    expect(await page.getByTestId('report-transfers').locator('.value').innerText()).toBe('1');
    await screenshot(page, 'reports-range');
    await page.locator('table.table').scrollIntoViewIfNeeded();
    await screenshot(page, 'reports-trend');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-csv').click()]);
    expect(download.suggestedFilename()).toBe(`report-days-${CHANNEL.id}-2026-03-01-2026-03-05.csv`);
    const bytes = await readFile((await download.path()) ?? '');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 with a BOM: Excel shows the Chinese header
    const rows = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    expect(rows[0]).toMatch(/^日期,会话数,仅机器人接待,人工接待,首次响应数,首次响应平均\(秒\),/);
    expect(rows.slice(1).map((r) => r.split(',').slice(0, 6).join(','))).toEqual([
      '2026-03-01,0,0,0,0,',
      '2026-03-02,1,0,1,1,30',
      '2026-03-03,1,0,1,1,60',
      '2026-03-04,0,0,0,0,',
      '2026-03-05,1,0,1,1,20',
      '合计,3,0,3,3,36.7',
    ]);

    // The presets and the filters: 小李's conversations only. An archived agent stays pickable, marked.
    expect(await page.locator(`select[name="agentId"] option[value="${zhao}"]`).innerText()).toBe('小赵 (已归档)');
    await page.locator('select[name="agentId"]').selectOption(li.agentId);
    await page.getByTestId('report-conversations').locator('.value').filter({ hasText: /^1$/ }).waitFor();
    await page.locator('button[data-preset="7"]').click();
    await page.locator('[data-testid="trend-chart"][data-days="7"]').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
