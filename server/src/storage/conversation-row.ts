// A conversation as its table row holds it: the columns queries filter on, the rest as JSON in `data`.
// Shared by the repository (sqlite-conversations.ts) and the listing queries (sqlite-conversation-list.ts).
import type { ConversationState } from '../core/model/conversation';

export interface ConversationRow {
  id: string;
  channel_id: string;
  merchant_id: string;
  customer_id: string;
  state: ConversationState;
  agent_id: string | null;
  created_at: number;
  queued_at: number | null;
  data: string;
}

/** The row as written: with when the timer sweep looks at it next (ConversationRepository.save); never read into the record. */
export interface ConversationWrite extends ConversationRow {
  timer_due_at: number | null;
}
