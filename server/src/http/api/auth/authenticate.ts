// From `Authorization: Bearer …` to a Principal. API tokens and session tokens are told apart by their
// prefix and looked up by hash. Agent grants are resolved against the agent record on every request, so
// a removed agent's login stops working at once and its merchant is always the agent's current one.
import type { AuthStores, Grant } from '../../../core/ports/auth';
import type { Clock } from '../../../core/ports/clock';
import type { UnitOfWork } from '../../../core/ports/unit-of-work';
import { unauthenticated } from '../../../app/errors';
import type { Principal, Via } from './principal';
import { API_TOKEN_PREFIX, SESSION_TOKEN_PREFIX, hashSecret } from './secrets';

export interface AuthenticateDeps {
  stores: AuthStores;
  uow: UnitOfWork;
  clock: Clock;
}

/** Writing lastUsedAt on every request would turn reads into writes; once a minute is enough to audit. */
const TOUCH_EVERY_MS = 60_000;

export function bearerOf(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

export async function authenticate(deps: AuthenticateDeps, header: string | undefined): Promise<Principal> {
  const secret = bearerOf(header);
  if (secret === undefined) throw unauthenticated();
  const found = secret.startsWith(API_TOKEN_PREFIX) ? await fromApiToken(deps, secret) : secret.startsWith(SESSION_TOKEN_PREFIX) ? await fromSession(deps, secret) : undefined;
  if (!found) throw unauthenticated('invalid or expired token');
  const principal = await principalOf(deps.uow, found.grant, found.via);
  if (!principal) throw unauthenticated('the agent of this login no longer exists');
  return principal;
}

async function fromApiToken(deps: AuthenticateDeps, secret: string): Promise<{ grant: Grant; via: Via } | undefined> {
  const token = await deps.stores.tokens.findByHash(hashSecret(secret));
  if (!token || token.revokedAt !== undefined) return undefined;
  const now = deps.clock.now();
  if (token.lastUsedAt === undefined || now - token.lastUsedAt >= TOUCH_EVERY_MS) await deps.stores.tokens.touch(token.id, now);
  return { grant: token.grant, via: { kind: 'token', tokenId: token.id } };
}

async function fromSession(deps: AuthenticateDeps, secret: string): Promise<{ grant: Grant; via: Via } | undefined> {
  const tokenHash = hashSecret(secret);
  const session = await deps.stores.sessions.find(tokenHash);
  if (!session) return undefined;
  if (session.expiresAt <= deps.clock.now()) {
    await deps.stores.sessions.remove(tokenHash);
    return undefined;
  }
  const account = await deps.stores.accounts.get(session.accountId);
  return account && { grant: account.grant, via: { kind: 'session', accountId: account.id, tokenHash } };
}

async function principalOf(uow: UnitOfWork, grant: Grant, via: Via): Promise<Principal | undefined> {
  if (grant.role !== 'agent') return { ...grant, via };
  const agent = await uow.run((tx) => tx.agents.get(grant.agentId));
  if (!agent) return undefined;
  return { role: 'agent', channelId: agent.channelId, ...(agent.merchantId !== undefined && { merchantId: agent.merchantId }), agentId: agent.id, via };
}
