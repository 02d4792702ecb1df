// End to end with the test clock (KEFU_TEST_CLOCK=1): the composed server and the WeChat emulator on
// real ports, time moved over HTTP (/testing/clock) as a black-box test would. Timers fire at their own
// instants, in order; what they send reaches the emulator's customer; logins expire on the same clock.
import { CHANNEL, startStack, type Stack } from './testing/stack';
import { advance, clockNow, HOUR, MINUTE, moveTo, SECOND, startClockedStack, testing, waitIdle } from './testing/clock';

interface Item {
  id: string;
  state?: string;
  agentId?: string;
  endReason?: string;
  createdAt?: number;
  content?: { text?: string };
}

const app = { appId: CHANNEL.appId } as never;

describe('without KEFU_TEST_CLOCK', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('has no /testing routes', async () => {
    for (const [method, path] of [
      ['GET', '/testing/clock'],
      ['POST', '/testing/clock'],
      ['GET', '/testing/idle'],
    ] as const) {
      const res = await fetch(`${stack.baseUrl}${path}`, {
        method,
        ...(method === 'POST' && { headers: { 'content-type': 'application/json' }, body: '{"advanceMs":1000}' }),
      });
      expect([path, res.status]).toEqual([path, 404]);
    }
  });
});

describe('a test clock started at a fixed instant', () => {
  it('starts there, moves to an instant, and the emulator follows', async () => {
    const stack = await startClockedStack({ at: '2025-01-06T09:00:00+08:00' });
    try {
      const monday9 = Date.UTC(2025, 0, 6, 1, 0);
      expect(await clockNow(stack)).toBe(monday9);
      expect(stack.emulator.clock.now()).toBe(monday9);
      await moveTo(stack, '2025-01-06T18:00:00+08:00');
      expect(await clockNow(stack)).toBe(monday9 + 9 * HOUR);
      expect(stack.emulator.clock.now()).toBe(monday9 + 9 * HOUR);
    } finally {
      await stack.close();
    }
  });
});

