// Story: an agent (or an admin, or the customer leaving with 再见) ends a conversation. The customer gets
// the closing message when the window allows; the agent's seat goes to the next in the queue.
import type { EndReason } from '../core/model/conversation';
import { closeConversation } from './support/close-conversation';
import { inUnit, type EngineDeps, type Work } from './support/engine-deps';
import { mustActOn } from './support/conversation-access';
import { mustBeOpen, mustGetAgent, mustGetConversation, mustShareMerchant } from './support/guards';

export type EndedBy = { kind: 'agent'; agentId: string } | { kind: 'admin' } | { kind: 'customer' };

/** `byAdmin`: an admin ends it (possibly naming an agent), so the colleague rule does not apply. */
export interface EndInput {
  conversationId: string;
  by: EndedBy;
  byAdmin?: boolean;
}

const REASONS: Record<EndedBy['kind'], EndReason> = { agent: 'agent_ended', admin: 'admin_ended', customer: 'customer_left' };

export function endConversation(deps: EngineDeps, input: EndInput): Promise<{ conversationId: string }> {
  return inUnit(deps, (w) => endConversationIn(w, input));
}

/** The same story inside a unit of work already open (an agent's WeChat command, within the push). */
export async function endConversationIn(w: Work, input: EndInput): Promise<{ conversationId: string }> {
  const conversation = await mustGetConversation(w, input.conversationId);
  if (input.by.kind === 'agent') {
    const agent = await mustGetAgent(w, input.by.agentId);
    mustShareMerchant(agent, conversation);
    if (!input.byAdmin) mustActOn(agent, conversation);
  }
  mustBeOpen(conversation);
  await closeConversation(w, conversation, REASONS[input.by.kind], { closingText: true });
  return { conversationId: conversation.id };
}
