// Where a conversation goes when it needs a person: the transfer_action chain (an explicit chain
// outranks last-agent mode), else the last agent (when that mode is on and the chain placed nothing by
// itself being absent or unusable), else the default target (the platform_action group, the settings'
// default group, or any agent of the merchant), which never overflows. Overflowing past the chain's
// last level goes to the default target. Waiting means the queue when the target is merely busy and the
// queue has room; otherwise the customer is offered to leave a message.
import type { TransferAction } from '../../../../shared/src/index';
import type { QueueTarget } from '../model/conversation';
import { evaluateChain, type ChainStep } from './transfer-chain';
import { lastAgentAvailable, targetState, type Unavailability } from './target-state';
import { queueKey, type RoutingView } from './routing-view';

export interface RouteRequest {
  chain?: readonly TransferAction[];
  defaultTarget: QueueTarget;
  /** The customer's previous agent, when last-agent mode is on. */
  lastAgentId?: string;
  excludedAgentIds?: readonly string[];
  /** Queue keys this conversation must not go back to. */
  triedTargets?: readonly string[];
}

export type LeaveMessageWhy = 'off_hours' | 'nobody_available' | 'queue_full';

export type RouteDecision =
  | {
      kind: 'assign';
      agentId: string;
      target: QueueTarget;
      via: 'last_agent' | 'chain' | 'default';
      remainingChain: TransferAction[];
      steps: ChainStep[];
    }
  | { kind: 'queue'; target: QueueTarget; remainingChain: TransferAction[]; steps: ChainStep[] }
  | { kind: 'leave_message'; why: LeaveMessageWhy; target: QueueTarget; steps: ChainStep[] };

export function route(request: RouteRequest, view: RoutingView): RouteDecision {
  const excluded = new Set(request.excludedAgentIds ?? []);
  const { outcome, steps } = evaluateChain(request.chain ?? [], view, excluded, new Set(request.triedTargets ?? []));
  if (outcome.kind === 'assign') return { ...outcome, kind: 'assign', via: 'chain', steps };
  if (outcome.kind === 'wait') return wait(outcome.target, outcome.why, outcome.remainingChain, steps, view);
  const { lastAgentId } = request;
  if (!outcome.overflowed && lastAgentId !== undefined && lastAgentAvailable(view, lastAgentId, excluded)) {
    return {
      kind: 'assign',
      agentId: lastAgentId,
      target: { kind: 'agent', agentId: lastAgentId },
      via: 'last_agent',
      remainingChain: [],
      steps,
    };
  }
  const state = targetState(view, request.defaultTarget, excluded);
  if (state.kind === 'available') {
    return { kind: 'assign', agentId: state.agentId, target: request.defaultTarget, via: 'default', remainingChain: [], steps };
  }
  // An unknown default (a deleted group) still reaches the merchant's pool, never another merchant.
  if (state.kind === 'unknown') return route({ ...request, chain: [], defaultTarget: { kind: 'pool' }, lastAgentId: undefined }, view);
  return wait(request.defaultTarget, state.why, [], steps, view);
}

function wait(
  target: QueueTarget,
  why: Unavailability,
  remainingChain: TransferAction[],
  steps: ChainStep[],
  view: RoutingView,
): RouteDecision {
  if (why === 'off_duty') return { kind: 'leave_message', why: 'off_hours', target, steps };
  if (why === 'offline' || why === 'nobody_online') return { kind: 'leave_message', why: 'nobody_available', target, steps };
  if (!queueHasRoom(target, view)) return { kind: 'leave_message', why: 'queue_full', target, steps };
  return { kind: 'queue', target, remainingChain, steps };
}

export function queueHasRoom(target: QueueTarget, view: RoutingView): boolean {
  const capacity = target.kind === 'group' ? (view.groups.get(target.groupId)?.maxQueueLength ?? view.maxQueueLength) : view.maxQueueLength;
  return (view.queueLengths.get(queueKey(target)) ?? 0) < capacity;
}
