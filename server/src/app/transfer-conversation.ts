// Story: an agent (or an admin) moves a conversation to another agent, to a skill group, or back to the
// queue. Only the conversation's assignee may move it (an admin may, and an agent an admin allowed to act
// on colleagues' conversations); an unassigned one (the queue, a left message) any agent of its merchant
// may move, which is how an agent takes one. A refusal says why and changes and sends nothing. The agent
// giving it up is not offered it again in this conversation, and their freed seat takes the next one.
// A note given with the transfer is kept as an internal note the receiving agent sees (never sent).
import { excludeAgent } from '../core/conversation/transitions';
import type { Agent } from '../core/model/agent';
import type { NoteAuthor } from '../core/model/desk';
import type { Conversation, QueueTarget } from '../core/model/conversation';
import { transferTargetState, type TransferRefusal } from '../core/routing/transfer-target';
import { drainQueue } from './support/drain-queue';
import { inUnit, type EngineDeps, type Work } from './support/engine-deps';
import { mayActOn } from './support/conversation-access';
import { mustBeOpen, mustGetAgent, mustGetConversation, mustShareMerchant } from './support/guards';
import { assignConversation, placeConversation } from './support/place-conversation';
import { mustNotBeRobotOnly } from './support/robot-only';
import { loadRouting, type RoutingContext } from './support/routing-context';
import { noteText, writeNote } from './support/write-note';

export type TransferTo = { kind: 'agent'; agentId: string } | { kind: 'group'; groupId: string } | { kind: 'queue' };

export type { TransferRefusal } from '../core/routing/transfer-target';

export interface TransferInput {
  conversationId: string;
  to: TransferTo;
  /** The agent asking (an admin may name one to act as); absent for an admin or the system. */
  byAgentId?: string;
  /** An admin asks: the assignee rule does not apply. */
  byAdmin?: boolean;
  /** For the agent receiving it: kept as an internal note when the transfer happens, never sent to the customer. */
  note?: { text: string; author: NoteAuthor };
}

export type TransferResult = { ok: true; state: Conversation['state']; agentId?: string } | { ok: false; reason: TransferRefusal };

export function transferConversation(deps: EngineDeps, input: TransferInput): Promise<TransferResult> {
  return inUnit(deps, (w) => transferConversationIn(w, input));
}

/** The same story inside a unit of work already open (an agent's WeChat command, within the push). */
export async function transferConversationIn(w: Work, input: TransferInput): Promise<TransferResult> {
  const conversation = await mustGetConversation(w, input.conversationId);
  const sender = input.byAgentId === undefined ? undefined : await mustGetAgent(w, input.byAgentId);
  if (sender) mustShareMerchant(sender, conversation);
  mustBeOpen(conversation);
  if (input.note) noteText(input.note.text); // a bad note refuses the transfer before anything moves
  await mustNotBeRobotOnly(w, conversation);
  if (sender && !input.byAdmin && !mayActOn(sender, conversation)) return { ok: false, reason: 'not_assignee' };
  // To the agent who holds it already: nothing to move.
  if (input.to.kind === 'agent' && conversation.state === 'assigned' && conversation.agentId === input.to.agentId)
    return { ok: true, state: 'assigned', agentId: conversation.agentId };
  const ctx = await loadRouting(w, conversation.channelId, conversation.merchantId);
  const giving = conversation.state === 'assigned' ? excludeAgent(conversation, conversation.agentId) : conversation;
  const moved = await moveTo(w, giving, input.to, ctx, sender);
  if ('refused' in moved) return { ok: false, reason: moved.refused };
  if (input.note) await writeNote(w, moved.conversation, input.note.author, input.note.text, { transfer: true });
  if (conversation.state === 'assigned') await drainQueue(w, conversation.channelId, conversation.merchantId);
  const { state, agentId } = moved.conversation;
  return { ok: true, state, ...(agentId !== undefined && state === 'assigned' && { agentId }) };
}

/** The customer hears of a transfer with the transfer notice (support/notices.ts). */
const TRANSFER = { transfer: true } as const;

type Moved = { conversation: Conversation } | { refused: TransferRefusal };

/** Every refusal is decided before anything is written, so a refused transfer leaves no trace. */
async function moveTo(w: Work, c: Conversation, to: TransferTo, ctx: RoutingContext, sender: Agent | undefined): Promise<Moved> {
  if (to.kind === 'queue') {
    const target: QueueTarget = c.groupId === undefined ? { kind: 'pool' } : { kind: 'group', groupId: c.groupId };
    return {
      conversation: await placeConversation(w, c, { kind: 'queue', target, remainingChain: c.remainingChain, steps: [] }, ctx, TRANSFER),
    };
  }
  // The sender never gets it back through a group's pick; agents excluded before stay excluded.
  const excluded = new Set([...c.excludedAgentIds, ...(sender ? [sender.id] : [])]);
  const state = transferTargetState(ctx.view, to, excluded);
  if (state.kind === 'refused') return { refused: state.reason };
  if (state.kind === 'assign') {
    const groupId = to.kind === 'group' ? to.groupId : c.groupId;
    return { conversation: await assignConversation(w, c, state.agentId, groupId, [], ctx, TRANSFER) };
  }
  return {
    conversation: await placeConversation(w, c, { kind: 'queue', target: state.target, remainingChain: [], steps: [] }, ctx, TRANSFER),
  };
}
