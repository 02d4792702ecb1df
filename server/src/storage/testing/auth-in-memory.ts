// The auth ports in memory, for tests and for trying the API without a database.
import type { ApiToken, ApiTokenStore, AccountStore, AuthStores, LoginAccount, LoginSession, SessionStore } from '../../core/ports/auth';

const copy = <T>(value: T): T => structuredClone(value);

class InMemoryTokens implements ApiTokenStore {
  readonly rows = new Map<string, ApiToken>();
  async add(t: ApiToken) {
    this.rows.set(t.id, copy(t));
  }
  async get(id: string) {
    return copy(this.rows.get(id));
  }
  async findByHash(hash: string) {
    return copy([...this.rows.values()].find((t) => t.tokenHash === hash));
  }
  async list() {
    return [...this.rows.values()].sort((a, b) => a.createdAt - b.createdAt).map(copy);
  }
  async revoke(id: string, at: number) {
    const t = this.rows.get(id);
    if (!t || t.revokedAt !== undefined) return false;
    t.revokedAt = at;
    return true;
  }
  async touch(id: string, at: number) {
    const t = this.rows.get(id);
    if (t) t.lastUsedAt = at;
  }
}

class InMemoryAccounts implements AccountStore {
  readonly rows = new Map<string, LoginAccount>();
  constructor(private readonly onRemove: (id: string) => Promise<void>) {}
  async add(a: LoginAccount) {
    if ([...this.rows.values()].some((x) => x.username === a.username)) return false;
    this.rows.set(a.id, copy(a));
    return true;
  }
  async get(id: string) {
    return copy(this.rows.get(id));
  }
  async findByUsername(username: string) {
    return copy([...this.rows.values()].find((a) => a.username === username));
  }
  async list() {
    return [...this.rows.values()].sort((a, b) => a.createdAt - b.createdAt).map(copy);
  }
  async setPassword(id: string, passwordHash: string, at: number) {
    const a = this.rows.get(id);
    if (a) Object.assign(a, { passwordHash, passwordChangedAt: at });
  }
  async setGrant(id: string, grant: LoginAccount['grant']) {
    const a = this.rows.get(id);
    if (a) a.grant = structuredClone(grant);
    return a !== undefined;
  }
  async remove(id: string) {
    if (!this.rows.delete(id)) return false;
    await this.onRemove(id);
    return true;
  }
}

class InMemorySessions implements SessionStore {
  readonly rows = new Map<string, LoginSession>();
  async add(s: LoginSession) {
    this.rows.set(s.tokenHash, copy(s));
  }
  async find(hash: string) {
    return copy(this.rows.get(hash));
  }
  async remove(hash: string) {
    this.rows.delete(hash);
  }
  async removeByAccount(accountId: string) {
    for (const [k, s] of this.rows) if (s.accountId === accountId) this.rows.delete(k);
  }
  async removeExpired(now: number) {
    let n = 0;
    for (const [k, s] of this.rows) if (s.expiresAt <= now && this.rows.delete(k)) n += 1;
    return n;
  }
}

export function inMemoryAuthStores(): AuthStores & { tokens: InMemoryTokens; accounts: InMemoryAccounts; sessions: InMemorySessions } {
  const sessions = new InMemorySessions();
  return { tokens: new InMemoryTokens(), accounts: new InMemoryAccounts((id) => sessions.removeByAccount(id)), sessions };
}
