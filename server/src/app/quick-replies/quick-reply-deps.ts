// What the quick reply stories need: the store, the records (agents, conversations, customers), the
// channel store (reach), the clock and ids, and the stored media their pictures name.
import type { KnowledgeStore } from '../../core/ports/knowledge-store';
import type { QuickReplyStore } from '../../core/ports/quick-reply-store';
import type { AdminDeps } from '../admin/admin-deps';

export interface QuickReplyDeps extends Pick<AdminDeps, 'uow' | 'channels' | 'clock' | 'ids' | 'audit' | 'auth'> {
  replies: QuickReplyStore;
  /** Stored media by id (the knowledge base keeps them); undefined: no media store, pictures are refused. */
  media?: KnowledgeStore['media'];
}
