// The live-event contract holds for what a running server sends: every event a platform admin's stream
// receives while a customer writes and an agent answers parses with its schema, and so do each engine
// notice passed through the stream and the end of the login. A payload that drifts from the schema fails here.
import { CHANNEL, startStack, type Stack } from '../e2e/testing/stack';
import type { EngineNotice } from '../core/ports/notifier';
import { openSse, type SseClient, type SseEvent } from '../http/workbench/testing/sse-client';
import { bearerLogin, startWorkbenchApp, type WorkbenchApp } from '../http/workbench/testing/workbench-app';
import { liveEvents, type LiveEventName } from './live-events';

let stack: Stack;
let app: WorkbenchApp | undefined;
let token: string;
const streams: SseClient[] = [];
beforeEach(async () => {
  stack = await startStack();
  token = await bearerLogin(stack, 'admin', 'admin-password-1');
});
afterEach(async () => {
  for (const s of streams.splice(0)) s.close();
  await app?.close();
  app = undefined;
  await stack.close();
});

async function stream(baseUrl: string): Promise<SseClient> {
  const s = await openSse(`${baseUrl}/api/v1/events`, { authorization: `Bearer ${token}` });
  streams.push(s);
  await s.next((e) => e.event === 'ready');
  return s;
}

/** Each event's data parsed with its schema: the names of those that do not parse, with zod's reasons. */
function misfits(events: readonly SseEvent[]): string[] {
  return events.flatMap((e) => {
    const schema = Object.hasOwn(liveEvents, e.event) ? liveEvents[e.event as LiveEventName] : undefined;
    if (!schema) return [`${e.event}: no schema`];
    const parsed = schema.safeParse(e.data);
    return parsed.success ? [] : [`${e.event}: ${parsed.error.message}`];
  });
}

describe('the live-event contract', () => {
  it('parses every event a running server sends while a customer writes and an agent answers', async () => {
    const s = await stream(stack.baseUrl);
    const agent = await stack.api<{ id: string }>('POST', `/channels/${CHANNEL.id}/agents`, { name: '小王', maxConcurrent: 3 });
    await stack.api('PUT', `/agents/${agent.body.id}/status`, { status: 'online' });
    await stack.emulator.customerSays({ appId: CHANNEL.appId } as never, 'oContract1', 'text', { text: '你好' });
    const added = await s.next((e) => e.event === 'message_added', 2000);
    const { conversationId } = added.data as { conversationId: string };
    const reply = await stack.api<{ messageId: string }>('POST', `/conversations/${conversationId}/reply`, {
      text: '在的',
      agentId: agent.body.id,
    });
    expect(reply.status).toBe(202);
    await s.next((e) => e.event === 'message_delivered' && (e.data as { messageId: string }).messageId === reply.body.messageId, 3000);

    const seen = new Set(s.events.map((e) => e.event));
    for (const name of ['ready', 'agent_changed', 'message_added', 'conversation_changed', 'message_delivered'])
      expect(seen).toContain(name);
    expect(misfits(s.events)).toEqual([]);
  });

  it('parses each kind of engine notice as the stream sends it, and the end of the login', async () => {
    app = await startWorkbenchApp(stack, { heartbeatMs: 50 });
    const s = await stream(app.baseUrl);
    const scope = { channelId: 'shop', merchantId: 'm1' };
    const message = {
      id: 'msg1',
      channelId: 'shop',
      conversationId: 'c1',
      customerId: 'u1',
      direction: 'out' as const,
      sender: { kind: 'agent' as const, agentId: 'a1' },
      content: { type: 'image' as const, mediaId: 'kbref:media:kbm_1' },
      createdAt: 5,
      delivery: { status: 'pending' as const },
    };
    const notices: EngineNotice[] = [
      { type: 'message_added', ...scope, conversationId: 'c1', messageId: 'msg1', agentId: 'a1', message },
      { type: 'message_added', channelId: 'shop', conversationId: 'c1', messageId: 'msg2' },
      { type: 'conversation_changed', ...scope, conversationId: 'c1', state: 'assigned', agentId: 'a2', previousAgentId: 'a1' },
      { type: 'delivery_failed', ...scope, conversationId: 'c1', messageId: 'msg1', agentId: 'a1', reason: 'window_closed' },
      { type: 'message_delivered', ...scope, conversationId: 'c1', messageId: 'msg1', agentId: 'a1', at: 7 },
      { type: 'agent_changed', ...scope, agentId: 'a1', status: 'busy' },
      { type: 'agent_no_reply', ...scope, conversationId: 'c1', agentId: 'a1' },
      { type: 'queue_changed', ...scope, length: 2 },
    ];
    await app.notices.notify(notices);
    await s.next((e) => e.event === 'queue_changed');
    await fetch(`${stack.baseUrl}/api/v1/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    await s.next((e) => e.event === 'session_ended');
    const sent = s.events.filter((e) => e.event !== 'ready');
    expect(sent.map((e) => e.event)).toEqual([...notices.map((n) => n.type), 'session_ended']);
    expect(misfits(s.events)).toEqual([]);
  });

  it('rejects a payload that left the contract', () => {
    expect(misfits([{ event: 'queue_changed', data: { type: 'queue_changed', channelId: 'shop', size: 2 }, at: 0 }])).toHaveLength(1);
    expect(misfits([{ event: 'conversation_opened', data: {}, at: 0 }])).toEqual(['conversation_opened: no schema']);
  });
});
