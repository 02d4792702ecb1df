// Conversations leaving an agent (going offline, archived) or a group (archived) move on one by one, each
// routed again as it stands: along what is left of its transfer chain, else the group, else the merchant's
// pool; to the queue when everyone is busy; a leave-message offer when nobody is left.
import type { Conversation } from '../../core/model/conversation';
import type { Work } from './engine-deps';
import { placeConversation } from './place-conversation';
import { decideReroute } from './route-to-person';
import { loadRouting } from './routing-context';

export interface MovedConversation {
  conversationId: string;
  state: Conversation['state'];
  agentId?: string;
}

/** Moves each conversation on, never back to `leavingAgentId`; where each went. */
export async function moveEachOn(
  w: Work,
  conversations: readonly Conversation[],
  leavingAgentId: string | undefined,
): Promise<MovedConversation[]> {
  const moved: MovedConversation[] = [];
  for (const c of conversations) {
    const ctx = await loadRouting(w, c.channelId, c.merchantId); // fresh: each move changes loads and queues
    const { conversation, decision } = decideReroute(c, leavingAgentId, ctx);
    const placed = await placeConversation(w, conversation, decision, ctx);
    moved.push({
      conversationId: c.id,
      state: placed.state,
      ...(placed.state === 'assigned' && placed.agentId !== undefined && { agentId: placed.agentId }),
    });
  }
  return moved;
}
