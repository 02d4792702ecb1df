// The stream's life: heartbeats, unsubscribing on disconnect, ending when the login ends.
import { startStack, type Stack } from '../../e2e/testing/stack';
import { openSse } from './testing/sse-client';
import { bearerLogin, startWorkbenchApp, type WorkbenchApp } from './testing/workbench-app';

let stack: Stack;
let app: WorkbenchApp;
let token: string;
beforeEach(async () => {
  stack = await startStack();
  app = await startWorkbenchApp(stack, { heartbeatMs: 50 });
  token = await bearerLogin(stack, 'admin', 'admin-password-1');
});
afterEach(async () => {
  await app.close();
  await stack.close();
});

const until = async (check: () => boolean, ms = 2000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('the event stream over time', () => {
  it('sends heartbeat comments and every notice to a platform admin', async () => {
    const s = await openSse(`${app.baseUrl}/api/v1/events`, { authorization: `Bearer ${token}` });
    await until(() => s.raw().includes(': heartbeat\n\n'));
    await app.notices.notify([{ type: 'queue_changed', channelId: 'any', merchantId: 'm', length: 3 }]);
    expect((await s.next((e) => e.event === 'queue_changed')).data).toEqual({
      type: 'queue_changed',
      channelId: 'any',
      merchantId: 'm',
      length: 3,
    });
    s.close();
  });

  it('shows a message_added notice’s message as the API does (media references get their url)', async () => {
    const s = await openSse(`${app.baseUrl}/api/v1/events`, { authorization: `Bearer ${token}` });
    await s.next((e) => e.event === 'ready');
    const message = {
      id: 'm1',
      channelId: 'shop',
      conversationId: 'c1',
      customerId: 'u1',
      direction: 'out' as const,
      sender: { kind: 'agent' as const, agentId: 'a1' },
      content: { type: 'image' as const, mediaId: 'kbref:media:kbm_1' },
      createdAt: 5,
      delivery: { status: 'pending' as const },
    };
    await app.notices.notify([{ type: 'message_added', channelId: 'shop', conversationId: 'c1', messageId: 'm1', agentId: 'a1', message }]);
    const added = await s.next((e) => e.event === 'message_added');
    expect(added.data).toEqual({
      type: 'message_added',
      channelId: 'shop',
      conversationId: 'c1',
      messageId: 'm1',
      agentId: 'a1',
      message: { ...message, content: { ...message.content, url: '/api/v1/media/kbm_1' } },
    });
    s.close();
  });

  it('unsubscribes from the notice hub when the client goes away', async () => {
    const s = await openSse(`${app.baseUrl}/api/v1/events`, { authorization: `Bearer ${token}` });
    await s.next((e) => e.event === 'ready');
    expect(app.listeners()).toBe(1);
    s.close();
    await until(() => app.listeners() === 0);
  });

  it('ends the stream with session_ended once the login is logged out', async () => {
    const s = await openSse(`${app.baseUrl}/api/v1/events`, { authorization: `Bearer ${token}` });
    await s.next((e) => e.event === 'ready');
    await fetch(`${stack.baseUrl}/api/v1/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    await s.next((e) => e.event === 'session_ended');
    await s.ended;
    await until(() => app.listeners() === 0);
  });
});
