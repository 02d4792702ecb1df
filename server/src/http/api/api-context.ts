// What the API's routes share: the engine (use cases and its unit of work), the channel store, the auth
// service, the clock and id generation. Built once by apiRouter from ApiDeps.
import type { EngineDeps } from '../../app/index';
import type { AuthStores } from '../../core/ports/auth';
import type { ChannelKind } from '../../core/channel';
import type { Clock } from '../../core/ports/clock';
import type { Reports } from '../../core/ports/reports';
import type { Transaction } from '../../core/ports/unit-of-work';
import type { KnowledgeService } from '../../knowledge/knowledge-service';
import type { AppCredentials, CredentialCheck } from '../../wechat/outbound/index';
import type { Metrics } from '../ops/metrics';
import { AuthService } from './auth/auth-service';
import type { LoginThrottle } from './auth/login-throttle';
import type { ScryptCost } from './auth/password';
import { newId, type RandomBytes } from './auth/secrets';
import type { ChannelStore } from '../../core/ports/channel-store';

export interface ApiDeps {
  engine: EngineDeps;
  channels: ChannelStore;
  auth: AuthStores;
  /** Default: the engine's clock. */
  clock?: Clock;
  metrics?: Metrics;
  /** Login throttle; main.ts passes one, tests may pass a stricter one. Without it logins are not limited. */
  throttle?: LoginThrottle;
  sessionTtlMs?: number;
  /** Tests lower it; production keeps the default. */
  passwordCost?: ScryptCost;
  random?: RandomBytes;
  /** The document's info.version. */
  version?: string;
  /** Issue 5: the knowledge base (and the media store); without it their routes answer 404. */
  knowledge?: KnowledgeService;
  /** The dashboard's and the exports' queries; without them those routes answer 404. */
  reports?: Reports;
  /** Asks WeChat whether an AppID and AppSecret work; without it the check routes answer 404. */
  checkCredentials?: CredentialChecker;
  /** The dashboard's day when no work calendar names a zone; default the server's time zone. */
  timeZone?: string;
}

export type CredentialChecker = (kind: ChannelKind, app: AppCredentials) => Promise<CredentialCheck>;

export interface ApiContext {
  engine: EngineDeps;
  channels: ChannelStore;
  auth: AuthService;
  clock: Clock;
  newId(prefix: string): string;
  /** A read or a write of engine records in one unit of work. */
  tx<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  knowledge?: KnowledgeService;
  reports?: Reports;
  checkCredentials?: CredentialChecker;
  timeZone: string;
}

export function apiContext(deps: ApiDeps): ApiContext {
  const clock = deps.clock ?? deps.engine.clock;
  const auth = new AuthService({
    stores: deps.auth,
    clock,
    ...(deps.random && { random: deps.random }),
    ...(deps.passwordCost && { passwordCost: deps.passwordCost }),
    ...(deps.sessionTtlMs !== undefined && { sessionTtlMs: deps.sessionTtlMs }),
    ...(deps.throttle && { throttle: deps.throttle }),
  });
  return {
    engine: deps.engine,
    channels: deps.channels,
    auth,
    clock,
    newId: (prefix) => newId(prefix, deps.random),
    tx: (work) => deps.engine.uow.run(work),
    ...(deps.knowledge && { knowledge: deps.knowledge }),
    ...(deps.reports && { reports: deps.reports }),
    ...(deps.checkCredentials && { checkCredentials: deps.checkCredentials }),
    timeZone: deps.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
}
