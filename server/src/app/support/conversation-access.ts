// The one rule of what an agent may do with a conversation of their own merchant (merchant isolation is
// checked before, by mustShareMerchant and the API's reach): act on their own conversations and on the
// waiting work (the queue, left messages: taking from there stays allowed); a colleague's conversation is
// read-only to them, or invisible when the merchant's settings hide colleagues' conversations. An agent an
// admin allowed to act on colleagues' conversations acts on them too. Admins are not agents: they act on
// everything within their reach. Every story that acts (reply, transfer, end, take, leave a message, the
// agent's WeChat commands, which call the same stories) and the API's reads ask here.
import { EngineError } from '../../core/errors';
import type { Agent } from '../../core/model/agent';
import type { Conversation } from '../../core/model/conversation';
import type { ColleaguesConversations } from '../../core/model/routing-settings';

/** act: reply, transfer, end; read: see it and its messages; none: not even see that it exists. */
export type ConversationAccess = 'act' | 'read' | 'none';

type Acting = Pick<Agent, 'id' | 'canActOnColleagues'>;
type Held = Pick<Conversation, 'state' | 'agentId'>;

/** Held (or, once ended, last held) by another agent. */
function colleagues(agent: Acting, c: Held): boolean {
  return (c.state === 'assigned' || c.state === 'ended') && c.agentId !== undefined && c.agentId !== agent.id;
}

export function accessOf(agent: Acting, c: Held, colleaguesConversations: ColleaguesConversations): ConversationAccess {
  if (!colleagues(agent, c) || agent.canActOnColleagues === true) return 'act';
  return colleaguesConversations === 'hidden' ? 'none' : 'read';
}

/** Whether the agent may act on it (its visibility aside). */
export function mayActOn(agent: Acting, c: Held): boolean {
  return accessOf(agent, c, 'read_only') === 'act';
}

/** The refusal every acting story gives for a colleague's conversation: 403 not_assignee at the API. */
export function notAssignee(agent: Acting, c: Pick<Conversation, 'id'>): EngineError {
  return new EngineError('not_assignee', `conversation ${c.id} is a colleague’s: agent ${agent.id} may only read it`);
}

export function mustActOn(agent: Acting, c: Held & Pick<Conversation, 'id'>): void {
  if (!mayActOn(agent, c)) throw notAssignee(agent, c);
}

/**
 * Replying needs the conversation to be the agent's own: a colleague's is refused as in mustActOn (even
 * for agents allowed to transfer and end colleagues' conversations: a reply carries the sender's name),
 * a waiting one must be taken first.
 */
export function mustHold(agent: Acting, c: Held & Pick<Conversation, 'id'>): void {
  if (c.state === 'assigned' && c.agentId !== agent.id) throw notAssignee(agent, c);
  if (c.state !== 'assigned') throw new EngineError('invalid_state', `conversation ${c.id} is not assigned to agent ${agent.id}`);
}
