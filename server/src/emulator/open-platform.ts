// The open platform's rules (wechat-protocol.md §9), one registered platform at a time:
// - component_verify_ticket: pushed every 10 minutes, valid 12 h; any ticket pushed in the last 12 h is
//   accepted (the docs advise using the previous ticket when a push was missed: doc/oplatform/
//   Third-party_Platforms/2.0/Before_Develop/creat_token.md), an older one is 61005, an unknown one 61006;
// - pre_auth_code: 1800 s (getPreAuthCode: "每个预授权码有效期为 1800秒"), single use;
// - authorization_code: 3600 s (the redirect's expires_in seen in a community thread,
//   developers.weixin.qq.com/community/develop/doc/0006c2dd65c7a00a46909a7e664400), single use ("code只能
//   用一次", same thread: UNCONFIRMED by an official page, so the emulator takes the stricter rule);
//   unknown → 61009, expired or used → 61010;
// - authorizer_refresh_token: stays the same across refreshes and changes only when the account authorizes
//   again ("只要商家不解除授权,一直有效(解除授权-->重新授权给第三方平台,会改变authorizer_refresh_token)",
//   doc/oplatform/developers/dev/AuthorizerAccessToken.html); a wrong or replaced one is 61023.
import type { ChannelKind } from '../core/channel';
import { EmulatorApiError } from './errors';
import type { OpenPlatformConfig } from './open-platform-config';
import { randomId, type RandomBytes } from './random';
import { TokenService } from './token-service';

export const TICKET_INTERVAL_MS = 10 * 60_000;
export const TICKET_LIFETIME_MS = 12 * 3_600_000;
export const PRE_AUTH_CODE_LIFETIME_MS = 1_800_000;
export const AUTH_CODE_LIFETIME_MS = 3_600_000;

interface Ticket {
  value: string;
  issuedAt: number;
}

interface IssuedCode {
  expiresAt: number;
  used: boolean;
  authorizerAppId?: string;
}

export interface Authorization {
  authorizerAppId: string;
  kind: ChannelKind;
  funcIds: number[];
  refreshToken: string;
  authorizedAt: number;
  updatedAt: number;
}

export interface Authorized {
  authCode: string;
  expiresAt: number;
  infoType: 'authorized' | 'updateauthorized';
  authorization: Authorization;
}

export class OpenPlatform {
  config: OpenPlatformConfig | undefined;
  /** Emulator-clock instant of the next scheduled ticket push. */
  nextTicketAt: number | undefined;
  /** component_access_token: isolated from the apps' tokens, so neither is accepted for the other. */
  readonly componentTokens: TokenService;
  private tickets: Ticket[] = [];
  private readonly preAuthCodes = new Map<string, IssuedCode>();
  private readonly authCodes = new Map<string, IssuedCode>();
  private readonly authorizations = new Map<string, Authorization>();

  constructor(private readonly random: RandomBytes) {
    this.componentTokens = new TokenService(random);
  }

  /** Registers or edits the platform; another component AppID starts afresh (nothing carries over). */
  register(config: OpenPlatformConfig): void {
    if (this.config?.componentAppId !== config.componentAppId) {
      this.tickets = [];
      this.preAuthCodes.clear();
      this.authCodes.clear();
      this.authorizations.clear();
    }
    this.config = config;
  }

  /** The registered platform when `componentAppId` names it: 41018 missing, 61011 another. */
  platformOf(componentAppId: unknown): OpenPlatformConfig {
    if (typeof componentAppId !== 'string' || componentAppId === '') throw new EmulatorApiError(41018);
    if (!this.config || this.config.componentAppId !== componentAppId) throw new EmulatorApiError(61011);
    return this.config;
  }

  issueTicket(now: number): string {
    this.tickets = this.tickets.filter((t) => now - t.issuedAt < 2 * TICKET_LIFETIME_MS);
    const value = `ticket@@@${randomId(this.random, 48)}`;
    this.tickets.push({ value, issuedAt: now });
    return value;
  }

  checkTicket(value: unknown, now: number): void {
    const t = typeof value === 'string' ? this.tickets.find((x) => x.value === value) : undefined;
    if (!t) throw new EmulatorApiError(61006);
    if (now - t.issuedAt >= TICKET_LIFETIME_MS) throw new EmulatorApiError(61005);
  }

