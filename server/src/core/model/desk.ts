// What agents add to a conversation beside its messages: internal notes (never sent to the customer) and
// tags from a list their admins manage per merchant (or the platform's team).

/** Who wrote a note: an agent, or an admin (who is not an agent; their login name is kept). */
export type NoteAuthor = { kind: 'agent'; agentId: string } | { kind: 'admin'; name: string };

/** An internal note: seen by colleagues and admins who may see the conversation, never by the customer. */
export interface ConversationNote {
  id: string;
  channelId: string;
  /** Undefined: the platform's own team (the conversation's merchant). */
  merchantId?: string;
  conversationId: string;
  author: NoteAuthor;
  text: string;
  createdAt: number;
  /** Written with a transfer, for the agent receiving the conversation. */
  transfer?: boolean;
}

/** A tag an admin defined for one merchant (undefined: the platform's team); names are unique there. */
export interface Tag {
  id: string;
  channelId: string;
  merchantId?: string;
  name: string;
  /** `#rrggbb`. */
  color: string;
  createdAt: number;
}

/** The longest note kept; longer ones are refused, never cut. */
export const NOTE_MAX_CHARS = 2000;
export const TAG_NAME_MAX_CHARS = 32;
/** How many tags one conversation or customer may carry. */
export const TAGS_PER_RECORD_MAX = 20;
