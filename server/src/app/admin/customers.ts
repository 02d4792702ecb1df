// Customers (read only). A customer belongs to a channel, not a merchant: merchant admins and agents see
// a customer only when the customer has talked to their merchant; the UnionID only when allowed.
import type { Conversation } from '../../core/model/conversation';
import type { Customer } from '../../core/model/customer';
import { choosesMerchant, mustReachChannel, ownMerchantOf } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { forbidden, notFound } from '../errors';
import type { AdminDeps } from './admin-deps';

/** How many of the latest messages are searched for the customer's card. */
const CARD_LOOKBACK = 100;

/** The mini program page the customer came from: the card they sent last. */
export interface EntryPage {
  /** The page the customer's card opens (its pagePath). */
  pagePath: string;
  title: string;
  /** When the card arrived. */
  at: number;
  conversationId: string;
}

/** A customer as the caller may see them: whether the UnionID may be shown, and their entry page. */
export interface SeenCustomer {
  customer: Customer;
  unionId: boolean;
  entryPage?: EntryPage | undefined;
}

/** The card the customer sent in their latest conversation the caller may see. */
async function entryPageOf(deps: AdminDeps, conversationId: string | undefined): Promise<EntryPage | undefined> {
  if (conversationId === undefined) return undefined;
  const messages = await deps.uow.run((tx) => tx.messages.listByConversation(conversationId, { limit: CARD_LOOKBACK }));
  const card = messages.filter((m) => m.direction === 'in' && m.content.type === 'miniprogrampage').at(-1);
  if (!card || card.content.type !== 'miniprogrampage') return undefined;
  return { pagePath: card.content.pagePath, title: card.content.title, at: card.createdAt, conversationId };
}

/** The scope rule of every customer route: the channel reached, and for merchants a conversation with them. */
export async function mustSeeCustomer(deps: AdminDeps, p: Principal, c: Customer): Promise<SeenCustomer> {
  mustReachChannel(p, c.channelId);
  const mine = choosesMerchant(p) ? {} : { merchant: { merchantId: ownMerchantOf(p) } };
  const [latest] = await deps.uow.run((tx) => tx.conversations.list({ channelId: c.channelId, ...mine, customerId: c.id, limit: 1 }));
  if (!choosesMerchant(p) && !latest) throw forbidden(`customer ${c.id} has not talked to your merchant`);
  const unionId = p.role !== 'agent' || (await deps.channels.get(c.channelId))?.agentsSeeUnionId === true;
  return { customer: c, unionId, entryPage: await entryPageOf(deps, latest?.id) };
}

export async function readCustomer(deps: AdminDeps, p: Principal, customerId: string): Promise<SeenCustomer> {
  const c = await deps.uow.run((tx) => tx.customers.get(customerId));
  if (!c) throw notFound(`customer ${customerId}`);
  return mustSeeCustomer(deps, p, c);
}

export async function findCustomerByOpenid(deps: AdminDeps, p: Principal, channelId: string, openid: string): Promise<SeenCustomer> {
  mustReachChannel(p, channelId);
  const c = await deps.uow.run((tx) => tx.customers.findByOpenid(channelId, openid));
  if (!c) throw notFound('customer');
  return mustSeeCustomer(deps, p, c);
}

/** The customer of a conversation the caller already reached (undefined when the record is gone). */
export const customerOf = (deps: Pick<AdminDeps, 'uow'>, c: Conversation): Promise<Customer | undefined> =>
  deps.uow.run((tx) => tx.customers.get(c.customerId));
