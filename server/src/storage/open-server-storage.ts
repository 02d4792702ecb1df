// The storage the composed server runs on, whichever database holds it: PostgreSQL when DATABASE_URL
// names one (postgres/create-postgres-storage.ts), else the embedded SQLite file in DATA_DIR, as always.
// Both give every port the server uses; composeServer calls ready() before anything else.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Logger } from 'pino';
import type { Clock } from '../core/ports/clock';
import type { TimerClaims } from '../core/ports/timer-claims';
import { sqliteAuthStores } from './auth-sqlite';
import { createSqliteStorage } from './create-sqlite-storage';
import { databaseHealth, openDatabase } from './database';
import { parseMasterKey } from './master-key';
import { openPostgresStorage } from './postgres/create-postgres-storage';
import { SecretBox } from './secret-box';
import { SqliteInbox } from './sqlite-inbox';
import { SqliteKnowledgeStore } from './sqlite-knowledge';
import { SqliteQuickReplyStore } from './sqlite-quick-replies';
import { type PendingWork, SqlitePendingWork } from './sqlite-pending-work';
import { SqlitePushLog } from './sqlite-push-log';
import { SqliteReports } from './sqlite-reports';
import { SqliteConversationSearch } from './sqlite-conversation-search';
import { SqliteSemanticStore } from './sqlite-semantic-store';
import { SqliteWebhookStore } from './sqlite-webhook-store';
import { SqliteAuditLog } from './sqlite-audit-log';
import type { ServerStores } from './server-stores';
import { SqliteSearchIndex } from './sqlite-search-index';
import { startWalCheckpointer } from './wal-checkpointer';

export interface ServerStorage extends ServerStores {
  /** What is still to do, for the test clock's idle check. */
  pendingWork: { count(now: number): Promise<PendingWork> };
  /** Resolves once the database may be used (PostgreSQL: migrated, master key checked). */
  ready(): Promise<void>;
  /** What /healthz reports: the database answers (or this throws), and whether it refuses writes now. */
  health(): Promise<{ busy: boolean }>;
  close(): Promise<void>;
  /** PostgreSQL: a due timer is claimed by one node before it fires; undefined on SQLite (one process). */
  timerClaims?: TimerClaims;
  /** The SQLite connection; undefined on PostgreSQL. */
  sqlite?: Database;
  /** PostgreSQL: pushes routed per batch (one transaction); SQLite sizes its batches by the backlog. */
  routingBatchSize?: number;
}

export interface ServerStorageConfig {
  /** postgres://…: PostgreSQL; absent: the SQLite file `kefu.db` in dataDir. */
  databaseUrl?: string;
  dataDir: string;
  masterKey: string;
}

export interface ServerStorageDeps {
  clock: Clock;
  /** Who claims outbox items through it (the server's sender); the CLI sends nothing through the outbox. */
  outboxOwner?: string;
  /** The server's: SQLite's log is then copied into the file by a background thread (wal-checkpointer.ts). The CLI's short runs go without. */
  logger?: Logger;
  /** Shown in PostgreSQL's pg_stat_activity. */
  nodeName?: string;
}

export function openServerStorage(config: ServerStorageConfig, deps: ServerStorageDeps): ServerStorage {
  const keyed = {
    masterKey: config.masterKey,
    masterKeySource: 'KEFU_MASTER_KEY',
    clock: deps.clock,
    ...(deps.outboxOwner !== undefined && { outboxOwner: deps.outboxOwner }),
  };
  if (config.databaseUrl !== undefined)
    return openPostgresStorage(config.databaseUrl, { ...keyed, ...(deps.nodeName !== undefined && { applicationName: deps.nodeName }) });
  mkdirSync(config.dataDir, { recursive: true });
  const file = join(config.dataDir, 'kefu.db');
  const db = openDatabase(file);
  const checkpointer = deps.logger && startWalCheckpointer(file, [db], deps.logger);
  const searchIndex = new SqliteSearchIndex(db);
  const stopIndexing = searchIndex.start();
  const box = new SecretBox(parseMasterKey(config.masterKey, 'KEFU_MASTER_KEY'));
  return {
    ...createSqliteStorage(db, keyed),
    auth: sqliteAuthStores(db),
    inbox: new SqliteInbox(db),
    knowledge: new SqliteKnowledgeStore(db),
    quickReplies: new SqliteQuickReplyStore(db),
    semantic: new SqliteSemanticStore(db, box),
    pushLog: new SqlitePushLog(db),
    reports: new SqliteReports(db),
    search: new SqliteConversationSearch(db, searchIndex),
    webhooks: new SqliteWebhookStore(db, box),
    audit: new SqliteAuditLog(db),
    pendingWork: new SqlitePendingWork(db),
    ready: async () => undefined,
    health: async () => databaseHealth(db),
    close: async () => {
      stopIndexing();
      await checkpointer?.stop();
      db.close();
    },
    sqlite: db,
  };
}
