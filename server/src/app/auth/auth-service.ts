// The authentication stories, independent of HTTP so the CLI shares them: log in (with the guessing
// throttle), log out, find who a bearer secret belongs to, issue and revoke API tokens, create accounts
// and set passwords. Built once by the composition root; hashing and minting come in through ports.
import type { ApiToken, AuthStores, Grant, LoginAccount } from '../../core/ports/auth';
import type { Clock } from '../../core/ports/clock';
import type { PasswordHasher, SecretMinter } from '../../core/ports/credentials';
import type { IdGenerator } from '../../core/ports/id-generator';
import type { UnitOfWork } from '../../core/ports/unit-of-work';
import { ApiError, conflict, notFound } from '../errors';
import { authenticate, mustNotBeArchived } from './authenticate';
import type { LoginGate } from './login-throttle';
import type { Principal } from './principal';

export const DEFAULT_SESSION_TTL_MS = 12 * 60 * 60_000;
export const API_TOKEN_PREFIX = 'kft_';
export const SESSION_TOKEN_PREFIX = 'kfs_';

export interface AuthServiceDeps {
  stores: AuthStores;
  /** Agent logins are resolved against the agent record. */
  uow: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
  passwords: PasswordHasher;
  secrets: SecretMinter;
  sessionTtlMs?: number;
  /** Counts attempts: in memory (LoginThrottle), or shared by the nodes (SharedLoginThrottle). */
  throttle?: LoginGate;
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
    // Counted before the check, so concurrent guesses cannot all slip past the gate together.
    const wait = (await this.deps.throttle?.reserve(username, ip, now)) ?? 0;
    if (wait > 0) throw new TooManyAttempts(wait);
    const account = await this.deps.stores.accounts.findByUsername(username);
    const ok = account ? await this.deps.passwords.verify(password, account.passwordHash) : await this.deps.passwords.burn(password);
    if (!account || !ok) throw new ApiError(401, 'invalid_credentials', 'wrong username or password');
    await this.deps.throttle?.recordSuccess(username, ip);
    if (account.grant.role === 'agent') await mustNotBeArchived(this.deps.uow, account.grant);
    const token = this.deps.secrets.mint(SESSION_TOKEN_PREFIX);
    const expiresAt = now + (this.deps.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS);
    await this.deps.stores.sessions.add({ tokenHash: this.deps.secrets.hash(token), accountId: account.id, createdAt: now, expiresAt });
    return { token, expiresAt, account };
  }

  logout(tokenHash: string): Promise<void> {
    return this.deps.stores.sessions.remove(tokenHash);
  }

  /** Ends the session of this session token (a no-op for an unknown one). */
  logoutToken(token: string): Promise<void> {
    return this.logout(this.deps.secrets.hash(token));
  }

  /** Who an API token or session token belongs to; 401 when it is unknown, expired or revoked. */
  authenticate(secret: string | undefined): Promise<Principal> {
    return authenticate({ ...this.deps, prefixes: { api: API_TOKEN_PREFIX, session: SESSION_TOKEN_PREFIX } }, secret);
  }

  /** The token is returned here once; only its hash is kept. */
  async createApiToken(name: string, grant: Grant): Promise<{ token: string; record: ApiToken }> {
    const token = this.deps.secrets.mint(API_TOKEN_PREFIX);
    const record: ApiToken = {
      id: this.deps.ids.next('tok'),
      name,
      grant,
      tokenHash: this.deps.secrets.hash(token),
      createdAt: this.deps.clock.now(),
    };
    await this.deps.stores.tokens.add(record);
    return { token, record };
  }

  /** 404 when there is no such token; false when it was revoked already. */
  async revokeApiToken(id: string): Promise<boolean> {
    if (!(await this.deps.stores.tokens.get(id))) throw notFound(`token ${id}`);
    return this.deps.stores.tokens.revoke(id, this.deps.clock.now());
  }

  async createAccount(rawUsername: string, password: string, grant: Grant): Promise<LoginAccount> {
    const now = this.deps.clock.now();
    const account: LoginAccount = {
      id: this.deps.ids.next('acc'),
      username: normalizeUsername(rawUsername),
      passwordHash: await this.deps.passwords.hash(password),
      grant,
      createdAt: now,
      passwordChangedAt: now,
    };
    if (!(await this.deps.stores.accounts.add(account))) throw conflict('username_taken', `username ${account.username} is taken`);
    return account;
  }

  /** The first platform admin, on a server without any login yet; undefined when there are logins already. */
  async createFirstAdmin(username: string, password: string): Promise<LoginAccount | undefined> {
    if ((await this.deps.stores.accounts.list()).length > 0) return undefined;
    return this.createAccount(username, password, { role: 'platform_admin' });
  }

  /** Every session of the account ends: whoever knew the old password is logged out. */
  async setPassword(accountId: string, password: string): Promise<void> {
    if (!(await this.deps.stores.accounts.get(accountId))) throw notFound(`account ${accountId}`);
    await this.deps.stores.accounts.setPassword(accountId, await this.deps.passwords.hash(password), this.deps.clock.now());
    await this.deps.stores.sessions.removeByAccount(accountId);
  }

  /** A logged-in person changes their own password, proving the current one first. */
  async changeOwnPassword(accountId: string, currentPassword: string, newPassword: string): Promise<void> {
    const account = await this.deps.stores.accounts.get(accountId);
    if (!account || !(await this.deps.passwords.verify(currentPassword, account.passwordHash)))
      throw new ApiError(403, 'wrong_password', 'the current password is wrong');
    await this.setPassword(account.id, newPassword);
  }
}

export class TooManyAttempts extends ApiError {
  constructor(readonly retryAfterMs: number) {
    super(429, 'too_many_attempts', `too many failed logins; retry in ${Math.ceil(retryAfterMs / 1000)} s`);
  }
}
