// A tiny migrations runner: an ordered list of SQL steps, the applied count kept in PRAGMA user_version.
// Later issues append steps; a step, once released, is never edited (databases in the field ran it).
import type { Database } from 'better-sqlite3';
import { inboxSchema } from './migration-inbox';
import { channelsSchema } from './migration-channels';
import { engineSchema } from './migration-engine';
import { authSchema } from './auth-migration';
import { knowledgeSchema } from './sqlite-knowledge-migration';
import { workbenchSchema } from './migration-workbench';
import { agentLookupsSchema } from './migration-agent-lookups';

export interface Migration {
  /** 1, 2, 3… with no gaps; the value user_version takes once this step has run. */
  version: number;
  name: string;
  sql: string;
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'access tokens',
    sql: `CREATE TABLE access_tokens (
      app_id      TEXT    NOT NULL,
      source      TEXT    NOT NULL CHECK (source IN ('stable', 'basic')),
      token       TEXT    NOT NULL,
      obtained_at INTEGER NOT NULL,
      expires_at  INTEGER NOT NULL,
      PRIMARY KEY (app_id, source)
    ) STRICT;`,
  },
  { version: 2, name: 'conversation engine and outbox', sql: engineSchema },
  { version: 3, name: 'channels with sealed secrets', sql: channelsSchema },
  { version: 4, name: 'api tokens, login accounts and sessions', sql: authSchema },
  { version: 5, name: 'inbox of verified pushes', sql: inboxSchema },
  { version: 6, name: 'knowledge base', sql: knowledgeSchema },
  { version: 7, name: 'media owners and the agents-see-UnionID switch', sql: workbenchSchema },
  { version: 8, name: 'agents by WeChat openid and by name', sql: agentLookupsSchema },
];

function checkOrder(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new MigrationError(`migration "${m.name}" has version ${m.version}, expected ${i + 1}`);
  });
}

/** Applies every step newer than the database, each in its own transaction; returns the new version. */
export function runMigrations(db: Database, list: readonly Migration[] = migrations): number {
  checkOrder(list);
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > list.length) {
    // A newer build wrote this file; running old code on it could corrupt data.
    throw new MigrationError(`database is at version ${current}, this build knows only ${list.length}`);
  }
  for (const m of list.slice(current)) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return list.length;
}
