// Reading conversations and their messages, newest first, page by page (REST API), and every
// conversation of a channel (the command line's export).
import type { Conversation, ConversationState } from '../../core/model/conversation';
import type { Message } from '../../core/model/message';
import { merchantFilter } from '../auth/policy';
import type { Principal } from '../auth/principal';
import type { AdminDeps } from './admin-deps';
import { channelInReach, conversationInReach } from './reach';

const PAGE = 500;

export interface ConversationFilter {
  merchantId?: string | undefined;
  state?: ConversationState[] | undefined;
  agentId?: string | undefined;
  customerId?: string | undefined;
  before?: number | undefined;
  limit: number;
}

export interface ConversationPage {
  /** Each conversation with its newest message, for the list's previews. */
  items: Array<{ conversation: Conversation; lastMessage?: Message }>;
  /** Where the next page starts, when this one is full. */
  nextBefore?: number;
}

export async function listConversations(
  deps: AdminDeps,
  p: Principal,
  channelId: string,
  q: ConversationFilter,
): Promise<ConversationPage> {
  await channelInReach(deps, p, channelId);
  const merchant = merchantFilter(p, channelId, q.merchantId);
  const { conversations, lastMessages } = await deps.uow.run(async (tx) => {
    const found = await tx.conversations.list({
      channelId,
      ...(merchant && { merchant }),
      ...(q.state && { states: q.state }),
      ...(q.agentId !== undefined && { agentId: q.agentId }),
      ...(q.customerId !== undefined && { customerId: q.customerId }),
      ...(q.before !== undefined && { createdBefore: q.before }),
      limit: q.limit,
    });
    // Each item's newest message, for the list's previews: one query for the page, not one per item.
    return { conversations: found, lastMessages: await tx.messages.lastOfConversations(found.map((c) => c.id)) };
  });
  const lastOf = new Map(lastMessages.map((m) => [m.conversationId, m]));
  const items = conversations.map((conversation) => {
    const lastMessage = lastOf.get(conversation.id);
    return lastMessage ? { conversation, lastMessage } : { conversation };
  });
  // A full page may have more behind it. Conversations created in the same millisecond as the last one
  // can be skipped by the cursor; the port pages by instant only (see the report).
  const last = conversations.at(-1);
  return { items, ...(items.length === q.limit && last && { nextBefore: last.createdAt }) };
}

export const readConversation = (deps: AdminDeps, p: Principal, conversationId: string): Promise<Conversation> =>
  conversationInReach(deps, p, conversationId);

/** Oldest first; `before` pages back. */
export async function conversationMessages(
  deps: AdminDeps,
  p: Principal,
  conversationId: string,
  q: { limit: number; before?: number | undefined },
): Promise<Message[]> {
  const c = await conversationInReach(deps, p, conversationId);
  return deps.uow.run((tx) =>
    tx.messages.listByConversation(c.id, { limit: q.limit, ...(q.before !== undefined && { before: q.before }) }),
  );
}

/**
 * Every conversation of a channel, newest first. The port pages by "created before"; several conversations
 * can share a millisecond at a page boundary, so the boundary millisecond is asked for again and the ids
 * already written there are skipped.
 */
export async function* everyConversationOf(deps: Pick<AdminDeps, 'uow'>, channelId: string): AsyncGenerator<Conversation> {
  let before: number | undefined;
  let seenAtBoundary = new Set<string>();
  for (;;) {
    const cursor = before;
    const page = await deps.uow.run((tx) =>
      tx.conversations.list({ channelId, limit: PAGE, ...(cursor !== undefined && { createdBefore: cursor }) }),
    );
    const fresh = page.filter((c) => !seenAtBoundary.has(c.id));
    for (const c of fresh) yield c;
    const last = page.at(-1);
    if (!last || page.length < PAGE) return;
    const boundary = last.createdAt;
    if (fresh.length === 0) {
      // More than a page in one millisecond: move past it (the port cannot page inside an instant).
      before = boundary;
      seenAtBoundary = new Set();
      continue;
    }
    const sameMs = page.filter((c) => c.createdAt === boundary).map((c) => c.id);
    before = boundary + 1;
    seenAtBoundary = new Set(before === cursor ? [...seenAtBoundary, ...sameMs] : sameMs);
  }
}
