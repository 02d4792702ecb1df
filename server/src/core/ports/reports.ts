// Port: read-only figures for admins (the dashboard, the conversation export), computed where the data
// is (one SQL query with SQLite) instead of walking every record through the repositories. Reports are
// not part of a unit of work: they read committed data and change nothing. `merchant` follows the
// repositories' rule: present with undefined inside means the platform's own team; absent, every merchant.
import type { Conversation, EndReason } from '../model/conversation';
import type { Message } from '../model/message';

export interface ReportScope {
  channelId: string;
  merchant?: { merchantId: string | undefined };
}

/** Instants in ms: from inclusive, to exclusive. */
export interface TimeRange {
  from: number;
  to: number;
}

/** The moments of one conversation that the day's figures are made of, and its satisfaction rating. */
export type ConversationTimes = Pick<
  Conversation,
  'state' | 'createdAt' | 'queuedAt' | 'assignedAt' | 'firstAgentResponseAt' | 'leftMessageAt' | 'endedAt'
> & { csatRequestedAt?: number; csatRating?: number };

/** The range reports' narrower filters within a scope: a skill group, an agent (the one who holds or last held it). */
export interface ReportFilter {
  groupId?: string;
  agentId?: string;
}

/**
 * One conversation's facts for the range reports, with what its messages say already aggregated where the
 * data is (its first customer message, the first human reply and who wrote it, refused sends).
 */
export interface ConversationFacts {
  id: string;
  state: Conversation['state'];
  createdAt: number;
  /** The agent holding it now, or last. */
  agentId?: string;
  groupId?: string;
  /** The first time it was queued (history), else the conversation's queuedAt. */
  queuedAt?: number;
  /** The first time a person got it (assigned, taken or transferred to an agent). */
  firstAssignedAt?: number;
  endedAt?: number;
  endReason?: EndReason;
  leftMessageAt?: number;
  /** The first agent message at or after leftMessageAt. */
  leftAnsweredAt?: number;
  firstCustomerMessageAt?: number;
  /** The first message any agent wrote, whoever held the conversation then. */
  firstHumanReplyAt?: number;
  firstHumanReplyAgentId?: string;
  /** Transfer steps in its history (agent to agent, or agent back to a queue). */
  transfers: number;
  csatRating?: number;
  /** Outgoing messages that failed because WeChat's 48-hour window was closed or its send limit used up. */
  windowRefusals: number;
}

export interface ConversationExportRow {
  conversation: Conversation;
  /** Absent when the customer record is gone. */
  customer?: { openid: string; nickname?: string };
  messagesIn: number;
  messagesOut: number;
}

/** One message of the bulk export, with what makes it readable: its conversation's merchant and its customer. */
export interface MessageExportRow {
  message: Message;
  merchantId?: string;
  customer?: { openid: string; nickname?: string };
}

export interface Reports {
  /** Every conversation created in the range, in no particular order. */
  conversationTimes(scope: ReportScope, range: TimeRange): Promise<ConversationTimes[]>;
  /** The facts of every conversation created in the range that passes the filter, in no particular order. */
  conversationFacts(scope: ReportScope, filter: ReportFilter, range: TimeRange): Promise<ConversationFacts[]>;
  /** Conversations waiting in a queue now. */
  countQueued(scope: ReportScope): Promise<number>;
  /** Conversations created in the range, oldest first (createdAt, then id): `limit` after skipping `offset`, and how many there are. */
  conversationPage(
    scope: ReportScope,
    range: TimeRange,
    offset: number,
    limit: number,
  ): Promise<{ total: number; rows: ConversationExportRow[] }>;
  /** Messages created in the range (of the scope's conversations), oldest first (createdAt, then id), paged as conversationPage. */
  messagePage(scope: ReportScope, range: TimeRange, offset: number, limit: number): Promise<{ total: number; rows: MessageExportRow[] }>;
}
