// TokenStore in memory, for tests that are not about persistence (the outbound WeChat tests). Behaves like
// SqliteTokenStore: both pass contract/token-store-contract.ts.
import type { StoredToken, TokenKind, TokenStore } from '../../core/ports/token-store';

export class InMemoryTokenStore implements TokenStore {
  readonly tokens = new Map<string, StoredToken>();
  async load(appId: string, source: TokenKind) {
    return this.tokens.get(`${appId}/${source}`);
  }
  async save(t: StoredToken) {
    this.tokens.set(`${t.appId}/${t.source}`, t);
  }
  async discard(appId: string, source: TokenKind, token: string) {
    if (this.tokens.get(`${appId}/${source}`)?.token === token) this.tokens.delete(`${appId}/${source}`);
  }
}
