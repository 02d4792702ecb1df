// Story: search conversations, only within what the caller may see: their channel and merchant (as the
// conversation list), and for an agent whose merchant hides colleagues' conversations, none of those.
// An agent may not search by UnionID where agents are not shown UnionIDs (it would reveal them).
import type { ConversationState } from '../../core/model/conversation';
import type { Message } from '../../core/model/message';
import type { Conversation } from '../../core/model/conversation';
import type { ConversationSearchQuery } from '../../core/ports/conversation-search';
import { channelInReach } from '../admin/reach';
import { merchantFilter } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { badRequest, forbidden, notFound } from '../errors';
import { lookUpSettings } from '../support/settings-lookup';
import type { DeskDeps } from './desk-deps';

export interface SearchFilter {
  merchantId?: string | undefined;
  text?: string | undefined;
  customerName?: string | undefined;
  openid?: string | undefined;
  unionId?: string | undefined;
  tagId?: string | undefined;
  agentId?: string | undefined;
  customerId?: string | undefined;
  state?: ConversationState[] | undefined;
  from?: number | undefined;
  to?: number | undefined;
  before?: number | undefined;
  limit: number;
}

export interface SearchPage {
  items: Array<{ conversation: Conversation; match?: Message; lastMessage?: Message; tagIds: string[] }>;
  nextBefore?: number;
}

/** The object without its undefined properties (the port's optional fields are absent, never undefined). */
const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export async function searchConversations(deps: DeskDeps, p: Principal, channelId: string, f: SearchFilter): Promise<SearchPage> {
  const query = await scopedQuery(deps, p, channelId, f);
  if (!deps.search) throw notFound('search');
  const hits = await deps.search.search({ ...query, limit: f.limit });
  const ids = hits.map((h) => h.conversation.id);
  const { tags, last } = await deps.admin.uow.run(async (tx) => ({
    tags: await tx.tags.ofConversations(ids),
    last: new Map((await tx.messages.lastOfConversations(ids)).map((m) => [m.conversationId, m])),
  }));
  const items = hits.map(({ conversation, message }) => {
    const lastMessage = last.get(conversation.id);
    return {
      conversation,
      ...(message && { match: message }),
      ...(lastMessage && { lastMessage }),
      tagIds: tags.get(conversation.id) ?? [],
    };
  });
  const end = hits.at(-1);
  return { items, ...(hits.length === f.limit && end && { nextBefore: end.conversation.createdAt }) };
}

/** How many conversations the filter matches within the caller's sight (reports per tag). */
export async function countConversations(deps: DeskDeps, p: Principal, channelId: string, f: Omit<SearchFilter, 'limit'>): Promise<number> {
  const query = await scopedQuery(deps, p, channelId, { ...f, limit: 0 });
  if (!deps.search) throw notFound('search');
  return deps.search.count(query);
}

async function scopedQuery(deps: DeskDeps, p: Principal, channelId: string, f: SearchFilter): Promise<ConversationSearchQuery> {
  const channel = await channelInReach(deps.admin, p, channelId);
  const merchant = merchantFilter(p, channelId, f.merchantId);
  if (f.text !== undefined && f.text.trim() === '') throw badRequest('text: give some words');
  if (p.role === 'agent' && f.unionId !== undefined && channel.agentsSeeUnionId !== true)
    throw forbidden('agents of this channel are not shown UnionIDs, so they may not search by one');
  const hideHeldByOthers = p.role === 'agent' ? await hiddenFrom(deps, p.agentId, channelId, p.merchantId) : undefined;
  return defined({
    channelId,
    ...(merchant && { merchant }),
    text: f.text?.trim(),
    customerName: f.customerName,
    openid: f.openid,
    unionId: f.unionId,
    tagId: f.tagId,
    agentId: f.agentId,
    customerId: f.customerId,
    states: f.state,
    from: f.from,
    to: f.to,
    createdBefore: f.before,
    hideHeldByOthers,
    limit: f.limit,
  });
}

/** The agent, when colleagues' conversations are hidden from them (conversation-access.ts). */
async function hiddenFrom(deps: DeskDeps, agentId: string, channelId: string, merchantId: string | undefined): Promise<string | undefined> {
  return deps.admin.uow.run(async (tx) => {
    const agent = await tx.agents.get(agentId);
    const { colleaguesConversations } = await lookUpSettings(tx.settings, channelId, merchantId);
    return colleaguesConversations === 'hidden' && agent?.canActOnColleagues !== true ? agentId : undefined;
  });
}
