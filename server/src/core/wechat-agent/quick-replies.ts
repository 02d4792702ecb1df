// How `/q` finds an agent's quick replies. compose.ts adapts the quick reply store (kept in memory,
// storage/cached-quick-replies.ts) to this; absent means "no quick replies".
// Called inside a unit of work: it must not read the database.
import type { MessageContent } from '../model/message';
import type { QuickReply, QuickReplyOwner, RenderedQuickReply } from '../quick-replies/quick-reply';

export interface QuickReplyLookup {
  /** Exactly this owner's replies, from memory. */
  peek(owner: QuickReplyOwner): QuickReply[];
  /** The messages a filled reply sends on this channel (its picture or card as media references). */
  contents(reply: RenderedQuickReply, channelId: string): Promise<MessageContent[]>;
}
