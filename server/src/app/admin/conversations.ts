// Reading conversations and their messages, newest first, page by page (REST API), and every
// conversation of a channel (the command line's export).
import type { Conversation, ConversationEvent, ConversationState } from '../../core/model/conversation';
import type { Message } from '../../core/model/message';
import { queuePositions } from '../../core/routing/queue';
import { windowStatus, type WindowStatus } from '../../core/send-window/send-window';
import type { Transaction } from '../../core/ports/unit-of-work';
import { merchantFilter } from '../auth/policy';
import type { Principal } from '../auth/principal';
import type { AdminDeps } from './admin-deps';
import { agentSight, channelInReach, conversationInReach } from './reach';

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
  /**
   * Each conversation with its newest message, for the list's previews; a left message (留言) also with
   * its customer's send window, which says whether an agent who takes it can still answer, and the
   * customer's newest message.
   */
  items: Array<{ conversation: Conversation; lastMessage?: Message; window?: WindowStatus; lastCustomerMessage?: Message }>;
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
  const sees = await agentSight(deps, p);
  const { page, conversations, lastMessages, left } = await deps.uow.run(async (tx) => {
    const page = await tx.conversations.list({
      channelId,
      ...(merchant && { merchant }),
      ...(q.state && { states: q.state }),
      ...(q.agentId !== undefined && { agentId: q.agentId }),
      ...(q.customerId !== undefined && { customerId: q.customerId }),
      ...(q.before !== undefined && { createdBefore: q.before }),
      limit: q.limit,
    });
    // Colleagues' conversations hidden from an agent leave the page; the cursor still follows the page.
    const found = sees ? page.filter(sees) : page;
    // Each item's newest message, for the list's previews: one query for the page, not one per item.
    const lastMessages = await tx.messages.lastOfConversations(found.map((c) => c.id));
    return { page, conversations: found, lastMessages, left: await leftMessageDetails(tx, found, deps.clock.now()) };
  });
  const lastOf = new Map(lastMessages.map((m) => [m.conversationId, m]));
  const items = conversations.map((conversation) => {
    const lastMessage = lastOf.get(conversation.id);
    return { conversation, ...(lastMessage && { lastMessage }), ...left.get(conversation.id) };
  });
  // A full page may have more behind it. Conversations created in the same millisecond as the last one
  // can be skipped by the cursor; the port pages by instant only (see the report).
  const last = page.at(-1);
  return { items, ...(page.length === q.limit && last && { nextBefore: last.createdAt }) };
}

interface LeftDetails {
  window: WindowStatus;
  lastCustomerMessage?: Message;
}

/**
 * For each left message: its customer's send window (what an agent who takes it may still send), and
 * what the customer last wrote (the newest message is often our own leave-a-message prompt).
 */
async function leftMessageDetails(tx: Transaction, found: readonly Conversation[], now: number): Promise<Map<string, LeftDetails>> {
  const details = new Map<string, LeftDetails>();
  for (const c of found) {
    if (c.state !== 'left_message') continue;
    const window = windowStatus((await tx.customers.get(c.customerId))?.sendWindow, now);
    const recent = await tx.messages.listByConversation(c.id, { limit: 20 });
    const lastCustomerMessage = recent.filter((m) => m.direction === 'in').at(-1);
    details.set(c.id, { window, ...(lastCustomerMessage && { lastCustomerMessage }) });
  }
  return details;
}

/** A conversation as it stands: while queued, also its place in its line (1 = next). */
export interface ConversationReading {
  conversation: Conversation;
  queuePosition?: number;
}

export async function readConversation(deps: AdminDeps, p: Principal, conversationId: string): Promise<Conversation> {
  return (await readConversationNow(deps, p, conversationId)).conversation;
}

/** The conversation and, while it is queued, its position computed from the queue as routing sees it. */
export async function readConversationNow(deps: AdminDeps, p: Principal, conversationId: string): Promise<ConversationReading> {
  const conversation = await conversationInReach(deps, p, conversationId);
  if (conversation.state !== 'queued') return { conversation };
  const queued = await deps.uow.run((tx) => tx.conversations.listQueued(conversation.channelId, conversation.merchantId));
  const queuePosition = queuePositions(queued).get(conversation.id);
  return queuePosition === undefined ? { conversation } : { conversation, queuePosition };
}

/** What happened to the conversation (assigned, taken, transferred, queued, left message, ended), oldest first. */
export async function conversationEvents(deps: AdminDeps, p: Principal, conversationId: string): Promise<ConversationEvent[]> {
  return (await conversationInReach(deps, p, conversationId)).history ?? [];
}

/** How many left messages (留言) wait for someone of this merchant (undefined: the platform's team), up to 1000. */
export async function countLeftMessages(deps: Pick<AdminDeps, 'uow'>, channelId: string, merchantId: string | undefined): Promise<number> {
  const found = await deps.uow.run((tx) =>
    tx.conversations.list({ channelId, merchant: { merchantId }, states: ['left_message'], limit: 1000 }),
  );
  return found.length;
}

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
