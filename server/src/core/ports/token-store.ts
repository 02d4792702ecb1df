// Port: where access tokens survive a restart. WeChat limits how often a token may be fetched
// (cgi-bin/token: 2000 a day) and a fresh cgi-bin/token supersedes the one other processes hold,
// so a restart must reuse the token it already has. Implemented by storage/ (SQLite today).

/** Which WeChat API issued a channel's token; the two kinds are fully isolated by WeChat. */
export type TokenSource = 'stable' | 'basic';

/**
 * Every kind of token kept: a channel's (stable, basic), the open platform's component_access_token
 * (`component`, keyed by the component AppID) and an authorized account's authorizer_access_token
 * (`authorizer`, keyed by its AppID), each fetched once per cluster under the same refresh lock.
 */
export type TokenKind = TokenSource | 'component' | 'authorizer';

export interface StoredToken {
  appId: string;
  source: TokenKind;
  /** The access_token itself; a secret, never logged. */
  token: string;
  /** Milliseconds since the epoch, on the clock of the process that fetched it. */
  obtainedAt: number;
  expiresAt: number;
}

export interface TokenStore {
  load(appId: string, source: TokenKind): Promise<StoredToken | undefined>;
  save(token: StoredToken): Promise<void>;
  /** Forget the token only if it is still `token`, so a newer one saved meanwhile survives. */
  discard(appId: string, source: TokenKind, token: string): Promise<void>;
  /**
   * Runs `refresh` while holding the app's refresh lock across every process sharing this store (a
   * store shared by several nodes): one node fetches, the others wait and then find its token stored.
   * Absent for a store one process owns; that process's broker refreshes one at a time already.
   */
  underRefreshLock?<T>(appId: string, source: TokenKind, refresh: () => Promise<T>): Promise<T>;
}
