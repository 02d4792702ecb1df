// From a bearer secret to a Principal. API tokens and session tokens are told apart by their prefix and
// looked up by hash. Agent grants are resolved against the agent records on every request, so a removed
// or archived agent's login stops working at once (in that channel; a login linked to several agents keeps the others)
// and its merchant is always the agent's current one.
import { grantAgentIds, type AuthStores, type Grant } from '../../core/ports/auth';
import type { Clock } from '../../core/ports/clock';
import type { SecretMinter } from '../../core/ports/credentials';
import type { UnitOfWork } from '../../core/ports/unit-of-work';
import { ApiError, unauthenticated } from '../errors';
import type { AgentSeat, Principal, Via } from './principal';

export interface AuthenticateDeps {
  stores: AuthStores;
  uow: UnitOfWork;
  clock: Clock;
  secrets: SecretMinter;
  prefixes: { api: string; session: string };
}

/** Writing lastUsedAt on every request would turn reads into writes; once a minute is enough to audit. */
const TOUCH_EVERY_MS = 60_000;

export async function authenticate(deps: AuthenticateDeps, secret: string | undefined): Promise<Principal> {
  if (secret === undefined) throw unauthenticated();
  const found = secret.startsWith(deps.prefixes.api)
    ? await fromApiToken(deps, secret)
    : secret.startsWith(deps.prefixes.session)
      ? await fromSession(deps, secret)
      : undefined;
  if (!found) throw unauthenticated('invalid or expired token');
  const principal = await principalOf(deps.uow, found.grant, found.via);
  if (!principal) throw unauthenticated('the agent of this login no longer exists');
  return principal;
}

async function fromApiToken(deps: AuthenticateDeps, secret: string): Promise<{ grant: Grant; via: Via } | undefined> {
  const token = await deps.stores.tokens.findByHash(deps.secrets.hash(secret));
  if (!token || token.revokedAt !== undefined) return undefined;
  const now = deps.clock.now();
  // Bookkeeping, not the request's business: written in the background, so a busy database (a moment's hold
  // on the write lock, another process) neither delays nor fails the request; the next use writes it again.
  if (token.lastUsedAt === undefined || now - token.lastUsedAt >= TOUCH_EVERY_MS)
    void deps.stores.tokens.touch(token.id, now).catch(() => undefined);
  return { grant: token.grant, via: { kind: 'token', tokenId: token.id } };
}

async function fromSession(deps: AuthenticateDeps, secret: string): Promise<{ grant: Grant; via: Via } | undefined> {
  const tokenHash = deps.secrets.hash(secret);
  const session = await deps.stores.sessions.find(tokenHash);
  if (!session) return undefined;
  if (session.expiresAt <= deps.clock.now()) {
    void deps.stores.sessions.remove(tokenHash).catch(() => undefined); // clean-up, as above; refused either way
    return undefined;
  }
  const account = await deps.stores.accounts.get(session.accountId);
  return account && { grant: account.grant, via: { kind: 'session', accountId: account.id, tokenHash } };
}

/** An archived agent's logins and tokens stop working at once (app/admin/archive.ts); unarchiving restores them. */
export const archivedAgent = () => new ApiError(403, 'agent_archived', 'this agent has been archived; an admin may unarchive it');

/**
 * Logging in is refused with the same answer when every agent of the login is archived; a login linked
 * to agents in several channels keeps working in the channels whose agent is not (seats.ts refuses the rest).
 */
export async function mustNotBeArchived(uow: UnitOfWork, grant: Grant & { role: 'agent' }): Promise<void> {
  const agents = await uow.run((tx) => Promise.all(grantAgentIds(grant).map((id) => tx.agents.get(id))));
  const present = agents.filter((a) => a !== undefined);
  if (present.length > 0 && present.every((a) => a.archivedAt !== undefined)) throw archivedAgent();
}

/** An agent grant's seats: its agents that exist and are not archived, and the channels of those that are archived. */
async function principalOf(uow: UnitOfWork, grant: Grant, via: Via): Promise<Principal | undefined> {
  if (grant.role !== 'agent') return { ...grant, via };
  const seats: AgentSeat[] = [];
  const archivedChannels: string[] = [];
  await uow.run(async (tx) => {
    for (const agentId of grantAgentIds(grant)) {
      const agent = await tx.agents.get(agentId);
      if (!agent) continue;
      if (agent.archivedAt !== undefined) archivedChannels.push(agent.channelId);
      else
        seats.push({
          agentId: agent.id,
          channelId: agent.channelId,
          ...(agent.merchantId !== undefined && { merchantId: agent.merchantId }),
        });
    }
  });
  const first = seats[0];
  if (!first && archivedChannels.length > 0) throw archivedAgent();
  return first && { role: 'agent', ...first, seats, ...(archivedChannels.length > 0 && { archivedChannels }), via };
}
