// A tiny migrations runner: an ordered list of SQL steps, the applied count kept in PRAGMA user_version.
// Each step is a file `NN-what.ts` beside this one, NN being the version it brings the database to. New
// features append steps; a step, once released, is never edited (databases in the field ran it).
import type { Database } from 'better-sqlite3';
import { accessTokensSchema } from './01-access-tokens';
import { conversationsAndOutboxSchema } from './02-conversations-and-outbox';
import { channelsSchema } from './03-channels';
import { apiTokensAndLoginsSchema } from './04-api-tokens-and-logins';
import { inboxSchema } from './05-inbox';
import { knowledgeSchema } from './06-knowledge-base';
import { mediaOwnersAndUnionIdSwitchSchema } from './07-media-owners-and-union-id-switch';
import { agentLookupsSchema } from './08-agent-lookups';
import { wechatAgentMemoryNamesSchema } from './09-wechat-agent-memory-names';
import { knowledgeSynonymsSchema } from './10-knowledge-synonyms';
import { knowledgeVectorsSchema } from './11-knowledge-vectors';
import { customerEventsSchema } from './12-customer-events';
import { outboxClaimsSchema } from './13-outbox-claims';
import { channelChangesSchema } from './14-channel-changes';
import { openPlatformSchema } from './15-open-platform';
import { customerHistorySchema } from './16-customer-history';
import { quickRepliesSchema } from './17-quick-replies';
import { notesTagsSearchSchema } from './18-notes-tags-search';
import { webhooksSchema } from './19-webhooks';
import { timerDueSchema } from './20-timer-due';
import { archiveSchema } from './21-archive';
import { reportIndexesSchema } from './22-report-indexes';
import { auditLogSchema } from './23-audit-log';
import { supervisorsAndAgentSeatsSchema } from './24-supervisors-and-agent-seats';
import { searchIndexInBatchesSchema } from './25-search-index-in-batches';
import { searchTextInBatchesSchema } from './26-search-text-in-batches';
import { channelRevisionSchema } from './27-channel-revision';

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
  { version: 1, name: 'access tokens', sql: accessTokensSchema },
  { version: 2, name: 'conversation engine and outbox', sql: conversationsAndOutboxSchema },
  { version: 3, name: 'channels with sealed secrets', sql: channelsSchema },
  { version: 4, name: 'api tokens, login accounts and sessions', sql: apiTokensAndLoginsSchema },
  { version: 5, name: 'inbox of verified pushes', sql: inboxSchema },
  { version: 6, name: 'knowledge base', sql: knowledgeSchema },
  { version: 7, name: 'media owners and the agents-see-UnionID switch', sql: mediaOwnersAndUnionIdSwitchSchema },
  { version: 8, name: 'agents by WeChat openid and by name', sql: agentLookupsSchema },
  { version: 9, name: 'plain names for the WeChat agent memory', sql: wechatAgentMemoryNamesSchema },
  { version: 10, name: 'knowledge synonyms per scope', sql: knowledgeSynonymsSchema },
  { version: 11, name: 'knowledge vectors and the semantic stage settings', sql: knowledgeVectorsSchema },
  { version: 12, name: 'a customer’s events and unknown pushes, from the inbox', sql: customerEventsSchema },
  { version: 13, name: 'outbox claims with owners, and in-doubt sends', sql: outboxClaimsSchema },
  { version: 14, name: 'channel changes: previous push settings, grace, replay window, activity', sql: channelChangesSchema },
  { version: 15, name: 'the open platform: settings, ticket, authorizations, component and authorizer tokens', sql: openPlatformSchema },
  {
    version: 16,
    name: 'customers by UnionID (the customer’s history), messages by channel and time (the message export)',
    sql: customerHistorySchema,
  },
  { version: 17, name: 'quick replies, personal and team', sql: quickRepliesSchema },
  { version: 18, name: 'internal notes, tags, and message words for search', sql: notesTagsSearchSchema },
  { version: 19, name: 'webhooks: endpoints with sealed secrets, deliveries, attempts', sql: webhooksSchema },
  { version: 20, name: 'when each conversation’s timers fall due next', sql: timerDueSchema },
  { version: 21, name: 'archived channels; messages by agent and conversations by group (delete checks)', sql: archiveSchema },
  { version: 22, name: 'reports: messages by sender kind, failed sends', sql: reportIndexesSchema },
  { version: 23, name: 'the audit log: who changed what, before and after', sql: auditLogSchema },
  { version: 24, name: 'supervisors, and agent logins linked to several agents', sql: supervisorsAndAgentSeatsSchema },
  { version: 25, name: 'message search: words indexed in batches', sql: searchIndexInBatchesSchema },
  { version: 26, name: 'message search: texts copied in batches', sql: searchTextInBatchesSchema },
  { version: 27, name: 'channels: a revision raised by every save', sql: channelRevisionSchema },
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
