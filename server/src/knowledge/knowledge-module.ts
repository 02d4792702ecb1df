// The knowledge base assembled for the server (compose.ts) or a test: store, memory, service, robot and
// the outbox's media hook, sharing one KnowledgeBase.
import type { Database } from 'better-sqlite3';
import { SqliteKnowledgeStore } from '../storage/sqlite-knowledge';
import { KnowledgeBase } from './knowledge-base';
import { KnowledgeMediaResolver } from './media-resolver';
import { KnowledgeRobot } from './knowledge-robot';
import { KnowledgeService } from './knowledge-service';

export interface KnowledgeModule {
  service: KnowledgeService;
  robot: KnowledgeRobot;
  media: KnowledgeMediaResolver;
}

export function knowledgeModule(db: Database, deps: { now(): number; newId(prefix: string): string; pollMs?: number }): KnowledgeModule {
  const store = new SqliteKnowledgeStore(db);
  const base = new KnowledgeBase();
  const service = new KnowledgeService(store, base, { now: deps.now, newId: deps.newId, ...(deps.pollMs !== undefined && { pollMs: deps.pollMs }) });
  const robot = new KnowledgeRobot(base, { now: deps.now, onMiss: () => service.missRecorded() });
  const media = new KnowledgeMediaResolver({ store, now: deps.now });
  return { service, robot, media };
}
