// Story: an agent answers a customer. WeChat's window is checked first: a send it would refuse is
// refused here, with the reason, and nothing is recorded; otherwise the reply is recorded and queued
// for the sender, and the no-reply timer stops.
import { agentWrote } from '../core/conversation/transitions';
import type { MessageContent } from '../core/model/message';
import { windowStatus, type SendRefusal, type WindowStatus } from '../core/send-window/send-window';
import { inUnit, type EngineDeps, type Work } from './support/engine-deps';
import { mustHold } from './support/conversation-access';
import { mustBeOpen, mustGetAgent, mustGetConversation, mustShareMerchant } from './support/guards';
import { mustNotBeRobotOnly } from './support/robot-only';
import { loadRouting } from './support/routing-context';
import { saveConversation, sendToCustomer } from './support/send-to-customer';

export interface AgentReplyInput {
  conversationId: string;
  agentId: string;
  content: MessageContent;
}

export type AgentReplyResult =
  | { ok: true; messageId: string; window: WindowStatus }
  | { ok: false; refusal: SendRefusal; window: WindowStatus };

export function agentReply(deps: EngineDeps, input: AgentReplyInput): Promise<AgentReplyResult> {
  return inUnit(deps, (w) => agentReplyIn(w, input));
}

/** Who may reply (conversation-access.ts): the agent holding the open conversation; throws otherwise. */
async function mustMayReply(w: Work, input: Pick<AgentReplyInput, 'conversationId' | 'agentId'>) {
  const conversation = await mustGetConversation(w, input.conversationId);
  const agent = await mustGetAgent(w, input.agentId);
  mustShareMerchant(agent, conversation);
  mustBeOpen(conversation);
  await mustNotBeRobotOnly(w, conversation);
  mustHold(agent, conversation);
  return { conversation, agent };
}

/** Checks the reply would be allowed, before any work on its content (media uploads, knowledge lookups). */
export function checkMayReply(deps: EngineDeps, input: Pick<AgentReplyInput, 'conversationId' | 'agentId'>): Promise<void> {
  return inUnit(deps, async (w) => void (await mustMayReply(w, input)));
}

/** The same story inside a unit of work already open (an agent replying from WeChat, within the push). */
export async function agentReplyIn(w: Work, input: AgentReplyInput): Promise<AgentReplyResult> {
  const { conversation, agent } = await mustMayReply(w, input);
  const { settingsFor } = await loadRouting(w, conversation.channelId, conversation.merchantId);
  const sent = await sendToCustomer(
    w,
    conversation,
    input.content,
    { kind: 'agent', agentId: agent.id },
    'agent',
    settingsFor(conversation.groupId),
  );
  const customer = await w.tx.customers.get(conversation.customerId);
  const window = windowStatus(customer?.sendWindow, w.now);
  if ('refusal' in sent) return { ok: false, refusal: sent.refusal, window };
  await saveConversation(w, agentWrote(conversation, w.now));
  return { ok: true, messageId: sent.sent.id, window };
}

/** What the agent sees before writing: sends left and until when, or why none. */
export function sendWindowOf(deps: EngineDeps, conversationId: string): Promise<WindowStatus> {
  return inUnit(deps, async (w) => {
    const conversation = await mustGetConversation(w, conversationId);
    const customer = await w.tx.customers.get(conversation.customerId);
    return windowStatus(customer?.sendWindow, w.now);
  });
}
