// What the workbench's server side needs from the composed server. compose.ts builds it once.
import type { Logger } from 'pino';
import type { Clock } from '../../core/ports/clock';
import type { NoticeListener } from '../../core/ports/notifier';
import type { AuthService } from '../../app/auth/auth-service';

export interface WorkbenchDeps {
  /** Shares the API's login throttle, so cookie logins and bearer logins draw on one guessing budget. */
  auth: AuthService;
  clock: Clock;
  notices: { subscribe(listener: NoticeListener): () => void };
  /** The customer simulator: absent unless KEFU_SIMULATOR=1. */
  simulator?: {
    wechatApiBaseUrl: string;
    channelAppId(channelId: string): Promise<string | undefined>;
  };
  /** Answered by GET /workbench/config. */
  version?: string;
  /** Default 15 s; tests shorten it. */
  heartbeatMs?: number;
  logger?: Logger;
}