  /** The component AppID behind a component_access_token (41001, 40014, 40001, 42001 as for any token). */
  verifyComponentToken(token: unknown, now: number): string {
    const appId = this.componentTokens.verify(typeof token === 'string' ? token : undefined, now);
    if (appId !== this.config?.componentAppId) throw new EmulatorApiError(40001);
    return appId;
  }

  issuePreAuthCode(now: number): { pre_auth_code: string; expires_in: number } {
    forgetExpired(this.preAuthCodes, now);
    const code = `preauthcode@@@${randomId(this.random, 36)}`;
    this.preAuthCodes.set(code, { expiresAt: now + PRE_AUTH_CODE_LIFETIME_MS, used: false });
    return { pre_auth_code: code, expires_in: PRE_AUTH_CODE_LIFETIME_MS / 1000 };
  }

  /** Why the authorization page refuses a pre_auth_code, or undefined when it is usable. */
  preAuthCodeProblem(code: string, now: number): string | undefined {
    const c = this.preAuthCodes.get(code);
    if (!c) return 'unknown pre_auth_code 预授权码无效';
    if (c.used) return 'this pre_auth_code was already used 预授权码已使用';
    if (now >= c.expiresAt) return 'the pre_auth_code expired 预授权码已过期';
    return undefined;
  }

  /** The admin confirmed on the authorization page: consumes the pre_auth_code, (re)authorizes the account. */
  authorize(preAuthCode: string, account: { appId: string; kind: ChannelKind }, funcIds: number[], now: number): Authorized {
    const problem = this.preAuthCodeProblem(preAuthCode, now);
    if (problem) throw new Error(problem);
    (this.preAuthCodes.get(preAuthCode) as IssuedCode).used = true;
    const previous = this.authorizations.get(account.appId);
    const authorization: Authorization = {
      authorizerAppId: account.appId,
      kind: account.kind,
      funcIds: [...funcIds],
      // Authorizing again replaces the refresh token: the old one is 61023 from now on.
      refreshToken: `refreshtoken@@@${randomId(this.random, 32)}`,
      authorizedAt: previous?.authorizedAt ?? now,
      updatedAt: now,
    };
    this.authorizations.set(account.appId, authorization);
    forgetExpired(this.authCodes, now);
    const authCode = `queryauthcode@@@${randomId(this.random, 48)}`;
    const expiresAt = now + AUTH_CODE_LIFETIME_MS;
    this.authCodes.set(authCode, { expiresAt, used: false, authorizerAppId: account.appId });
    return { authCode, expiresAt, infoType: previous ? 'updateauthorized' : 'authorized', authorization };
  }

  /** api_query_auth: the authorization behind a code (61009 unknown, 61010 expired or used). */
  redeemAuthCode(code: unknown, now: number): Authorization {
    const c = typeof code === 'string' ? this.authCodes.get(code) : undefined;
    const authorization = c?.authorizerAppId === undefined ? undefined : this.authorizations.get(c.authorizerAppId);
    if (!c || !authorization) throw new EmulatorApiError(61009);
    if (c.used || now >= c.expiresAt) throw new EmulatorApiError(61010);
    c.used = true;
    return authorization;
  }

  /** api_authorizer_token: the authorization whose current refresh token this is (61023 otherwise). */
  checkRefreshToken(authorizerAppId: unknown, refreshToken: unknown): Authorization {
    const a = typeof authorizerAppId === 'string' ? this.authorizations.get(authorizerAppId) : undefined;
    if (!a || typeof refreshToken !== 'string' || refreshToken !== a.refreshToken) throw new EmulatorApiError(61023);
    return a;
  }

  authorizationOf(appId: string): Authorization | undefined {
    return this.authorizations.get(appId);
  }

  /** An authorized account, or 61003 as WeChat answers for an account not authorized to the platform. */
  requireAuthorization(appId: unknown): Authorization {
    const a = typeof appId === 'string' ? this.authorizations.get(appId) : undefined;
    if (!a) throw new EmulatorApiError(61003);
    return a;
  }

  list(): Authorization[] {
    return [...this.authorizations.values()];
  }

  /** The account's admin cancelled the authorization in its console; returns what was removed. */
  revoke(appId: string): Authorization | undefined {
    const a = this.authorizations.get(appId);
    this.authorizations.delete(appId);
    for (const [code, c] of this.authCodes) if (c.authorizerAppId === appId) this.authCodes.delete(code);
    return a;
  }
}

function forgetExpired(codes: Map<string, IssuedCode>, now: number): void {
  for (const [code, c] of codes) if (now - c.expiresAt > 86_400_000) codes.delete(code);
}
