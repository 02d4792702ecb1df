// End to end over real HTTP with the WeChat emulator: a manual transfer refused for each reason changes
// and sends nothing; and closing time, when the queue's customers are offered to leave a message while
// the conversations agents hold go on. The server runs on a clock the test moves (the emulator on its own).
import { tickTimers } from '../app/tick-timers';
import { CHANNEL, eventually, startStack, type Stack } from './testing/stack';

interface Conversation {
  id: string;
  customerId: string;
  state: string;
  agentId?: string;
}

let stack: Stack;
afterEach(() => stack.close());

let current = Date.now();
const clock = { now: () => current };

async function agent(name: string, maxConcurrent: number, status: string): Promise<string> {
  const created = await stack.api<{ id: string }>('POST', `/channels/${CHANNEL.id}/agents`, { name, maxConcurrent });
  await stack.api('PUT', `/agents/${created.body.id}/status`, { status });
  return created.body.id;
}

/** A login for the agent; returns a caller acting with the agent's session. */
async function loginAs(agentId: string, username: string) {
  const password = 'agent-password-1';
  expect((await stack.api('POST', '/accounts', { username, password, grant: { role: 'agent', agentId } })).status).toBe(201);
  const login = await fetch(`${stack.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const { token } = (await login.json()) as { token: string };
  return async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${stack.baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as { error?: { code: string }; state?: string; agentId?: string } };
  };
}

async function conversations(): Promise<Conversation[]> {
  return (await stack.api<{ items: Conversation[] }>('GET', `/channels/${CHANNEL.id}/conversations`)).body.items;
}

/** A new customer writes; resolves with their new conversation once WeChat delivered the routing notice. */
async function customerWrites(openid: string, text: string): Promise<Conversation> {
  const before = new Set((await conversations()).map((c) => c.id));
  await stack.emulator.customerSays({ appId: CHANNEL.appId } as never, openid, 'text', { text });
  await eventually(async () => ((await stack.delivered(openid)).length === 1 ? true : undefined));
  return eventually(async () => (await conversations()).find((c) => !before.has(c.id)));
}

describe('manual transfer over HTTP', () => {
  beforeEach(async () => {
    current = Date.now();
    stack = await startStack({ clock });
  });

  it('refuses with the reason (403 not_assignee, 409 target_unavailable / target_full, 404 unknown_target), changing and sending nothing', async () => {
    const wang = await agent('小王', 3, 'online');
    await stack.emulator.customerSays({ appId: CHANNEL.appId } as never, 'oTransfer1', 'text', { text: '你好' });
    const first = await eventually(async () => (await conversations()).find((c) => c.state === 'assigned'));
    const qian = await agent('小钱', 1, 'online');
    await stack.emulator.customerSays({ appId: CHANNEL.appId } as never, 'oTransfer2', 'text', { text: '在吗' });
    await eventually(async () => ((await conversations()).some((c) => c.agentId === qian) ? true : undefined)); // 小钱 is now full
    const li = await agent('小李', 3, 'online');
    const zhao = await agent('小赵', 3, 'offline');
    await eventually(async () => ((await stack.delivered('oTransfer1')).length === 1 ? true : undefined));
    const asWang = await loginAs(wang, 'agent-wang');
    const asLi = await loginAs(li, 'agent-li');
    const transfer = `/conversations/${first.id}/transfer`;

    const refusals = [
      [await asLi('POST', transfer, { to: { kind: 'queue' } }), 403, 'not_assignee'],
      [await asLi('POST', transfer, { to: { kind: 'agent', agentId: li } }), 403, 'not_assignee'],
      [await asWang('POST', transfer, { to: { kind: 'agent', agentId: zhao } }), 409, 'target_unavailable'],
      [await asWang('POST', transfer, { to: { kind: 'agent', agentId: qian } }), 409, 'target_full'],
      [await asWang('POST', transfer, { to: { kind: 'agent', agentId: 'agt-nobody' } }), 404, 'unknown_target'],
      [await asWang('POST', transfer, { to: { kind: 'group', groupId: 'grp-nothing' } }), 404, 'unknown_target'],
    ] as const;
    expect(refusals.map(([res]) => [res.status, res.body.error?.code])).toEqual(refusals.map(([, status, code]) => [status, code]));
    const unchanged = (await stack.api<Conversation>('GET', `/conversations/${first.id}`)).body;
    expect(unchanged).toMatchObject({ state: 'assigned', agentId: wang });
    const ended = await asLi('POST', `/conversations/${first.id}/end`, {});
    expect(ended.status).toBe(403);

    const moved = await asWang('POST', transfer, { to: { kind: 'agent', agentId: li } });
    expect([moved.status, moved.body]).toEqual([200, { state: 'assigned', agentId: li }]);
    // Only the accepted transfer reached the customer: the greeting, then the new agent's.
    const texts = await eventually(async () => {
      const list = await stack.delivered('oTransfer1');
      return list.length === 2 ? list : undefined;
    });
    expect(texts).toEqual(['您好，欢迎咨询！\n客服 小王 为您服务，请问有什么可以帮您？', '已为您转接客服 小李。']);
  });

  it('an agent an admin allowed to act on colleagues’ conversations may transfer them', async () => {
    const wang = await agent('小王', 3, 'online');
    await stack.emulator.customerSays({ appId: CHANNEL.appId } as never, 'oTransfer3', 'text', { text: '你好' });
    const first = await eventually(async () => (await conversations()).find((c) => c.state === 'assigned'));
    const lead = await agent('组长', 3, 'busy');
    const asLead = await loginAs(lead, 'agent-lead');
    expect((await asLead('POST', `/conversations/${first.id}/transfer`, { to: { kind: 'queue' } })).status).toBe(403);
    const granted = await stack.api<{ canActOnColleagues?: boolean }>('PATCH', `/agents/${lead}`, { canActOnColleagues: true });
    expect([granted.status, granted.body.canActOnColleagues]).toEqual([200, true]);
    const moved = await asLead('POST', `/conversations/${first.id}/transfer`, { to: { kind: 'queue' } });
    expect([moved.status, moved.body]).toEqual([200, { state: 'queued' }]);
    expect((await stack.api<Conversation>('GET', `/conversations/${first.id}`)).body.agentId).not.toBe(wang);
  });
});

describe('closing time over HTTP', () => {
  it('queued customers get the off-hours notice and the leave-a-message offer; the assigned one goes on', async () => {
    const MINUTE = 60_000;
    current = Math.floor(Date.now() / MINUTE) * MINUTE;
    stack = await startStack({ clock });
    // Work time began an hour ago and ends in 30 minutes (UTC, every day; a segment may run past midnight).
    const minute = new Date(current).getUTCHours() * 60 + new Date(current).getUTCMinutes();
    const calendar = await stack.api<{ id: string }>('POST', `/channels/${CHANNEL.id}/calendars`, {
      name: 'office',
      timeZone: 'UTC',
      workdays: [0, 1, 2, 3, 4, 5, 6],
      workdaySegments: [{ start: (minute + 1380) % 1440, end: (minute + 30) % 1440 }],
    });
    expect(calendar.status).toBe(201);
    const settings = { calendarId: calendar.body.id, queueTimeoutMinutes: 0, agentNoReplyMinutes: 0, customerSilenceMinutes: 0 };
    expect((await stack.api('PUT', `/channels/${CHANNEL.id}/settings`, settings)).status).toBe(200);
    await agent('小王', 1, 'online');
    const served = await customerWrites('oServed', '你好');
    const waiting = await customerWrites('oWaiting', '有人吗');
    expect([served.state, waiting.state]).toEqual(['assigned', 'queued']);

    current += 30 * MINUTE - 1;
    expect(await tickTimers(stack.server.engine, { channelId: CHANNEL.id })).toEqual([]);
    current += 1;
    expect(await tickTimers(stack.server.engine, { channelId: CHANNEL.id })).toEqual([
      { conversationId: waiting.id, kind: 'work_time_end' },
    ]);
    const told = await eventually(async () => {
      const list = await stack.delivered('oWaiting');
      return list.length === 2 ? list : undefined;
    });
    expect(told).toEqual([
      '您好，欢迎咨询！\n当前客服繁忙，您排在第 1 位，请稍候。',
      '您好，现在是非工作时间，客服暂时无法接待。请直接留言，我们会在工作时间尽快回复您。',
    ]);
    expect((await stack.api<Conversation>('GET', `/conversations/${waiting.id}`)).body.state).toBe('left_message');
    expect((await stack.api<Conversation>('GET', `/conversations/${served.id}`)).body.state).toBe('assigned');
    expect(await stack.delivered('oServed')).toHaveLength(1);
  });
});
