// The knowledge base assembled over a store (compose.ts gives it the SQLite one): memory, service, robot
// and the outbox's media hook, sharing one KnowledgeBase.
import type { KnowledgeStore } from '../core/ports/knowledge-store';
import { KnowledgeBase } from './knowledge-base';
import { KnowledgeMediaResolver } from './media-resolver';
import { KnowledgeRobot } from './knowledge-robot';
import { KnowledgeService } from './knowledge-service';

export interface KnowledgeModule {
  service: KnowledgeService;
  robot: KnowledgeRobot;
  media: KnowledgeMediaResolver;
}

export interface KnowledgeModuleDeps {
  now(): number;
  newId(prefix: string): string;
  pollMs?: number;
}

export function knowledgeModule(store: KnowledgeStore, deps: KnowledgeModuleDeps): KnowledgeModule {
  const base = new KnowledgeBase();
  const service = new KnowledgeService(store, base, {
    now: deps.now,
    newId: deps.newId,
    ...(deps.pollMs !== undefined && { pollMs: deps.pollMs }),
  });
  const robot = new KnowledgeRobot(base, { now: deps.now, onMiss: () => service.missRecorded() });
  const media = new KnowledgeMediaResolver({ store, now: deps.now });
  return { service, robot, media };
}
