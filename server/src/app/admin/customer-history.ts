// The customer's history: their earlier conversations, and those of the same person on the team's other
// channels when both records carry a VERIFIED UnionID (a claimed one, from a session-from anyone holding
// the key could write, never links people). Every conversation listed passes the rules of the
// conversation routes (reach, merchant, colleagues' conversations hidden from agents), so each one opens,
// read-only, through GET /conversations/:id and its messages. Merchant admins and agents reach one channel:
// the other channels' conversations appear to platform admins, who reach them all.
import type { Conversation } from '../../core/model/conversation';
import { unionIdSourceOf, type Customer } from '../../core/model/customer';
import type { Message } from '../../core/model/message';
import { merchantFilter } from '../auth/policy';
import type { Principal } from '../auth/principal';
import type { AdminDeps } from './admin-deps';
import { readCustomer } from './customers';
import { agentSight } from './reach';

export interface HistoryQuery {
  before?: number | undefined;
  limit: number;
}

export interface HistoryItem {
  conversation: Conversation;
  lastMessage?: Message;
  /** Another channel's customer with the same verified UnionID. */
  linked: boolean;
}

export interface HistoryPage {
  items: HistoryItem[];
  /** Where the next page starts (created before), when there may be more. */
  nextBefore?: number;
}

const reachesChannel = (p: Principal, channelId: string) => p.role === 'platform_admin' || p.channelId === channelId;

/** The same person on the other channels the caller reaches: verified UnionIDs on both sides only. */
async function linkedCustomers(deps: AdminDeps, p: Principal, c: Customer): Promise<Customer[]> {
  if (c.unionId === undefined || unionIdSourceOf(c) !== 'verified') return [];
  const unionId = c.unionId;
  const same = await deps.uow.run((tx) => tx.customers.listByUnionId(unionId));
  return same.filter((o) => o.id !== c.id && unionIdSourceOf(o) === 'verified' && reachesChannel(p, o.channelId));
}

export async function customerHistory(deps: AdminDeps, p: Principal, customerId: string, q: HistoryQuery): Promise<HistoryPage> {
  const { customer } = await readCustomer(deps, p, customerId);
  const people = [customer, ...(await linkedCustomers(deps, p, customer))];
  const sees = await agentSight(deps, p);
  const { found, full, lastMessages } = await deps.uow.run(async (tx) => {
    let full = false;
    const found: Conversation[] = [];
    for (const person of people) {
      const merchant = merchantFilter(p, person.channelId, undefined);
      const page = await tx.conversations.list({
        channelId: person.channelId,
        customerId: person.id,
        ...(merchant && { merchant }),
        ...(q.before !== undefined && { createdBefore: q.before }),
        limit: q.limit,
      });
      full ||= page.length === q.limit;
      found.push(...(sees ? page.filter(sees) : page));
    }
    found.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
    const shown = found.slice(0, q.limit);
    return {
      found: shown,
      full: full || found.length > q.limit,
      lastMessages: await tx.messages.lastOfConversations(shown.map((c) => c.id)),
    };
  });
  const lastOf = new Map(lastMessages.map((m) => [m.conversationId, m]));
  const items = found.map((conversation) => {
    const lastMessage = lastOf.get(conversation.id);
    return { conversation, linked: conversation.customerId !== customer.id, ...(lastMessage && { lastMessage }) };
  });
  const last = found.at(-1);
  return { items, ...(full && last && { nextBefore: last.createdAt }) };
}
