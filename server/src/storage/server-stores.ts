// The stores the composed server needs beyond createSqliteStorage's, on either database: one list, so a
// new store is added once and both the SQLite and the PostgreSQL storage must provide it.
import type { AuditLog } from '../core/ports/audit-log';
import type { AuthStores } from '../core/ports/auth';
import type { ConversationSearch } from '../core/ports/conversation-search';
import type { Inbox } from '../core/ports/inbox';
import type { KnowledgeStore } from '../core/ports/knowledge-store';
import type { PushLog } from '../core/ports/push-log';
import type { QuickReplyStore } from '../core/ports/quick-reply-store';
import type { Reports } from '../core/ports/reports';
import type { SemanticStore } from '../core/ports/semantic-store';
import type { WebhookStore } from '../core/ports/webhook-store';
import type { SqliteStorage } from './create-sqlite-storage';

export interface ServerStores extends SqliteStorage {
  auth: AuthStores;
  inbox: Inbox;
  knowledge: KnowledgeStore;
  quickReplies: QuickReplyStore;
  /** The robot's semantic stage: endpoint settings (API key sealed) and vectors. */
  semantic: SemanticStore;
  pushLog: PushLog;
  reports: Reports;
  /** Conversations by words in messages, customer, tag…: the agent's desk. */
  search: ConversationSearch;
  /** Webhook endpoints (secrets sealed), deliveries and their log. */
  webhooks: WebhookStore;
  /** Who changed what, before and after (secrets removed). */
  audit: AuditLog;
}
