// Sobot's transfer_action: up to four levels, each a skill group or a named agent with an overflow flag
// (optionId: 1 / 3 overflow, 2 / 4 stay) and a condition (spillId: agent 1 offline, 2 busy, 3 smart;
// group 4 nobody online, 5 all busy, 6 off duty, 7 smart). The chain is read leniently first
// (shared readTransferAction: odd levels dropped or kept without overflow, level four never overflows).
// Overflowing past the last level leaves the chain: the caller's default routing applies. The chain is
// walked forward once and a target is never evaluated twice, so it cannot loop: a repeated or unknown
// target (unknown includes another merchant's) is skipped.
import { overflows, readTransferAction, type TransferAction } from '../../../../shared/src/index';
import type { QueueTarget } from '../model/conversation';
import { targetState, type TargetState, type Unavailability } from './target-state';
import { queueKey, type RoutingView } from './routing-view';

export type ChainStepResult = 'assigned' | 'overflowed' | 'stayed' | 'skipped_repeat' | 'skipped_unknown';

export interface ChainStep {
  level: number;
  target: QueueTarget;
  result: ChainStepResult;
  why?: Unavailability;
}

export type ChainOutcome =
  | { kind: 'assign'; agentId: string; target: QueueTarget; remainingChain: TransferAction[] }
  | { kind: 'wait'; target: QueueTarget; why: Unavailability; remainingChain: TransferAction[] }
  /**
   * No level placed the conversation: every level was skipped (`overflowed` false), or it overflowed
   * past the last level (`overflowed` true). Either way the caller's default routing applies.
   */
  | { kind: 'none'; overflowed: boolean };

export interface ChainEvaluation {
  outcome: ChainOutcome;
  steps: ChainStep[];
}

export function targetOf(action: TransferAction): QueueTarget {
  return action.actionType === 'to_service' ? { kind: 'agent', agentId: action.deciId } : { kind: 'group', groupId: action.deciId };
}

const CONDITIONS: Record<string, readonly Unavailability[]> = {
  '1': ['offline'],
  '2': ['busy'],
  '4': ['nobody_online'],
  '5': ['all_busy'],
  '6': ['off_duty'],
};

/** Smart (3, 7): overflow for any reason the target cannot take it; otherwise only for the condition named. */
export function conditionMatches(action: TransferAction, why: Unavailability): boolean {
  const listed = action.spillId === undefined ? undefined : CONDITIONS[action.spillId];
  return listed === undefined || listed.includes(why);
}

/**
 * Evaluates `chain` against the view. `tried` holds queue keys already used by this conversation (a
 * re-route never goes back to them); `excluded` agents are treated as offline.
 */
export function evaluateChain(
  chain: readonly TransferAction[],
  view: RoutingView,
  excluded: ReadonlySet<string>,
  tried: ReadonlySet<string> = new Set(),
): ChainEvaluation {
  const { levels } = readTransferAction(chain);
  const seen = new Set(tried);
  const steps: ChainStep[] = [];
  let overflowed = false;
  for (const [i, action] of levels.entries()) {
    const target = targetOf(action);
    const key = queueKey(target);
    if (seen.has(key)) {
      steps.push({ level: i + 1, target, result: 'skipped_repeat' });
      continue;
    }
    seen.add(key);
    const state: TargetState = targetState(view, target, excluded);
    const remainingChain = levels.slice(i + 1);
    if (state.kind === 'unknown') {
      steps.push({ level: i + 1, target, result: 'skipped_unknown' });
      continue;
    }
    if (state.kind === 'available') {
      steps.push({ level: i + 1, target, result: 'assigned' });
      return { outcome: { kind: 'assign', agentId: state.agentId, target, remainingChain }, steps };
    }
    const overflow = overflows(action) && conditionMatches(action, state.why);
    steps.push({ level: i + 1, target, result: overflow ? 'overflowed' : 'stayed', why: state.why });
    if (!overflow) return { outcome: { kind: 'wait', target, why: state.why, remainingChain }, steps };
    overflowed = true;
  }
  // Past the last level given (or into levels that were all skipped): the default routing.
  return { outcome: { kind: 'none', overflowed }, steps };
}
