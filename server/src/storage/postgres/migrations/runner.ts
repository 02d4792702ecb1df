// PostgreSQL migrations: ordered SQL steps run at start, each in its own transaction, the applied ones
// recorded in schema_migrations. Several nodes may start at once: the runner holds a session advisory
// lock for the whole run, so one node applies the steps and the others wait, then find nothing to do.
// Steps are separate from SQLite's (another dialect) but follow the same rule: once released, never
// edited; new features append steps.
import type pg from 'pg';
import { withClient } from '../pool';
import { coreSchema } from './01-core';
import { authSchema } from './02-auth';
import { channelsSchema } from './03-channels';
import { inboxSchema } from './04-inbox';
import { customerEventsSchema } from './05-customer-events';
import { knowledgeSchema, knowledgeVectorsSchema } from './06-knowledge';
import { loginAttemptsSchema } from './08-login-attempts';
import { inboxClaimsSchema } from './09-inbox-claims';
import { openPlatformSchema } from './10-open-platform';
import { customerHistorySchema } from './11-customer-history';
import { quickRepliesSchema } from './12-quick-replies';
import { notesTagsSearchSchema } from './13-notes-tags-search';
import { webhooksSchema } from './14-webhooks';
import { timerDueSchema } from './15-timer-due';
import { archiveSchema } from './16-archive';
import { reportIndexesSchema } from './17-report-indexes';
import { auditLogSchema } from './18-audit-log';
import { supervisorsAndAgentSeatsSchema } from './19-supervisors-and-agent-seats';
import { channelRevisionSchema } from './20-channel-revision';

export interface PgMigration {
  /** 1, 2, 3… with no gaps. */
  version: number;
  name: string;
  sql: string;
}

export class PgMigrationError extends Error {
  override readonly name = 'PgMigrationError';
}

export const pgMigrations: readonly PgMigration[] = [
  { version: 1, name: 'conversation engine, outbox and access tokens', sql: coreSchema },
  { version: 2, name: 'api tokens, login accounts and sessions', sql: authSchema },
  { version: 3, name: 'channels with sealed secrets, and storage meta', sql: channelsSchema },
  { version: 4, name: 'inbox of verified pushes', sql: inboxSchema },
  { version: 5, name: 'a customer’s events and unknown pushes, from the inbox', sql: customerEventsSchema },
  { version: 6, name: 'knowledge base: entries, settings, misses, media, synonyms, revision', sql: knowledgeSchema },
  { version: 7, name: 'knowledge vectors and the semantic stage settings', sql: knowledgeVectorsSchema },
  { version: 8, name: 'login attempts counted across nodes', sql: loginAttemptsSchema },
  { version: 9, name: 'inbox claims: one node per entry, per-customer order, leases', sql: inboxClaimsSchema },
  { version: 10, name: 'the open platform: settings, ticket, authorizations, component and authorizer tokens', sql: openPlatformSchema },
  {
    version: 11,
    name: 'customers by UnionID (the customer’s history), messages by channel and time (the message export)',
    sql: customerHistorySchema,
  },
  { version: 12, name: 'quick replies, personal and team', sql: quickRepliesSchema },
  { version: 13, name: 'internal notes, tags, and message words for search (pg_trgm)', sql: notesTagsSearchSchema },
  { version: 14, name: 'webhooks: endpoints with sealed secrets, deliveries, attempts', sql: webhooksSchema },
  { version: 15, name: 'when each conversation’s timers fall due next', sql: timerDueSchema },
  { version: 16, name: 'archived channels; messages by agent and conversations by group (delete checks)', sql: archiveSchema },
  { version: 17, name: 'reports: messages by sender kind, failed sends', sql: reportIndexesSchema },
  { version: 18, name: 'the audit log: who changed what, before and after', sql: auditLogSchema },
  { version: 19, name: 'supervisors, and agent logins linked to several agents', sql: supervisorsAndAgentSeatsSchema },
  { version: 20, name: 'channels: a revision raised by every save', sql: channelRevisionSchema },
];

/** The advisory lock key of the migration run (any constant; namespaced by the database). */
export const MIGRATION_LOCK = 0x6b65_6675_6d69_67n; // "kefumig"

function checkOrder(list: readonly PgMigration[]): void {
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new PgMigrationError(`migration "${m.name}" has version ${m.version}, expected ${i + 1}`);
  });
}

/** Applies every step the database lacks; returns the versions this call applied (usually none). */
export async function runPgMigrations(pool: pg.Pool, list: readonly PgMigration[] = pgMigrations): Promise<number[]> {
  checkOrder(list);
  return withClient(pool, async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK.toString()]);
    try {
      return await applyMissing(client, list);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK.toString()]);
    }
  });
}

async function applyMissing(client: pg.PoolClient, list: readonly PgMigration[]): Promise<number[]> {
  await client.query(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
  );
  const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  const current = rows[0]?.v ?? 0;
  if (current > list.length) {
    // A newer build migrated this database; running old code on it could corrupt data.
    throw new PgMigrationError(`database is at version ${current}, this build knows only ${list.length}`);
  }
  const applied: number[] = [];
  for (const m of list.slice(current)) {
    await client.query('BEGIN');
    try {
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw new PgMigrationError(`migration ${m.version} "${m.name}" failed: ${(error as Error).message}`);
    }
    applied.push(m.version);
  }
  return applied;
}
