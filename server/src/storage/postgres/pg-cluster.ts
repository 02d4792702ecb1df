// What a node needs to share its work with the other nodes on one PostgreSQL database, beside the
// storage: the live-notice bridge, the login throttle's shared counts, and a health check of its own.
// They use a small pool of their own, so that a busy storage pool neither delays live notices nor makes
// /healthz report a reachable database as down.
import type { Logger } from 'pino';
import pg from 'pg';
import type { EngineNotice } from '../../core/ports/notifier';
import type { LoginAttemptStore } from '../../core/ports/login-attempts';
import { PgLoginAttempts } from './pg-login-attempts';
import { PgNoticeBridge } from './pg-notice-bridge';
import { openPool } from './pool';

export interface PgClusterOptions {
  /** This node's name (KEFU_NODE_NAME), shown in pg_stat_activity. */
  nodeName: string;
  /** Other nodes' notices, for this node's subscribers (the NoticeHub's deliver). */
  deliver(notices: readonly EngineNotice[]): void;
  logger?: Logger;
  /** How long /healthz's `SELECT 1` may take, connecting included; default 1 s. */
  healthTimeoutMs?: number;
}

export interface PgCluster {
  notices: PgNoticeBridge;
  loginAttempts: LoginAttemptStore;
  /** `SELECT 1` on a fresh or idle connection within the timeout; throws when the database does not answer. */
  health(): Promise<{ busy: boolean }>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export function openPgCluster(url: string, options: PgClusterOptions): PgCluster {
  const pool = openPool(url, { max: 3, applicationName: options.nodeName });
  const timeoutMs = options.healthTimeoutMs ?? 1000;
  // One connection, given up fast: a health check waits neither behind other work nor on a dead host.
  const healthPool = new pg.Pool({
    connectionString: url,
    max: 1,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
    application_name: options.nodeName,
  });
  healthPool.on('error', () => undefined);
  // Unique per process and per composition (two servers in one test process share a pid).
  const origin = `${options.nodeName}#${Math.random().toString(36).slice(2, 10)}`;
  const notices = new PgNoticeBridge({ url, pool, origin, deliver: options.deliver, ...(options.logger && { logger: options.logger }) });
  return {
    notices,
    loginAttempts: new PgLoginAttempts(pool),
    health: async () => {
      await healthPool.query({ text: 'SELECT 1', query_timeout: timeoutMs } as pg.QueryConfig);
      return { busy: false };
    },
    start: () => notices.start(),
    close: async () => {
      await notices.stop();
      await Promise.all([pool.end(), healthPool.end()]);
    },
  };
}
