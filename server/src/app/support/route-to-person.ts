// A conversation needs a person: work out the request from the customer's session-from context and the
// settings, decide with the pure router, and carry the decision out.
import { excludeAgent } from '../../core/conversation/transitions';
import type { Conversation, QueueTarget } from '../../core/model/conversation';
import type { Customer } from '../../core/model/customer';
import { route, type RouteDecision } from '../../core/routing/route';
import type { Work } from './engine-deps';
import type { NoticeEvent } from './notices';
import { placeConversation } from './place-conversation';
import type { RoutingContext } from './routing-context';

/** The platform_action group, else the settings' default group, else any agent of the merchant. */
export function defaultTargetOf(customer: Customer | undefined, ctx: RoutingContext): QueueTarget {
  const groupId = customer?.session?.groupId ?? ctx.settings.defaultGroupId;
  return groupId === undefined ? { kind: 'pool' } : { kind: 'group', groupId };
}

export async function decideForNewRequest(w: Work, c: Conversation, customer: Customer, ctx: RoutingContext): Promise<RouteDecision> {
  const sameMerchant = (customer.session?.merchantId ?? '') === (c.merchantId ?? '');
  const lastAgentId = ctx.settings.lastAgentMode
    ? (await w.tx.conversations.findLatestWithAgent(c.customerId, c.merchantId))?.agentId
    : undefined;
  return route(
    {
      chain: sameMerchant ? customer.session?.transferAction : undefined,
      defaultTarget: defaultTargetOf(sameMerchant ? customer : undefined, ctx),
      ...(lastAgentId !== undefined && { lastAgentId }),
      excludedAgentIds: c.excludedAgentIds,
    },
    ctx.view,
  );
}

export async function routeToPerson(
  w: Work,
  c: Conversation,
  customer: Customer,
  ctx: RoutingContext,
  event: NoticeEvent = {},
): Promise<Conversation> {
  return placeConversation(w, c, await decideForNewRequest(w, c, customer, ctx), ctx, event);
}

/**
 * Where a conversation goes when its agent cannot keep it: on along what is left of its transfer chain,
 * else its group, else the pool; never back to `leavingAgentId` (nor to agents excluded before), and
 * never via the last-agent rule (that agent is the one leaving).
 */
export function decideReroute(
  c: Conversation,
  leavingAgentId: string | undefined,
  ctx: RoutingContext,
): { conversation: Conversation; decision: RouteDecision } {
  const conversation = excludeAgent(c, leavingAgentId);
  const decision = route(
    {
      chain: c.remainingChain,
      defaultTarget: c.groupId === undefined ? { kind: 'pool' } : { kind: 'group', groupId: c.groupId },
      excludedAgentIds: conversation.excludedAgentIds,
    },
    ctx.view,
  );
  return { conversation, decision };
}
