// The authentication stories, independent of HTTP so the CLI shares them: log in (with the guessing
// throttle), log out, issue and revoke API tokens, create accounts and set passwords.
import type { ApiToken, AuthStores, Grant, LoginAccount } from '../../../core/ports/auth';
import type { Clock } from '../../../core/ports/clock';
import { ApiError, conflict, notFound } from '../../../app/errors';
import type { LoginThrottle } from './login-throttle';
import { burnPasswordCheck, hashPassword, verifyPassword, type ScryptCost } from './password';
import { API_TOKEN_PREFIX, SESSION_TOKEN_PREFIX, hashSecret, newId, newSecret, type RandomBytes } from './secrets';

export const DEFAULT_SESSION_TTL_MS = 12 * 60 * 60_000;

export interface AuthServiceDeps {
  stores: AuthStores;
  clock: Clock;
  random?: RandomBytes;
  passwordCost?: ScryptCost;
  sessionTtlMs?: number;
  throttle?: LoginThrottle;
}

export interface LoginResult {
  token: string;
  expiresAt: number;
  account: LoginAccount;
}

export const normalizeUsername = (u: string) => u.trim().toLowerCase();

export class AuthService {
  constructor(private readonly deps: AuthServiceDeps) {}

  get stores(): AuthStores {
    return this.deps.stores;
  }

  /** One answer for an unknown user and a wrong password, in the same time. */
  async login(rawUsername: string, password: string, ip: string): Promise<LoginResult> {
    const username = normalizeUsername(rawUsername);
    const now = this.deps.clock.now();
    const wait = this.deps.throttle?.retryAfter(username, ip, now) ?? 0;
    if (wait > 0) throw new TooManyAttempts(wait);
    const account = await this.deps.stores.accounts.findByUsername(username);
    const ok = account ? await verifyPassword(password, account.passwordHash) : await burnPasswordCheck(password, this.deps.passwordCost);
    if (!account || !ok) {
      this.deps.throttle?.recordFailure(username, ip, now);
      throw new ApiError(401, 'invalid_credentials', 'wrong username or password');
    }
    this.deps.throttle?.recordSuccess(username);
    const token = newSecret(SESSION_TOKEN_PREFIX, this.deps.random);
    const expiresAt = now + (this.deps.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS);
    await this.deps.stores.sessions.add({ tokenHash: hashSecret(token), accountId: account.id, createdAt: now, expiresAt });
    return { token, expiresAt, account };
  }

  logout(tokenHash: string): Promise<void> {
    return this.deps.stores.sessions.remove(tokenHash);
  }

  /** The token is returned here once; only its hash is kept. */
  async createApiToken(name: string, grant: Grant): Promise<{ token: string; record: ApiToken }> {
    const token = newSecret(API_TOKEN_PREFIX, this.deps.random);
    const record: ApiToken = { id: newId('tok', this.deps.random), name, grant, tokenHash: hashSecret(token), createdAt: this.deps.clock.now() };
    await this.deps.stores.tokens.add(record);
    return { token, record };
  }

  async revokeApiToken(id: string): Promise<void> {
    if (!(await this.deps.stores.tokens.get(id))) throw notFound(`token ${id}`);
    await this.deps.stores.tokens.revoke(id, this.deps.clock.now());
  }

  async createAccount(rawUsername: string, password: string, grant: Grant): Promise<LoginAccount> {
    const now = this.deps.clock.now();
    const account: LoginAccount = {
      id: newId('acc', this.deps.random),
      username: normalizeUsername(rawUsername),
      passwordHash: await hashPassword(password, this.deps.passwordCost),
      grant,
      createdAt: now,
      passwordChangedAt: now,
    };
    if (!(await this.deps.stores.accounts.add(account))) throw conflict('username_taken', `username ${account.username} is taken`);
    return account;
  }

  /** Every session of the account ends: whoever knew the old password is logged out. */
  async setPassword(accountId: string, password: string): Promise<void> {
    if (!(await this.deps.stores.accounts.get(accountId))) throw notFound(`account ${accountId}`);
    await this.deps.stores.accounts.setPassword(accountId, await hashPassword(password, this.deps.passwordCost), this.deps.clock.now());
    await this.deps.stores.sessions.removeByAccount(accountId);
  }
}

export class TooManyAttempts extends ApiError {
  constructor(readonly retryAfterMs: number) {
    super(429, 'too_many_attempts', `too many failed logins; retry in ${Math.ceil(retryAfterMs / 1000)} s`);
  }
}
