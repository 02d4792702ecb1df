// Port: tell agents' workbenches (and agents on their own WeChat) that something changed. Called after the
// unit of work committed; a notice is a hint to reload, so losing one loses no data. Implementations
// should not throw; the engine ignores their failures.
import type { AgentStatus } from '../model/agent';
import type { ConversationState } from '../model/conversation';
import type { DeliveryFailureCode, Message } from '../model/message';

interface Scope {
  channelId: string;
  /** Undefined: the platform team; fan-out must respect it (merchants never see each other's work). */
  merchantId?: string;
}

export type EngineNotice =
  /** `message`: the message itself, so an open workbench shows it without fetching it. */
  | (Scope & { type: 'message_added'; conversationId: string; messageId: string; agentId?: string; message?: Message })
  /** `created`: the conversation is new (webhooks tell `conversation.created`); `csat`: see below. */
  | (Scope & {
      type: 'conversation_changed';
      conversationId: string;
      state: ConversationState;
      agentId?: string;
      previousAgentId?: string;
      created?: true;
      /** The customer rated the ended conversation or commented on it (webhooks: `csat.received`, not a second end). */
      csat?: { rating?: number; comment?: string };
    })
  | (Scope & {
      type: 'delivery_failed';
      conversationId: string;
      messageId: string;
      agentId?: string;
      reason: string;
      reasonCode?: DeliveryFailureCode;
    })
  /** WeChat accepted an outgoing message (`at`: when the sender heard so), so a workbench marks it sent. */
  | (Scope & { type: 'message_delivered'; conversationId: string; messageId: string; agentId?: string; at: number; inDoubt?: boolean })
  | (Scope & { type: 'agent_changed'; agentId: string; status: AgentStatus })
  | (Scope & { type: 'agent_no_reply'; conversationId: string; agentId: string })
  | (Scope & { type: 'queue_changed'; length: number })
  /** An internal note was written (`agentId`: who holds the conversation); workbenches showing it reload its notes. */
  | (Scope & { type: 'note_added'; conversationId: string; noteId: string; agentId?: string });

export interface Notifier {
  notify(notices: readonly EngineNotice[]): Promise<void>;
}

/** A subscriber to the notices of this process (the workbench's live channel, agents answering from WeChat). */
export type NoticeListener = (notices: readonly EngineNotice[]) => void;

/** Where listeners subscribe; returns the function that unsubscribes. */
export interface NoticeSource {
  subscribe(listener: NoticeListener): () => void;
}
