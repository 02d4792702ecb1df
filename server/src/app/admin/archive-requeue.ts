// When an agent or a skill group is archived, the conversations held by or waiting for it move on, as
// when an agent goes offline (change-agent-status.ts): along what is left of each transfer chain, else
// the group, else the merchant's pool; to the queue when everyone is busy; a leave-message offer when
// nobody is left. Routing no longer sees the archived record (routing-context.ts), so it is never chosen.
import type { Conversation } from '../../core/model/conversation';
import { drainQueue } from '../support/drain-queue';
import type { Work } from '../support/engine-deps';
import { moveEachOn, type MovedConversation } from '../support/move-on';

export type { MovedConversation } from '../support/move-on';

/** Moves each conversation on (never back to `leavingAgentId`), then lets the queue move. */
export async function moveOn(
  w: Work,
  scope: { channelId: string; merchantId?: string | undefined },
  conversations: readonly Conversation[],
  leavingAgentId: string | undefined,
): Promise<MovedConversation[]> {
  const moved = await moveEachOn(w, conversations, leavingAgentId);
  await drainQueue(w, scope.channelId, scope.merchantId);
  return moved;
}

/** The agent's assigned conversations and those queued for them by name (last-agent rule, transfer chain). */
export async function heldByAgent(
  w: Work,
  agent: { id: string; channelId: string; merchantId?: string | undefined },
): Promise<Conversation[]> {
  const queued = await w.tx.conversations.listQueued(agent.channelId, agent.merchantId);
  const waiting = queued.filter((c) => c.queuedFor?.kind === 'agent' && c.queuedFor.agentId === agent.id);
  return [...(await w.tx.conversations.listByAgent(agent.id, 'assigned')), ...waiting];
}

/** The conversations waiting in the group's queue. */
export async function queuedForGroup(
  w: Work,
  group: { id: string; channelId: string; merchantId?: string | undefined },
): Promise<Conversation[]> {
  const queued = await w.tx.conversations.listQueued(group.channelId, group.merchantId);
  return queued.filter((c) => c.queuedFor?.kind === 'group' && c.queuedFor.groupId === group.id);
}
