// Everything storage offers the server, on PostgreSQL (DATABASE_URL=postgres://…): the same shape as
// createSqliteStorage, plus the auth stores, the inbox, the knowledge and semantic stores, the push log, reports,
// the pending work and `close`. Opening migrates the database (safe when several nodes start at once)
// and checks the master key against it.
import { PgAuditLog } from './pg-audit-log';
import type pg from 'pg';
import type { TimerClaims } from '../../core/ports/timer-claims';
import { CachedChannelDirectory } from '../cached-channel-directory';
import type { SqliteStorageOptions } from '../create-sqlite-storage';
import type { ServerStores } from '../server-stores';
import { EncryptedTokenStore } from '../encrypted-token-store';
import { parseMasterKey } from '../master-key';
import { SecretBox } from '../secret-box';
import { PgWebhookStore } from './pg-webhook-store';
import { TimeSortableIds } from '../time-sortable-ids';
import { runPgMigrations } from './migrations/runner';
import { pgAuthStores } from './pg-auth';
import { PgChannelStore } from './pg-channel-store';
import { PgInbox } from './pg-inbox';
import { PgTimerClaims } from './pg-timer-claims';
import { PgKnowledgeStore } from './pg-knowledge';
import { PgQuickReplyStore } from './pg-quick-replies';
import { verifyPgMasterKey } from './pg-master-key-check';
import { PgOutboxStore } from './pg-outbox';
import { PgPlatformStore } from './pg-platform-store';
import { PgPendingWork } from './pg-pending-work';
import { PgPushLog } from './pg-push-log';
import { PgReports } from './pg-reports';
import { PgConversationSearch } from './pg-conversation-search';
import { PgSemanticStore } from './pg-semantic-store';
import { PgTokenStore } from './pg-token-store';
import { PgUnitOfWork } from './pg-unit-of-work';
import { openPool, type PoolOptions } from './pool';

export interface PostgresStorageOptions extends SqliteStorageOptions, PoolOptions {}

export interface PostgresStorage extends ServerStores {
  /** For the test clock's idle check. */
  pendingWork: PgPendingWork;
  pool: pg.Pool;
  /** A due timer is claimed by one node before it fires (EngineDeps.timerClaims). */
  timerClaims: TimerClaims;
  /** Migrates the database and checks the master key, once (later calls share the first's outcome). */
  ready(): Promise<void>;
  /** What /healthz reports: the database answers (or this throws). */
  health(): Promise<{ busy: boolean }>;
  /** Ends the pool (after the work in flight). */
  close(): Promise<void>;
  routingBatchSize: number;
}

/**
 * Pushes routed per batch. On PostgreSQL a batch holds up no acknowledgement (the inbox inserts on the
 * pool, not behind the unit of work), so batches may be larger than SQLite's: each costs about ten
 * statements (BEGIN, reading ahead, the merchant's configuration, COMMIT) beside one per push. Larger
 * still would make a batch lost to a conflict with another node cost more to run again.
 */
export const PG_ROUTING_BATCH = 50;

/**
 * The storage over a new pool, without touching the database yet: `ready()` migrates it and checks the
 * master key, and must resolve before anything else is used (composeServer's start does it first).
 * Throws MasterKeyError at once for a malformed key.
 */
export function openPostgresStorage(url: string, options: PostgresStorageOptions): PostgresStorage {
  const key = typeof options.masterKey === 'string' ? parseMasterKey(options.masterKey, options.masterKeySource) : options.masterKey;
  const box = new SecretBox(key);
  const clock = options.clock ?? { now: () => Date.now() };
  const pool = openPool(url, {
    ...(options.max !== undefined && { max: options.max }),
    ...(options.applicationName !== undefined && { applicationName: options.applicationName }),
  });
  let readiness: Promise<void> | undefined;
  const uow = new PgUnitOfWork(pool);
  return {
    uow,
    outbox: new PgOutboxStore(pool, {
      ...(options.outboxLeaseMs !== undefined && { leaseMs: options.outboxLeaseMs }),
      ...(options.outboxOwner !== undefined && { owner: options.outboxOwner }),
    }),
    channels: new CachedChannelDirectory(new PgChannelStore(pool, box), { clock }),
    tokens: new EncryptedTokenStore(new PgTokenStore(pool), box),
    platform: new PgPlatformStore(pool, box),
    ids: new TimeSortableIds(clock),
    auth: pgAuthStores(pool),
    inbox: new PgInbox(pool, () => uow.current, { ...(options.outboxOwner !== undefined && { owner: options.outboxOwner }) }),
    timerClaims: new PgTimerClaims(() => uow.current),
    knowledge: new PgKnowledgeStore(pool),
    quickReplies: new PgQuickReplyStore(pool),
    semantic: new PgSemanticStore(pool, box),
    pushLog: new PgPushLog(pool),
    reports: new PgReports(pool),
    search: new PgConversationSearch(pool),
    webhooks: new PgWebhookStore(pool, box),
    audit: new PgAuditLog(pool),
    pendingWork: new PgPendingWork(pool),
    pool,
    ready: () => {
      readiness ??= runPgMigrations(pool).then(() => verifyPgMasterKey(pool, box));
      return readiness;
    },
    health: async () => {
      await pool.query('SELECT 1');
      return { busy: false };
    },
    close: () => pool.end(),
    routingBatchSize: PG_ROUTING_BATCH,
  };
}

/** Opens and readies the storage; throws MasterKeyError for a malformed key or one that does not match the database's (the pool is then ended). */
export async function createPostgresStorage(url: string, options: PostgresStorageOptions): Promise<PostgresStorage> {
  const storage = openPostgresStorage(url, options);
  try {
    await storage.ready();
  } catch (error) {
    await storage.close();
    throw error;
  }
  return storage;
}

/** True for a postgres:// or postgresql:// URL: DATABASE_URL then selects this storage. */
export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//i.test(url.trim());
}
