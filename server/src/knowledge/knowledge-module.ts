// The knowledge base assembled over a store (compose.ts gives it the SQLite one): memory, service, robot
// and the outbox's media hook, sharing one KnowledgeBase.
import type { ChannelKind } from '../core/channel';
import type { KnowledgeStore } from '../core/ports/knowledge-store';
import type { SemanticStore } from '../core/ports/semantic-store';
import { KnowledgeBase } from './knowledge-base';
import { KnowledgeMediaResolver } from './media-resolver';
import { KnowledgeRobot } from './knowledge-robot';
import { KnowledgeService } from './knowledge-service';
import type { Embed } from './semantic/embeddings-client';
import { SemanticRefresher } from './semantic/refresher';
import { SemanticSettingsService } from './semantic/semantic-settings';
import { SemanticStage, type SemanticLog } from './semantic/semantic-stage';

export interface KnowledgeModule {
  service: KnowledgeService;
  robot: KnowledgeRobot;
  media: KnowledgeMediaResolver;
  /** The optional semantic stage, when a store for it was given. */
  semantic?: { stage: SemanticStage; refresher: SemanticRefresher; settings: SemanticSettingsService };
}

export interface KnowledgeModuleDeps {
  now(): number;
  newId(prefix: string): string;
  pollMs?: number;
  /** The kind of a channel, for the WeChat rules its entries are checked against. */
  channelKind?(channelId: string): Promise<ChannelKind | undefined>;
  semantic?: { store: SemanticStore; embed?: Embed; log?: SemanticLog };
}

export function knowledgeModule(store: KnowledgeStore, deps: KnowledgeModuleDeps): KnowledgeModule {
  const base = new KnowledgeBase();
  const service = new KnowledgeService(store, base, {
    now: deps.now,
    newId: deps.newId,
    ...(deps.pollMs !== undefined && { pollMs: deps.pollMs }),
    ...(deps.channelKind && { channelKind: deps.channelKind }),
  });
  const semantic = deps.semantic && semanticStage(store, deps);
  const robot = new KnowledgeRobot(base, {
    now: deps.now,
    onMiss: () => service.missRecorded(),
    ...(semantic && { semantic: semantic.stage }),
  });
  const media = new KnowledgeMediaResolver({ store, now: deps.now });
  return { service, robot, media, ...(semantic && { semantic }) };
}

function semanticStage(knowledge: KnowledgeStore, deps: KnowledgeModuleDeps): KnowledgeModule['semantic'] {
  const { store, embed, log } = deps.semantic ?? ({} as never);
  const opt = { ...(embed && { embed }), ...(log && { log }) };
  const stage = new SemanticStage(opt);
  const refresher = new SemanticRefresher({ store, knowledge, stage, ...opt, ...(deps.pollMs !== undefined && { pollMs: deps.pollMs }) });
  return { stage, refresher, settings: new SemanticSettingsService(store, refresher) };
}
