// Stories: the quick replies an agent may use in a conversation, each filled for its customer (the
// composer's list), and the one they picked, ready to send. An agent gets their own replies, then their
// team's (the conversation's merchant); an admin, the team's.
import type { Conversation } from '../../core/model/conversation';
import type { Recipient } from '../../core/placeholders';
import { type QuickReply, type RenderedQuickReply, byTitle, renderQuickReply } from '../../core/quick-replies/quick-reply';
import { conversationInReach } from '../admin/reach';
import type { Principal } from '../auth/principal';
import { notFound } from '../errors';
import { teamOf } from './quick-reply-access';
import type { QuickReplyDeps } from './quick-reply-deps';

export interface UsableQuickReply {
  reply: QuickReply;
  /** Numbered from 1 in this order, as the WeChat command `/q 2` counts. */
  number: number;
  rendered: RenderedQuickReply;
}

/** The agent's own replies in title order, then their team's: the one order every list and `/q n` use. */
export function agentOrder(own: readonly QuickReply[], team: readonly QuickReply[]): QuickReply[] {
  return [...[...own].sort(byTitle), ...[...team].sort(byTitle)];
}

async function usableIn(deps: QuickReplyDeps, p: Principal, c: Conversation): Promise<QuickReply[]> {
  const team = await deps.replies.list(teamOf(c.channelId, c.merchantId));
  const own = p.role === 'agent' ? await deps.replies.list(teamOf(c.channelId, c.merchantId, p.agentId)) : [];
  return agentOrder(own, team);
}

async function recipientOf(deps: QuickReplyDeps, c: Conversation): Promise<Recipient> {
  const customer = await deps.uow.run((tx) => tx.customers.get(c.customerId));
  return { id: c.customerId, ...(customer?.nickname !== undefined && { nickname: customer.nickname }) };
}

export async function quickRepliesForConversation(deps: QuickReplyDeps, p: Principal, conversationId: string): Promise<UsableQuickReply[]> {
  const c = await conversationInReach(deps, p, conversationId);
  const who = await recipientOf(deps, c);
  return (await usableIn(deps, p, c)).map((reply, i) => ({ reply, number: i + 1, rendered: renderQuickReply(reply, who) }));
}

/** The reply `id` as this conversation's customer receives it; 404 for one the caller may not use here. */
export async function quickReplyToSend(deps: QuickReplyDeps, p: Principal, c: Conversation, id: string): Promise<RenderedQuickReply> {
  const reply = (await usableIn(deps, p, c)).find((r) => r.id === id);
  if (!reply) throw notFound(`body.quickReply.id: quick reply ${id} of yours or your team’s`);
  return renderQuickReply(reply, await recipientOf(deps, c));
}
