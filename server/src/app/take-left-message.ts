// Story: an agent takes a left message (留言) from the workbench's list. The conversation becomes theirs
// (assigned), so they may reply while WeChat's window allows, or end it. Nothing is sent on taking: the
// customer's few remaining sends are the agent's to use. The timers start from the agent's own reply,
// not from the customer's old message (the customer may have left hours ago).
import { EngineError } from '../core/errors';
import type { Conversation } from '../core/model/conversation';
import { windowStatus, type WindowStatus } from '../core/send-window/send-window';
import { inUnit, type EngineDeps } from './support/engine-deps';
import { mustActOn } from './support/conversation-access';
import { mustGetAgent, mustGetConversation, mustShareMerchant } from './support/guards';
import { saveConversation, scopeOf } from './support/send-to-customer';

export interface TakeLeftMessageResult {
  conversationId: string;
  state: 'assigned';
  agentId: string;
  /** What the agent may still send. */
  window: WindowStatus;
}

/** The left message as the agent's: assigned to them, no reply owed by a clock yet, no silence counted. */
function takenBy(c: Conversation, agentId: string, now: number): Conversation {
  const { customerWaitingSince: _w, lastAgentMessageAt: _l, silenceWarnedAt: _s, ...rest } = c;
  return { ...rest, state: 'assigned', agentId, assignedAt: now };
}

export function takeLeftMessage(deps: EngineDeps, input: { conversationId: string; agentId: string }): Promise<TakeLeftMessageResult> {
  return inUnit(deps, async (w) => {
    const conversation = await mustGetConversation(w, input.conversationId);
    const agent = await mustGetAgent(w, input.agentId);
    mustShareMerchant(agent, conversation);
    mustActOn(agent, conversation);
    if (conversation.state !== 'left_message')
      throw new EngineError('invalid_state', `conversation ${conversation.id} is not a left message (it is ${conversation.state})`);
    await saveConversation(w, takenBy(conversation, agent.id, w.now));
    // Colleagues' streams carry no news of a conversation now someone else's: this tells their lists
    // (the waiting work of the merchant, queue and left messages) to reload, so the one taken leaves them.
    const queued = await w.tx.conversations.listQueued(conversation.channelId, conversation.merchantId);
    w.notices.push({ type: 'queue_changed', ...scopeOf(conversation), length: queued.length });
    const customer = await w.tx.customers.get(conversation.customerId);
    return { conversationId: conversation.id, state: 'assigned', agentId: agent.id, window: windowStatus(customer?.sendWindow, w.now) };
  });
}
