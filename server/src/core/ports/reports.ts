// Port: read-only figures for admins (the dashboard, the conversation export), computed where the data
// is (one SQL query with SQLite) instead of walking every record through the repositories. Reports are
// not part of a unit of work: they read committed data and change nothing. `merchant` follows the
// repositories' rule: present with undefined inside means the platform's own team; absent, every merchant.
import type { Conversation } from '../model/conversation';
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
