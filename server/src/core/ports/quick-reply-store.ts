// Port: where quick replies are kept (adapters: storage/sqlite-quick-replies.ts, storage/postgres/pg-quick-replies.ts,
// storage/testing/in-memory-quick-replies.ts; storage/contract/quick-reply-store-contract.ts holds them to one
// behaviour). Called outside units of work: replies are read when an agent opens the list or sends one.
import type { QuickReply, QuickReplyOwner } from '../quick-replies/quick-reply';

export interface QuickReplyStore {
  /** Every reply of every owner (the WeChat agents' `/q` reads them from memory, inside units of work). */
  all(): Promise<QuickReply[]>;
  /** Exactly this owner's replies (a team's: those without an agent), in no particular order. */
  list(owner: QuickReplyOwner): Promise<QuickReply[]>;
  get(id: string): Promise<QuickReply | undefined>;
  /** Inserts or replaces each by id, all or none. */
  save(replies: readonly QuickReply[]): Promise<void>;
  remove(id: string): Promise<boolean>;
}
