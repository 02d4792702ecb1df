// A conversation: one customer's stay with one merchant's team (or the platform's), from first message to end.
import type { TransferAction } from '../../../../shared/src/index';
import type { CsatRecord } from './csat';

/**
 * bot: the robot answers; queued: waiting for an agent; assigned: an agent holds it;
 * left_message: nobody could take it, the customer's messages are kept for later; ended.
 */
export type ConversationState = 'bot' | 'queued' | 'assigned' | 'left_message' | 'ended';

export type EndReason = 'agent_ended' | 'customer_left' | 'customer_silent' | 'robot_idle' | 'admin_ended';

/** What a queued conversation waits for: a named agent, a skill group, or any agent of its merchant. */
export type QueueTarget = { kind: 'agent'; agentId: string } | { kind: 'group'; groupId: string } | { kind: 'pool' };

export interface Conversation {
  id: string;
  channelId: string;
  /** Undefined: the platform's own team. Routing never leaves this merchant. */
  merchantId?: string;
  customerId: string;
  state: ConversationState;
  /** The group the conversation was routed through (kept after assignment, for reassignments). */
  groupId?: string;
  /** The agent holding it; kept after the end, which is what the last-agent rule reads. */
  agentId?: string;
  /** Set while queued. */
  queuedFor?: QueueTarget;
  /** transfer_action levels after the one that placed the conversation; used when it must move on. */
  remainingChain: TransferAction[];
  /** Agents that must not get it again (did not answer in time, put it back, went offline). */
  excludedAgentIds: string[];
  robotId?: string;
  /** When the robot's welcome went out; a conversation is greeted once, however often the chat is entered. */
  greetedAt?: number;
  createdAt: number;
  queuedAt?: number;
  assignedAt?: number;
  firstAgentResponseAt?: number;
  lastCustomerMessageAt?: number;
  lastAgentMessageAt?: number;
  /** The first customer message the assigned agent has not answered yet; the no-reply timer runs from it. */
  customerWaitingSince?: number;
  /** When the silence warning went out, so it goes out once per silence. */
  silenceWarnedAt?: number;
  /** The queue position the customer was last told, so only a change is announced. */
  toldPosition?: number;
  leftMessageAt?: number;
  /** When the first message left since `leftMessageAt` was acknowledged (once per stay in left_message). */
  leftMessageAcknowledgedAt?: number;
  endedAt?: number;
  endReason?: EndReason;
  /** The customer's satisfaction rating, asked for when it ended (core/conversation/csat.ts). */
  csat?: CsatRecord;
  /** What happened to it (assignments, transfers, queueing, left message, end), oldest first; see core/conversation/history.ts. */
  history?: ConversationEvent[];
}

/**
 * One step of a conversation's life, recorded as it is saved, so the workbench shows it between the
 * messages: assigned (from the robot, the queue or new), taken (a left message an agent took), transferred
 * (from one agent to another, or from an agent back to a queue), queued, left_message, ended.
 */
export interface ConversationEvent {
  at: number;
  kind: 'assigned' | 'taken' | 'transferred' | 'queued' | 'left_message' | 'ended';
  /** The agent who holds it after the step. */
  agentId?: string;
  /** The agent who held it before (transfers). */
  fromAgentId?: string;
  groupId?: string;
  /** Queued: what it waits for. */
  queuedFor?: QueueTarget;
  endReason?: EndReason;
}

/** Open conversations take the customer's messages; ended ones never do again. */
export function isOpen(c: Conversation): boolean {
  return c.state !== 'ended';
}
