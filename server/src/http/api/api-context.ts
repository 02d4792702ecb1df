// What the API's routes share: the engine's use cases, the admin stories' dependencies, the auth
// service (built by the composition root), the clock and id generation. Built once by apiRouter from ApiDeps.
import type { AdminDeps } from '../../app/admin/index';
import type { EngineDeps } from '../../app/index';
import type { ChannelKind } from '../../core/channel';
import type { Clock } from '../../core/ports/clock';
import type { PushLog } from '../../core/ports/push-log';
import type { Reports } from '../../core/ports/reports';
import type { KnowledgeService } from '../../knowledge/knowledge-service';
import type { SemanticSettingsService } from '../../knowledge/semantic/semantic-settings';
import type { AppCredentials, CredentialCheck } from '../../wechat/outbound/index';
import type { Metrics } from '../ops/metrics';
import type { AuthService } from '../../app/auth/auth-service';
import type { IdGenerator } from '../../core/ports/id-generator';
import { notFound } from '../../app/errors';
import type { ChannelStore } from '../../core/ports/channel-store';
import type { PlatformDeps } from '../../app/open-platform/index';
import type { MessageMediaDeps } from '../../core/ports/message-media';
import type { QuickReplyStore } from '../../core/ports/quick-reply-store';
import type { QuickReplyDeps } from '../../app/quick-replies/index';
import type { TypingDeps } from '../../app/agent-typing';
import type { ConversationSearch } from '../../core/ports/conversation-search';
import type { WebhookDeps } from '../../app/webhooks/webhook-deps';
import type { AuditLog } from '../../core/ports/audit-log';

export interface ApiDeps {
  engine: EngineDeps;
  channels: ChannelStore;
  /** Logins, tokens and accounts: the one AuthService of the composition root. */
  auth: AuthService;
  /** Ids of the records the API creates; default: the engine's generator. */
  ids?: IdGenerator;
  /** Default: the engine's clock. */
  clock?: Clock;
  metrics?: Metrics;
  /** The document's info.version. */
  version?: string;
  /** The knowledge base (and the media store); without it their routes answer 404. */
  knowledge?: KnowledgeService;
  /** The knowledge robot's optional semantic stage settings; without it they read as off and cannot change. */
  semanticSettings?: SemanticSettingsService;
  /** The dashboard's and the exports' queries; without them those routes answer 404. */
  reports?: Reports;
  /** What WeChat pushed, for a customer's events; without it that route answers 404. */
  pushLog?: PushLog;
  /** Asks WeChat whether an AppID and AppSecret work; without it the check routes answer 404. */
  checkCredentials?: CredentialChecker;
  /** A customer's voice, video and pictures fetched from WeChat (voice converted); without it that route answers 404. */
  messageMedia?: MessageMediaDeps;
  /** The dashboard's day when no work calendar names a zone; default the server's time zone. */
  timeZone?: string;
  /** The open platform's stories' dependencies; without them its routes answer 404. */
  openPlatform?: PlatformDeps;
  /** Where WeChat's authorization page lives; default https://mp.weixin.qq.com. */
  authPageBaseUrl?: string;
  /** Quick replies (快捷回复); without them their routes answer 404. */
  quickReplies?: QuickReplyStore;
  /** WeChat's typing indicator; without it the typing route answers 404. */
  typing?: TypingDeps;
  /** Conversation search (and tag reports); without it those routes answer 404. */
  search?: ConversationSearch;
  /** Webhook endpoints and their log; without it their routes answer 404. */
  webhooks?: WebhookDeps;
  /** KEFU_PUBLIC_BASE_URL: where WeChat reaches this server; the channel page builds the push URL on it. */
  publicBaseUrl?: string;
  /** Where changes are recorded, and read back by GET /audit; without it nothing is recorded and that route answers 404. */
  audit?: AuditLog;
}

export type CredentialChecker = (kind: ChannelKind, app: AppCredentials) => Promise<CredentialCheck>;

export interface ApiContext {
  engine: EngineDeps;
  /** What the admin stories (app/admin) work with. */
  admin: AdminDeps;
  auth: AuthService;
  clock: Clock;
  knowledge?: KnowledgeService;
  semanticSettings?: SemanticSettingsService;
  reports?: Reports;
  pushLog?: PushLog;
  checkCredentials?: CredentialChecker;
  messageMedia?: MessageMediaDeps;
  timeZone: string;
  openPlatform?: PlatformDeps;
  authPageBaseUrl: string;
  quickReplies?: QuickReplyStore;
  typing?: TypingDeps;
  search?: ConversationSearch;
  webhooks?: WebhookDeps;
  publicBaseUrl?: string;
}

export function apiContext(deps: ApiDeps): ApiContext {
  const clock = deps.clock ?? deps.engine.clock;
  return {
    engine: deps.engine,
    admin: {
      uow: deps.engine.uow,
      channels: deps.channels,
      clock,
      ids: deps.ids ?? deps.engine.ids,
      auth: deps.auth,
      ...(deps.audit && { audit: deps.audit }),
    },
    auth: deps.auth,
    clock,
    ...(deps.knowledge && { knowledge: deps.knowledge }),
    ...(deps.semanticSettings && { semanticSettings: deps.semanticSettings }),
    ...(deps.reports && { reports: deps.reports }),
    ...(deps.pushLog && { pushLog: deps.pushLog }),
    ...(deps.checkCredentials && { checkCredentials: deps.checkCredentials }),
    ...(deps.messageMedia && { messageMedia: deps.messageMedia }),
    ...(deps.webhooks && { webhooks: deps.webhooks }),
    timeZone: deps.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    ...(deps.openPlatform && { openPlatform: deps.openPlatform }),
    authPageBaseUrl: deps.authPageBaseUrl ?? 'https://mp.weixin.qq.com',
    ...(deps.quickReplies && { quickReplies: deps.quickReplies }),
    ...(deps.typing && { typing: deps.typing }),
    ...(deps.search && { search: deps.search }),
    ...(deps.publicBaseUrl !== undefined && { publicBaseUrl: deps.publicBaseUrl }),
  };
}

/** What the quick reply stories need, or 404 on a server without them. */
export function quickReplyDeps(ctx: ApiContext): QuickReplyDeps {
  const replies = ctx.quickReplies;
  if (!replies) throw notFound('quick replies');
  const kb = ctx.knowledge;
  return { ...ctx.admin, replies, ...(kb && { media: (id: string) => kb.media(id) }) };
}