describe('the test clock', () => {
  let stack: Stack;
  beforeEach(async () => {
    stack = await startClockedStack();
  });
  afterEach(() => stack.close());

  const settings = (patch: Record<string, unknown>) => stack.api('PUT', `/channels/${CHANNEL.id}/settings`, patch);
  const onlineAgent = async (name: string) => {
    const agent = await stack.api<{ id: string }>('POST', `/channels/${CHANNEL.id}/agents`, { name, maxConcurrent: 3 });
    await stack.api('PUT', `/agents/${agent.body.id}/status`, { status: 'online' });
    return agent.body.id;
  };
  const conversations = async () => (await stack.api<{ items: Item[] }>('GET', `/channels/${CHANNEL.id}/conversations`)).body.items;
  const messages = async (id: string) => (await stack.api<{ items: Item[] }>('GET', `/conversations/${id}/messages`)).body.items;
  /** The customer writes; resolves once the server has routed it and sent what it sends. */
  const customerSays = async (openid: string, text: string) => {
    await stack.emulator.customerSays(app, openid, 'text', { text });
    await waitIdle(stack);
  };

  it('stands still, moves forward by advanceMs or to an instant, and never back', async () => {
    const start = await clockNow(stack);
    await new Promise((r) => setTimeout(r, 30));
    expect(await clockNow(stack)).toBe(start);
    expect(await testing(stack, '/clock', { advanceMs: 1500 })).toMatchObject({ now: start + 1500, fired: [] });
    const later = new Date(start + HOUR).toISOString();
    expect(await testing(stack, '/clock', { now: later })).toMatchObject({ now: start + HOUR, iso: later });
    const back = await fetch(`${stack.baseUrl}/testing/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ now: start }),
    });
    expect(back.status).toBe(409);
    expect(await clockNow(stack)).toBe(start + HOUR);
    const bad = await fetch(`${stack.baseUrl}/testing/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMs: -5 }),
    });
    expect(bad.status).toBe(400);
  });

  it('an agent who does not reply: at the no-reply instant a colleague takes over, and the customer is told', async () => {
    await settings({ agentNoReplyMinutes: 5, customerSilenceMinutes: 0, quotaReservedForAgents: 0 });
    const names = new Map([
      [await onlineAgent('小王'), '小王'],
      [await onlineAgent('小李'), '小李'],
    ]);
    const t0 = await clockNow(stack);
    await customerSays('oNoReply', '你好，在吗');
    const [before] = await conversations();
    const first = names.get(before?.agentId as string);
    const greeted = await stack.delivered('oNoReply');
    expect(greeted.join('\n')).toContain(`客服 ${first} 为您服务`);

    expect(await advance(stack, 4 * MINUTE)).toEqual([]);
    expect(await stack.delivered('oNoReply')).toEqual(greeted);
    const fired = await advance(stack, 2 * MINUTE);
    expect(fired).toMatchObject([{ kind: 'agent_no_reply', conversationId: before?.id, at: t0 + 5 * MINUTE }]);
    // What the timer sent reached the customer through WeChat, naming the colleague.
    const second = [...names.values()].find((n) => n !== first);
    const told = (await stack.delivered('oNoReply')).slice(greeted.length);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain(`${second}`);
    expect((await conversations())[0]).toMatchObject({
      state: 'assigned',
      agentId: [...names.keys()].find((id) => id !== before?.agentId),
    });
  });

  it('a customer queued too long is offered to leave a message at the queue-timeout instant', async () => {
    await settings({ queueTimeoutMinutes: 15, agentNoReplyMinutes: 0, customerSilenceMinutes: 0, quotaReservedForAgents: 0 });
    const agent = await stack.api<{ id: string }>('POST', `/channels/${CHANNEL.id}/agents`, { name: '小王', maxConcurrent: 1 });
    await stack.api('PUT', `/agents/${agent.body.id}/status`, { status: 'online' });
    await customerSays('oServed', '你好'); // takes the only seat
    const t0 = await clockNow(stack);
    await customerSays('oQueued', '有人吗');
    const queued = async () => (await conversations()).find((c) => c.agentId === undefined);
    expect(await queued()).toMatchObject({ state: 'queued' });
    const told = (await stack.delivered('oQueued')).length;
    expect(await advance(stack, HOUR)).toMatchObject([{ kind: 'queue_timeout', at: t0 + 15 * MINUTE }]);
    expect(await queued()).toMatchObject({ state: 'left_message' });
    expect((await stack.delivered('oQueued')).slice(told).join('\n')).toContain('留言');
  });

  it('a silent customer: the warning at its instant, then the end at its own, in that order', async () => {
    await settings({ customerSilenceMinutes: 30, silenceWarningMinutes: 5, agentNoReplyMinutes: 0, quotaReservedForAgents: 0 });
    const agentId = await onlineAgent('小王');
    await customerSays('oSilent', '我想问一下发货时间');
    const [conversation] = await conversations();
    const id = conversation?.id as string;
    const t0 = await clockNow(stack);
    await stack.api('POST', `/conversations/${id}/reply`, { agentId, text: '明天发货' });
    await waitIdle(stack);

    const fired = await advance(stack, 2 * HOUR);
    expect(fired.map((f) => [f.kind, f.at])).toEqual([
      ['silence_warning', t0 + 25 * MINUTE],
      ['silence_end', t0 + 30 * MINUTE],
    ]);
    expect((await stack.delivered('oSilent')).slice(-3)).toEqual([
      '明天发货',
      '您已经有一段时间没有回复，5 分钟后本次会话将自动结束。',
      '本次会话已结束，感谢您的咨询，祝您生活愉快！',
    ]);
    // Each was made at its timer's instant, not at the end of the advance.
    expect((await messages(id)).slice(-2).map((m) => m.createdAt)).toEqual([t0 + 25 * MINUTE, t0 + 30 * MINUTE]);
    expect((await conversations())[0]).toMatchObject({ state: 'ended', endReason: 'customer_silent' });
    expect(await clockNow(stack)).toBe(t0 + 2 * HOUR);
  });

  it('is idle once the work drains; a send waiting for a busy WeChat does not keep it busy', async () => {
    await settings({ customerSilenceMinutes: 0, agentNoReplyMinutes: 0 });
    const agentId = await onlineAgent('小王');
    await customerSays('oIdle', '你好');
    expect(await waitIdle(stack)).toEqual({ idle: true, inbox: 0, routing: false, outboxSending: 0, outboxWaitingForWeChat: 0 });
    const [conversation] = await conversations();
    // WeChat is busy for every attempt of the client's own retries: the send waits for the outbox's retry.
    await stack.emulator.admin('/faults', { api: 'cgi-bin/message/custom/send', errcode: -1, times: 4 });
    await stack.api('POST', `/conversations/${conversation?.id}/reply`, { agentId, text: '请稍等' });
    // The send is being tried (the client backs off ≥ 0.7 s between its own attempts): busy.
    expect(await testing(stack, '/idle')).toMatchObject({ idle: false, outboxSending: 1 });
    expect(await waitIdle(stack)).toMatchObject({ idle: true, outboxSending: 0, outboxWaitingForWeChat: 1 });
    expect(await stack.delivered('oIdle')).not.toContain('请稍等');
    await advance(stack, 5 * SECOND); // the retry comes due on the test clock
    expect(await waitIdle(stack)).toMatchObject({ idle: true, outboxWaitingForWeChat: 0 });
    expect(await stack.delivered('oIdle')).toContain('请稍等');
  });

  it('a login session ends after 12 hours of test-clock time', async () => {
    const t0 = await clockNow(stack);
    const login = await fetch(`${stack.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'admin-password-1' }),
    });
    const { token, expiresAt } = (await login.json()) as { token: string; expiresAt: number };
    expect(expiresAt).toBe(t0 + 12 * HOUR);
    const me = async () => (await fetch(`${stack.baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status;
    expect(await me()).toBe(200);
    await advance(stack, 12 * HOUR - MINUTE);
    expect(await me()).toBe(200);
    await advance(stack, MINUTE);
    expect(await me()).toBe(401);
  });

  it('API tokens are stamped by the same clock: issued, last used, revoked', async () => {
    const t0 = await clockNow(stack);
    const issued = await stack.api<{ id: string; token: string; createdAt: number }>('POST', '/tokens', {
      name: 'scenario runner',
      grant: { role: 'platform_admin' },
    });
    expect(issued.body.createdAt).toBe(t0);
    await advance(stack, 3 * HOUR);
    const used = await fetch(`${stack.baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${issued.body.token}` } });
    expect(used.status).toBe(200); // API tokens do not expire; they are revoked
    await advance(stack, HOUR);
    await stack.api('DELETE', `/tokens/${issued.body.id}`);
    const tokens = await stack.api<{ items: Array<{ id: string; lastUsedAt?: number; revokedAt?: number }> }>('GET', '/tokens');
    expect(tokens.body.items.find((t) => t.id === issued.body.id)).toMatchObject({ lastUsedAt: t0 + 3 * HOUR, revokedAt: t0 + 4 * HOUR });
  });
});
