// One access-token holder per AppID (doc/service/api/base/api_getstableaccesstoken; rules in
// shared/docs/wechat-protocol.md §5). Callers never fetch tokens themselves:
//  - single flight: however many callers need a token at once, exactly one request goes to WeChat;
//  - refreshed ahead of expiry, so a call does not leave with a token about to die;
//  - persisted through the TokenStore port, so a restart reuses a valid token instead of fetching
//    (cgi-bin/token would otherwise supersede the token of every other holder);
//  - on 40001/40014/42001 the token is dropped and the call retried exactly once;
//  - with a store shared by several nodes, a refresh runs under the store's lock and first reads what
//    another node may have just stored: one node fetches, the others use its token.
// The open platform's tokens (component and authorizer, open-platform/component-tokens.ts) ride the same
// broker with their own fetch.
import type { StoredToken, TokenKind, TokenStore } from '../../core/ports/token-store';
import type { WeChatClient } from './client';
import { WeChatApiError } from './errors';
import { fetchAccessToken, type FetchedToken } from './token-endpoints';

export interface TokenBrokerOptions {
  appId: string;
  /** The AppSecret of a channel's own tokens (stable, basic); never logged, never put in an error message. */
  secret?: string;
  client: WeChatClient;
  store: TokenStore;
  /** Defaults to stable_token; 'basic' uses cgi-bin/token; 'component' and 'authorizer' need `fetchToken`. */
  source?: TokenKind;
  /** How a new token is obtained when it is not a channel's own (the open platform's tokens). */
  fetchToken?: () => Promise<FetchedToken>;
  /** How long before expiry a token is replaced (capped at half its lifetime). Default 5 min. */
  refreshAheadMs?: number;
  now?: () => number;
}

export class AccessTokenBroker {
  readonly appId: string;
  readonly source: TokenKind;
  private readonly options: TokenBrokerOptions;
  private readonly now: () => number;
  private readonly refreshAheadMs: number;
  private current: StoredToken | undefined;
  private loaded: Promise<void> | undefined;
  private inflight: Promise<StoredToken> | undefined;

  constructor(options: TokenBrokerOptions) {
    this.options = options;
    this.appId = options.appId;
    this.source = options.source ?? 'stable';
    this.now = options.now ?? Date.now;
    this.refreshAheadMs = options.refreshAheadMs ?? 5 * 60_000;
  }

  async getToken(): Promise<string> {
    await (this.loaded ??= this.loadFromStore());
    const held = this.current;
    if (held && this.now() < this.refreshAt(held)) return held.token;
    try {
      return (await this.refresh()).token;
    } catch (err) {
      // A failed early refresh is not fatal while the token we hold still lives.
      if (held && this.current === held && this.now() < held.expiresAt) return held.token;
      throw err;
    }
  }

  /** WeChat rejected `token`; forget it unless a newer one already replaced it. */
  async invalidate(token: string): Promise<void> {
    if (this.current?.token !== token) return;
    this.current = undefined;
    await this.options.store.discard(this.appId, this.source, token);
  }

  /** Runs `call` with a token; on a token error, refreshes and runs it exactly once more. */
  async withToken<T>(call: (token: string) => Promise<T>): Promise<T> {
    const token = await this.getToken();
    try {
      return await call(token);
    } catch (err) {
      if (!(err instanceof WeChatApiError) || err.kind !== 'token_invalid') throw err;
      await this.invalidate(token);
      return call(await this.getToken());
    }
  }

  private refreshAt(t: StoredToken): number {
    const lifetime = t.expiresAt - t.obtainedAt;
    return t.expiresAt - Math.min(this.refreshAheadMs, lifetime / 2);
  }

  private async loadFromStore(): Promise<void> {
    const stored = await this.options.store.load(this.appId, this.source);
    if (stored && this.current === undefined && this.now() < stored.expiresAt) this.current = stored;
  }

  private refresh(): Promise<StoredToken> {
    this.inflight ??= this.fetchAndSave().finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  private async fetchAndSave(): Promise<StoredToken> {
    const { store, appId } = this.options;
    if (!store.underRefreshLock) return this.fetchNew();
    const replaced = this.current?.token;
    return store.underRefreshLock(appId, this.source, async () => {
      const stored = await store.load(appId, this.source);
      // Another node refreshed while this one waited for the lock: its token is the app's token now.
      if (stored && stored.token !== replaced && this.now() < this.refreshAt(stored)) {
        this.current = stored;
        return stored;
      }
      return this.fetchNew();
    });
  }

  private async fetchNew(): Promise<StoredToken> {
    const { store, appId } = this.options;
    const obtainedAt = this.now();
    const fetched = await this.fetchToken();
    const token: StoredToken = {
      appId,
      source: this.source,
      token: fetched.token,
      obtainedAt,
      expiresAt: obtainedAt + fetched.expiresInSeconds * 1000,
    };
    this.current = token;
    await store.save(token);
    return token;
  }

  private fetchToken(): Promise<FetchedToken> {
    const { client, appId, secret, fetchToken } = this.options;
    if (fetchToken) return fetchToken();
    if ((this.source !== 'stable' && this.source !== 'basic') || secret === undefined)
      throw new Error(`a ${this.source} token of ${appId} needs its own fetch`);
    return fetchAccessToken(client, this.source, { appId, secret });
  }
}
