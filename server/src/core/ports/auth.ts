// Ports: who may call the REST API. API tokens (for integrations) and login accounts with their sessions
// (for people: agents, supervisors, merchant admins, platform admins). Secrets never reach a store in the clear: tokens
// and session tokens are kept as SHA-256 hashes, passwords as scrypt hashes. Not part of the engine's unit
// of work: authentication reads and writes these on its own, before any use case runs.

export type Role = 'platform_admin' | 'merchant_admin' | 'supervisor' | 'agent';

export const ROLES: readonly Role[] = ['platform_admin', 'merchant_admin', 'supervisor', 'agent'];

/**
 * What a token or an account may do. A merchant admin is bound to one merchant of one channel. A supervisor
 * to one channel and, optionally, one merchant (none: the channel's platform team and every merchant); it
 * watches and reassigns conversations and reads reports, and changes no settings. An agent login to one or
 * more agent records (one per channel: an agent working in several channels with one login), whose channel
 * and merchant are read from the agent at every request (so a login can never outlive a change of the
 * agent's team).
 */
export type Grant =
  | { role: 'platform_admin' }
  | { role: 'merchant_admin'; channelId: string; merchantId: string }
  | { role: 'supervisor'; channelId: string; merchantId?: string }
  | { role: 'agent'; agentId: string; agentIds?: readonly string[] };

/** Every agent record an agent grant works as: `agentIds` when linked to several (agentId first), else agentId. */
export const grantAgentIds = (g: { agentId: string; agentIds?: readonly string[] | undefined }): readonly string[] =>
  g.agentIds && g.agentIds.length > 0 ? g.agentIds : [g.agentId];

export interface ApiToken {
  id: string;
  /** What the operator called it ("crm sync"); shown in lists. */
  name: string;
  grant: Grant;
  /** Hex SHA-256 of the whole token; the token itself is shown once and never stored. */
  tokenHash: string;
  createdAt: number;
  lastUsedAt?: number;
  revokedAt?: number;
}

export interface ApiTokenStore {
  add(token: ApiToken): Promise<void>;
  get(id: string): Promise<ApiToken | undefined>;
  findByHash(tokenHash: string): Promise<ApiToken | undefined>;
  /** Oldest first, revoked ones included (the list is the audit trail). */
  list(): Promise<ApiToken[]>;
  /** False when there is no such token or it was already revoked. */
  revoke(id: string, at: number): Promise<boolean>;
  touch(id: string, at: number): Promise<void>;
}

export interface LoginAccount {
  id: string;
  /** Lower case; unique. */
  username: string;
  /** `scrypt$N$r$p$salt$hash` (see security/scrypt-password-hasher.ts). */
  passwordHash: string;
  grant: Grant;
  createdAt: number;
  passwordChangedAt: number;
}

export interface AccountStore {
  /** False when the username is taken. */
  add(account: LoginAccount): Promise<boolean>;
  get(id: string): Promise<LoginAccount | undefined>;
  findByUsername(username: string): Promise<LoginAccount | undefined>;
  /** Oldest first. */
  list(): Promise<LoginAccount[]>;
  setPassword(id: string, passwordHash: string, at: number): Promise<void>;
  /** What the login may do from its next request on (a supervisor's scope, an agent's agents); false when there is no such account. */
  setGrant(id: string, grant: Grant): Promise<boolean>;
  /** False when there is no such account. Its sessions go with it. */
  remove(id: string): Promise<boolean>;
}

export interface LoginSession {
  /** Hex SHA-256 of the session token. */
  tokenHash: string;
  accountId: string;
  createdAt: number;
  expiresAt: number;
}

export interface SessionStore {
  add(session: LoginSession): Promise<void>;
  find(tokenHash: string): Promise<LoginSession | undefined>;
  remove(tokenHash: string): Promise<void>;
  /** Ends every session of the account (password changed, account removed). */
  removeByAccount(accountId: string): Promise<void>;
  /** Housekeeping; returns how many were removed. */
  removeExpired(now: number): Promise<number>;
}

export interface AuthStores {
  tokens: ApiTokenStore;
  accounts: AccountStore;
  sessions: SessionStore;
}
