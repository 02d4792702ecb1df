// Story: the customer (or an agent for them) chooses to leave a message instead of waiting. The
// conversation keeps their next messages for later (看留言); a seat or a queue place it held is freed.
import { EngineError } from '../core/errors';
import { drainQueue } from './support/drain-queue';
import { inUnit, type EngineDeps } from './support/engine-deps';
import { mustActOn } from './support/conversation-access';
import { mustBeOpen, mustGetAgent, mustGetConversation, mustShareMerchant } from './support/guards';
import { offerLeaveMessage } from './support/place-conversation';
import { loadRouting } from './support/routing-context';

export function leaveMessage(deps: EngineDeps, input: { conversationId: string; byAgentId?: string }): Promise<{ conversationId: string }> {
  return inUnit(deps, async (w) => {
    const conversation = await mustGetConversation(w, input.conversationId);
    if (input.byAgentId !== undefined) {
      const agent = await mustGetAgent(w, input.byAgentId);
      mustShareMerchant(agent, conversation);
      mustActOn(agent, conversation);
    }
    mustBeOpen(conversation);
    if (conversation.state === 'left_message')
      throw new EngineError('invalid_state', `conversation ${conversation.id} already takes messages`);
    const ctx = await loadRouting(w, conversation.channelId, conversation.merchantId);
    await offerLeaveMessage(w, conversation, undefined, ctx);
    if (conversation.state === 'assigned' || conversation.state === 'queued')
      await drainQueue(w, conversation.channelId, conversation.merchantId);
    return { conversationId: conversation.id };
  });
}
