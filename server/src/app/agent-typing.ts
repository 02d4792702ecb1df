// Story: the agent is typing (or stopped) in a conversation; the customer is shown WeChat's typing
// indicator when WeChat's rules allow it (core/typing/typing-rule.ts) and never otherwise, so no call
// meets 45080 or 45081. Only the agent holding the conversation types to its customer. The network call
// is made after the unit of work; what was sent is remembered per conversation on this node.
import type { TypingSender } from '../core/ports/typing';
import { decideTyping, TYPING_SHOWS_MS, type TypingCommand, type TypingSkip } from '../core/typing/typing-rule';
import { windowStatus } from '../core/send-window/send-window';
import { mustHold } from './support/conversation-access';
import { inUnit, type EngineDeps } from './support/engine-deps';
import { mustBeOpen, mustGetAgent, mustGetConversation, mustShareMerchant } from './support/guards';

export interface TypingDeps {
  engine: EngineDeps;
  sender: TypingSender;
  /** When Typing was last sent, by conversation (this node's; entries older than 15 s are dropped). */
  sentAt: Map<string, number>;
}

export type TypingResult = { sent: TypingCommand } | { skipped: TypingSkip | 'wechat_refused' };

export async function agentTyping(
  deps: TypingDeps,
  input: { conversationId: string; agentId: string; typing: boolean },
): Promise<TypingResult> {
  const now = deps.engine.clock.now();
  for (const [id, at] of deps.sentAt) if (now >= at + TYPING_SHOWS_MS) deps.sentAt.delete(id);
  const facts = await inUnit(deps.engine, async (w) => {
    const conversation = await mustGetConversation(w, input.conversationId);
    const agent = await mustGetAgent(w, input.agentId);
    mustShareMerchant(agent, conversation);
    mustBeOpen(conversation);
    mustHold(agent, conversation);
    const customer = await w.tx.customers.get(conversation.customerId);
    return { conversation, openid: customer?.openid, window: windowStatus(customer?.sendWindow, w.now), now: w.now };
  });
  const { conversation: c, openid } = facts;
  const decision = decideTyping(input.typing, { ...facts, ...c, typingSentAt: deps.sentAt.get(c.id) });
  if ('skip' in decision || openid === undefined) return { skipped: 'skip' in decision ? decision.skip : 'window_closed' };
  try {
    await deps.sender.setTyping(c.channelId, openid, decision.send);
  } catch {
    // WeChat said no (its clock, another node's Typing showing): no new try for 15 s, which is what a
    // repeat would meet anyway; the agent's typing goes on.
    if (decision.send === 'Typing') deps.sentAt.set(c.id, facts.now);
    return { skipped: 'wechat_refused' };
  }
  if (decision.send === 'Typing') deps.sentAt.set(c.id, facts.now);
  else deps.sentAt.delete(c.id);
  return { sent: decision.send };
}
