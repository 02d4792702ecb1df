// access_token issuing and checking, with WeChat's rules (wechat-protocol.md §5, [STABLE]):
//  - every token lives 7200 s;
//  - cgi-bin/token issues a new token per call; older ones of the app die 5 minutes later (40001);
//  - stable_token returns the same token while valid; in its last 5 minutes a call renews it and both
//    stay valid; force_refresh revokes it at once, at most 20 times a day and 30 s apart;
//  - the two kinds are isolated: one never supersedes the other;
//  - an open platform's authorizer_access_token (api_query_auth, api_authorizer_token) and its
//    component_access_token follow cgi-bin/token's rule: each issue supersedes the previous token of the
//    same kind, which dies 5 minutes later (UNCONFIRMED for these two; the docs only say "2 小时");
//    an authorization revoked kills its authorizer tokens at once.
import type { EmulatedApp } from './apps';
import { EmulatorApiError } from './errors';
import { randomId, type RandomBytes } from './random';

export const TOKEN_LIFETIME_MS = 7200_000;
export const OVERLAP_MS = 5 * 60_000;
const FORCE_MIN_GAP_MS = 30_000;
const FORCE_PER_DAY = 20;
const DAY_MS = 86_400_000;

export type TokenKind = 'basic' | 'stable' | 'authorizer' | 'component';

/** The kinds where each issue supersedes the previous token after OVERLAP_MS. */
export type SupersedingKind = Exclude<TokenKind, 'stable'>;

interface IssuedToken {
  token: string;
  appId: string;
  kind: TokenKind;
  expiresAt: number;
  /** Set when a newer token replaced this one; from then on WeChat answers 40001. */
  diesAt?: number;
}

export interface GrantedToken {
  access_token: string;
  expires_in: number;
}

export class TokenService {
  private readonly byToken = new Map<string, IssuedToken>();
  private readonly currentStable = new Map<string, IssuedToken>();
  private readonly forceLog = new Map<string, number[]>();

  constructor(private readonly random: RandomBytes) {}

  issueBasic(app: Pick<EmulatedApp, 'appId'>, now: number, kind: SupersedingKind = 'basic'): GrantedToken {
    for (const t of this.byToken.values()) {
      if (t.appId === app.appId && t.kind === kind && t.diesAt === undefined) t.diesAt = now + OVERLAP_MS;
    }
    return grant(this.issue(app.appId, kind, now), now);
  }

  /** Every token of `kind` for `appId` dies now (an authorization revoked). */
  revokeAll(appId: string, kind: TokenKind, now: number): void {
    for (const t of this.byToken.values()) if (t.appId === appId && t.kind === kind) t.diesAt = Math.min(now, t.diesAt ?? now);
  }

  stable(app: EmulatedApp, now: number, forceRefresh: boolean): GrantedToken {
    const current = this.currentStable.get(app.appId);
    if (forceRefresh) {
      this.checkForceLimits(app.appId, now);
      if (current) current.diesAt = now;
    } else if (current && alive(current, now) && now < current.expiresAt - OVERLAP_MS) {
      return grant(current, now);
    }
    // No token, an expired one, one in its last 5 minutes (it keeps living), or a forced refresh.
    const fresh = this.issue(app.appId, 'stable', now);
    this.currentStable.set(app.appId, fresh);
    return grant(fresh, now);
  }

  /** The AppID a token belongs to, or the errcode WeChat would answer. */
  verify(token: string | undefined, now: number): string {
    return this.verifyIssued(token, now).appId;
  }

  /** The AppID and kind of a live token, or the errcode WeChat would answer. */
  verifyIssued(token: string | undefined, now: number): { appId: string; kind: TokenKind } {
    if (token === undefined || token === '') throw new EmulatorApiError(41001);
    if (!/^[A-Za-z0-9_-]{20,1024}$/.test(token)) throw new EmulatorApiError(40014);
    const issued = this.byToken.get(token);
    if (!issued) throw new EmulatorApiError(40001);
    if (issued.diesAt !== undefined && now >= issued.diesAt && issued.diesAt < issued.expiresAt) {
      throw new EmulatorApiError(40001);
    }
    if (now >= issued.expiresAt) throw new EmulatorApiError(42001);
    return { appId: issued.appId, kind: issued.kind };
  }

  private issue(appId: string, kind: TokenKind, now: number): IssuedToken {
    this.forget(now);
    const t: IssuedToken = { token: randomId(this.random, 96), appId, kind, expiresAt: now + TOKEN_LIFETIME_MS };
    this.byToken.set(t.token, t);
    return t;
  }

  private checkForceLimits(appId: string, now: number): void {
    const recent = (this.forceLog.get(appId) ?? []).filter((at) => now - at < DAY_MS);
    const last = recent[recent.length - 1];
    if (last !== undefined && now - last < FORCE_MIN_GAP_MS) throw new EmulatorApiError(45011);
    if (recent.length >= FORCE_PER_DAY) throw new EmulatorApiError(45009);
    this.forceLog.set(appId, [...recent, now]);
  }

  /** Drops tokens dead for a day; a caller presenting one then gets 40001, as from WeChat. */
  private forget(now: number): void {
    for (const [key, t] of this.byToken) {
      if (now - Math.min(t.expiresAt, t.diesAt ?? Infinity) > DAY_MS) this.byToken.delete(key);
    }
  }
}

function alive(t: IssuedToken, now: number): boolean {
  return now < t.expiresAt && (t.diesAt === undefined || now < t.diesAt);
}

function grant(t: IssuedToken, now: number): GrantedToken {
  return { access_token: t.token, expires_in: Math.ceil((t.expiresAt - now) / 1000) };
}
