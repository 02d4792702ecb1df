// The live channel over real HTTP: the composed server, the emulator and agents' streams.
import { CHANNEL, startStack, type Stack } from '../../e2e/testing/stack';
import { openSse, type SseClient } from './testing/sse-client';

let stack: Stack;
const streams: SseClient[] = [];
beforeEach(async () => {
  stack = await startStack();
});
afterEach(async () => {
  for (const s of streams.splice(0)) s.close();
  await stack.close();
});

/** An online agent with a login; answers its bearer token. */
async function agentLogin(name: string, merchantId?: string): Promise<string> {
  const agent = await stack.api<{ id: string }>('POST', `/channels/${CHANNEL.id}/agents`, {
    name,
    maxConcurrent: 3,
    ...(merchantId && { merchantId }),
  });
  await stack.api('PUT', `/agents/${agent.body.id}/status`, { status: 'online' });
  const username = `agent-${agent.body.id
    .slice(-6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x')}`;
  const account = await stack.api('POST', '/accounts', {
    username,
    password: 'agent-password-1',
    grant: { role: 'agent', agentId: agent.body.id },
  });
  expect(account.status).toBe(201);
  const res = await fetch(`${stack.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'agent-password-1' }),
  });
  return ((await res.json()) as { token: string }).token;
}

async function stream(token: string): Promise<SseClient> {
  const s = await openSse(`${stack.baseUrl}/api/v1/events`, { authorization: `Bearer ${token}` });
  streams.push(s);
  return s;
}

describe('GET /api/v1/events', () => {
  it('opens an event stream with a retry hint and a ready event naming the caller', async () => {
    const s = await stream(await agentLogin('小王'));
    expect(s.status).toBe(200);
    expect(s.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const ready = await s.next((e) => e.event === 'ready');
    expect(ready.data).toMatchObject({ role: 'agent', channelId: CHANNEL.id });
    expect(s.raw()).toMatch(/^retry: \d+\n\n/);
  });

  it("a customer's push reaches the assigned agent's stream within a second, and no other merchant's", async () => {
    const merchant = await stack.api<{ id: string }>('POST', `/channels/${CHANNEL.id}/merchants`, { code: 'other', name: '别家' });
    const mine = await stream(await agentLogin('小王'));
    const theirs = await stream(await agentLogin('小李', merchant.body.id));
    await Promise.all([mine.next((e) => e.event === 'ready'), theirs.next((e) => e.event === 'ready')]);
    const pushedAt = Date.now();
    await stack.emulator.customerSays({ appId: CHANNEL.appId } as never, 'oLive1', 'text', { text: '你好' });
    const added = await mine.next((e) => e.event === 'message_added', 1000);
    expect(added.at - pushedAt).toBeLessThan(1000);
    expect(added.data).toMatchObject({ type: 'message_added', channelId: CHANNEL.id, conversationId: expect.any(String) });
    // The message itself rides along, as GET /conversations/:id/messages shows it: no fetch needed.
    const { messageId, conversationId, message } = added.data as { messageId: string; conversationId: string; message: unknown };
    expect(message).toMatchObject({
      id: messageId,
      conversationId,
      direction: 'in',
      sender: { kind: 'customer' },
      content: { type: 'text', text: '你好' },
    });
    await new Promise((r) => setTimeout(r, 300)); // give any leak time to show
    expect(theirs.events.map((e) => e.event)).toEqual(['ready']);
  });

  it("WeChat's acceptance of a reply reaches the replying agent as message_delivered, and not a colleague", async () => {
    const token = await agentLogin('小王');
    const mine = await stream(token);
    await mine.next((e) => e.event === 'ready');
    await stack.emulator.customerSays({ appId: CHANNEL.appId } as never, 'oLive2', 'text', { text: '在吗' });
    const { conversationId } = (
      await mine.next(
        (e) => e.event === 'message_added' && (e.data as { message?: { direction: string } }).message?.direction === 'in',
        2000,
      )
    ).data as { conversationId: string };
    const colleague = await stream(await agentLogin('小李')); // joins after the customer went to 小王
    await colleague.next((e) => e.event === 'ready');
    const res = await fetch(`${stack.baseUrl}/api/v1/conversations/${conversationId}/reply`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: '在的' }),
    });
    expect(res.status).toBe(202);
    const { messageId } = (await res.json()) as { messageId: string };
    const delivered = await mine.next(
      (e) => e.event === 'message_delivered' && (e.data as { messageId: string }).messageId === messageId,
      3000,
    );
    expect(delivered.data).toMatchObject({
      type: 'message_delivered',
      channelId: CHANNEL.id,
      conversationId,
      messageId,
      at: expect.any(Number),
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(colleague.events.filter((e) => e.event === 'message_delivered')).toEqual([]);
  });

  it('answers 401 without credentials, before any stream opens', async () => {
    const res = await fetch(`${stack.baseUrl}/api/v1/events`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
  });
});
