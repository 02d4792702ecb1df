// A conversation's history: the steps a workbench shows between the messages (assigned, transferred,
// queued, left message, ended), derived from the record before and after a save, so every way a
// conversation moves (routing, a transfer, a timer, an agent going offline, taking a left message) is
// recorded by the one place that saves it.
import type { Conversation, ConversationEvent } from '../model/conversation';

/** The history is kept to its newest steps: a conversation bounced between agents all day stays small. */
export const HISTORY_LIMIT = 100;

/** The step from `before` (undefined: a new conversation) to `after`, if what it shows changed. */
export function stepOf(
  before: Conversation | undefined,
  after: Conversation,
  now: number,
  previousAgentId?: string,
): ConversationEvent | undefined {
  const fromAgentId = before?.state === 'assigned' ? before.agentId : previousAgentId;
  const group = after.groupId !== undefined ? { groupId: after.groupId } : {};
  const from = fromAgentId !== undefined ? { fromAgentId } : {};
  if (after.state === 'assigned') {
    if (before?.state === 'assigned' && before.agentId === after.agentId) return undefined;
    const agentId = after.agentId;
    const kind =
      before?.state === 'left_message' ? 'taken' : fromAgentId !== undefined && fromAgentId !== agentId ? 'transferred' : 'assigned';
    return { at: now, kind, ...(agentId !== undefined && { agentId }), ...(kind === 'transferred' && from), ...group };
  }
  if (before?.state === after.state) {
    const sameTarget = JSON.stringify(before.queuedFor) === JSON.stringify(after.queuedFor);
    if (after.state !== 'queued' || sameTarget) return undefined;
  }
  // A new conversation of agents-only mode is saved 'queued' before routing places it: not yet in a line.
  if (after.state === 'queued' && after.queuedFor === undefined) return undefined;
  if (after.state === 'queued') {
    const kind = fromAgentId !== undefined ? 'transferred' : 'queued';
    return { at: now, kind, ...from, ...group, ...(after.queuedFor && { queuedFor: after.queuedFor }) };
  }
  if (after.state === 'left_message') return { at: now, kind: 'left_message', ...from };
  if (after.state === 'ended') {
    const agentId = after.agentId;
    return { at: now, kind: 'ended', ...(agentId !== undefined && { agentId }), ...(after.endReason && { endReason: after.endReason }) };
  }
  return undefined;
}

/**
 * `after` with the stored history and the step since `before` appended (the newest HISTORY_LIMIT kept).
 * The stored history wins over the one `after` carries: a story that saves twice from the same copy must
 * not drop the step its first save recorded.
 */
export function withHistory(before: Conversation | undefined, after: Conversation, now: number, previousAgentId?: string): Conversation {
  const kept = before?.history ?? after.history;
  const step = stepOf(before, after, now, previousAgentId);
  const history = step ? [...(kept ?? []), step].slice(-HISTORY_LIMIT) : kept;
  const { history: _carried, ...rest } = after;
  return history ? { ...rest, history } : rest;
}
