// Test support for the outbox's end-to-end tests (no tests here): an online agent, customers who write
// through the emulator, replies through the REST API, and what became of each message.
import type { Message } from '../../core/model/message';
import type { EmulatedApp } from '../../emulator/apps';
import { CHANNEL, eventually, type Stack } from './stack';

export interface MessageView {
  id: string;
  direction: 'in' | 'out';
  content?: { type: string; text?: string };
  delivery?: { status: string; inDoubt?: boolean; reason?: string; reasonCode?: string; wechatCode?: number };
}

export async function onlineAgent(stack: Stack, name: string, channelId = CHANNEL.id): Promise<string> {
  const agent = await stack.api<{ id: string }>('POST', `/channels/${channelId}/agents`, { name, maxConcurrent: 10 });
  await stack.api('PUT', `/agents/${agent.body.id}/status`, { status: 'online' });
  return agent.body.id;
}

async function conversationIds(stack: Stack, channelId: string): Promise<string[]> {
  const list = await stack.api<{ items: Array<{ id: string; state: string }> }>('GET', `/channels/${channelId}/conversations`);
  return list.body.items.filter((c) => c.state === 'assigned').map((c) => c.id);
}

/** The customer writes; resolves with the id of the conversation an agent took (a new one). */
export async function customerWrites(
  stack: Stack,
  openid: string,
  text: string,
  app: Pick<EmulatedApp, 'appId'> = CHANNEL,
  channelId = CHANNEL.id,
): Promise<string> {
  const before = new Set(await conversationIds(stack, channelId));
  await stack.emulator.customerSays(app as EmulatedApp, openid, 'text', { text });
  return eventually(async () => (await conversationIds(stack, channelId)).find((id) => !before.has(id)));
}

export async function reply(stack: Stack, conversationId: string, agentId: string, text: string): Promise<number> {
  return (await stack.api('POST', `/conversations/${conversationId}/reply`, { agentId, text })).status;
}

export async function messages(stack: Stack, conversationId: string): Promise<MessageView[]> {
  return (await stack.api<{ items: MessageView[] }>('GET', `/conversations/${conversationId}/messages`)).body.items;
}

export async function outgoing(stack: Stack, conversationId: string, text: string): Promise<MessageView | undefined> {
  return (await messages(stack, conversationId)).find((m) => m.direction === 'out' && m.content?.text === text);
}

/** The stored message, read from the server's database (an API session does not outlive days of test clock). */
export async function storedOutgoing(stack: Stack, conversationId: string, text: string): Promise<Message | undefined> {
  const list = await stack.server.engine.uow.run((tx) => tx.messages.listByConversation(conversationId));
  return list.find((m) => m.direction === 'out' && m.content.type === 'text' && m.content.text === text);
}

export async function sendWindow(stack: Stack, conversationId: string): Promise<{ open: boolean; remaining: number; reason?: string }> {
  return (await stack.api<{ open: boolean; remaining: number }>('GET', `/conversations/${conversationId}/send-window`)).body;
}

/** Of the texts `expected` (in their order), those WeChat never delivered, delivered twice, or out of order. */
export function lostOrReordered(delivered: string[], expected: string[]): { lost: number; duplicated: number; reordered: number } {
  const ours = delivered.filter((t) => expected.includes(t));
  const lost = expected.filter((t) => !ours.includes(t)).length;
  const duplicated = ours.length - new Set(ours).size;
  const firsts = [...new Set(ours)];
  const reordered = firsts.filter((t, i) => i > 0 && expected.indexOf(t) < expected.indexOf(firsts[i - 1] as string)).length;
  return { lost, duplicated, reordered };
}
