// Story: an agent (or an admin) moves a conversation to another agent, to a skill group, or back to the
// queue. The target must belong to the conversation's merchant; the agent giving it up is not offered
// it again in this conversation, and their freed seat takes the next one in the queue.
import { excludeAgent } from '../core/conversation/transitions';
import { EngineError } from '../core/errors';
import type { Conversation, QueueTarget } from '../core/model/conversation';
import { agentTargetState } from '../core/routing/target-state';
import { route, type LeaveMessageWhy } from '../core/routing/route';
import { drainQueue } from './support/drain-queue';
import { inUnit, type EngineDeps, type Work } from './support/engine-deps';
import { mustBeOpen, mustGetAgent, mustGetConversation, mustShareMerchant } from './support/guards';
import { assignConversation, placeConversation } from './support/place-conversation';
import { mustNotBeRobotOnly } from './support/robot-only';
import { loadRouting, type RoutingContext } from './support/routing-context';

export type TransferTo = { kind: 'agent'; agentId: string } | { kind: 'group'; groupId: string } | { kind: 'queue' };

export interface TransferInput {
  conversationId: string;
  to: TransferTo;
  /** The agent asking; absent for an admin or the system. */
  byAgentId?: string;
}

export type TransferResult =
  | { ok: true; state: Conversation['state']; agentId?: string }
  | { ok: false; reason: 'agent_unavailable' | LeaveMessageWhy };

export function transferConversation(deps: EngineDeps, input: TransferInput): Promise<TransferResult> {
  return inUnit(deps, (w) => transferConversationIn(w, input));
}

/** The same story inside a unit of work already open (an agent's WeChat command, within the push). */
export async function transferConversationIn(w: Work, input: TransferInput): Promise<TransferResult> {
  const conversation = await mustGetConversation(w, input.conversationId);
  if (input.byAgentId !== undefined) mustShareMerchant(await mustGetAgent(w, input.byAgentId), conversation);
  mustBeOpen(conversation);
  await mustNotBeRobotOnly(w, conversation);
  const ctx = await loadRouting(w, conversation.channelId, conversation.merchantId);
  const giving = conversation.state === 'assigned' ? excludeAgent(conversation, conversation.agentId) : conversation;
  const moved = await moveTo(w, giving, input.to, ctx);
  if ('refused' in moved) return { ok: false, reason: moved.refused };
  if (conversation.state === 'assigned') await drainQueue(w, conversation.channelId, conversation.merchantId);
  const { state, agentId } = moved.conversation;
  return { ok: true, state, ...(agentId !== undefined && state === 'assigned' && { agentId }) };
}

/** The customer hears of a transfer with the transfer notice (support/notices.ts). */
const TRANSFER = { transfer: true } as const;

type Moved = { conversation: Conversation } | { refused: 'agent_unavailable' | LeaveMessageWhy };

/** When the target cannot take the conversation now, nothing is changed and the reason is returned. */
async function moveTo(w: Work, c: Conversation, to: TransferTo, ctx: RoutingContext): Promise<Moved> {
  if (to.kind === 'agent') {
    const agent = await mustGetAgent(w, to.agentId);
    mustShareMerchant(agent, c);
    // Named on purpose, so an invisible agent may receive it and earlier exclusions do not apply.
    if (agentTargetState(ctx.view, agent.id, new Set()).kind !== 'available') return { refused: 'agent_unavailable' };
    return { conversation: await assignConversation(w, c, agent.id, c.groupId, [], ctx, TRANSFER) };
  }
  if (to.kind === 'group') {
    if (!ctx.view.groups.has(to.groupId)) throw new EngineError('forbidden', `group ${to.groupId} is not one of this merchant's`);
    const decision = route(
      { chain: [], defaultTarget: { kind: 'group', groupId: to.groupId }, excludedAgentIds: c.excludedAgentIds },
      ctx.view,
    );
    if (decision.kind === 'leave_message') return { refused: decision.why };
    return { conversation: await placeConversation(w, c, decision, ctx, TRANSFER) };
  }
  const target: QueueTarget = c.groupId === undefined ? { kind: 'pool' } : { kind: 'group', groupId: c.groupId };
  return {
    conversation: await placeConversation(w, c, { kind: 'queue', target, remainingChain: c.remainingChain, steps: [] }, ctx, TRANSFER),
  };
}
