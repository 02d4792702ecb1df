// Who may hand out which grant (tokens, accounts), and whose grant a merchant admin may see: platform
// admins any; merchant admins only inside their merchant (its admins, supervisors and agents); supervisors
// and agents none. A login linked to several agents needs its agents in distinct channels (the workbench
// acts as one agent per channel).
import { grantAgentIds, type Grant } from '../../core/ports/auth';
import { mustReach } from '../auth/policy';
import type { Principal, Scoped } from '../auth/principal';
import { badRequest, forbidden } from '../errors';
import type { AdminDeps } from './admin-deps';
import { mustBeMerchantOf } from './reach';

type Deps = Pick<AdminDeps, 'uow'>;

/** The agents of an agent grant, each existing and in its own channel. */
async function agentsOf(deps: Deps, grant: Grant & { role: 'agent' }) {
  const ids = grantAgentIds(grant);
  if (!ids.includes(grant.agentId)) throw badRequest('grant.agentIds: must include grant.agentId');
  const agents = await deps.uow.run(async (tx) => Promise.all(ids.map((id) => tx.agents.get(id))));
  const channels = new Set<string>();
  return agents.map((agent, i) => {
    if (!agent) throw badRequest(`grant.agentIds: no agent ${ids[i]}`);
    if (channels.has(agent.channelId)) throw badRequest(`grant.agentIds: two agents of channel ${agent.channelId}; link one per channel`);
    channels.add(agent.channelId);
    return agent;
  });
}

/** One way to keep a grant: an agent linked to one agent record has no agentIds; else agentId comes first. */
export function normalGrant(g: Grant): Grant {
  if (g.role !== 'agent') return g;
  const ids = [...new Set([g.agentId, ...grantAgentIds(g)])];
  return ids.length > 1 ? { role: 'agent', agentId: g.agentId, agentIds: ids } : { role: 'agent', agentId: g.agentId };
}

export async function mustGrant(deps: Deps, p: Principal, grant: Grant): Promise<void> {
  if (p.role === 'agent') throw forbidden('agents may not grant access');
  if (p.role === 'supervisor') throw forbidden('supervisors may not grant access');
  if (grant.role === 'platform_admin') {
    if (p.role !== 'platform_admin') throw forbidden('only platform admins may grant platform_admin');
    return;
  }
  if (grant.role === 'merchant_admin' || grant.role === 'supervisor') {
    await mustBeMerchantOf(deps, grant.channelId, grant.merchantId);
    if (grant.merchantId === undefined && p.role !== 'platform_admin') throw forbidden('only platform admins may grant a whole channel');
    mustReach(p, grant, `merchant ${grant.merchantId}`);
    return;
  }
  for (const agent of await agentsOf(deps, grant)) mustReach(p, agent, `agent ${agent.id}`);
}

/**
 * The places a grant reaches, to decide whether a merchant admin may see or change an existing token or
 * account (it must reach them all); undefined for a platform admin's.
 */
export async function grantScope(deps: Deps, grant: Grant): Promise<Scoped[] | undefined> {
  if (grant.role === 'merchant_admin' || grant.role === 'supervisor') return [grant];
  if (grant.role === 'platform_admin') return undefined;
  const ids = grantAgentIds(grant);
  const agents = await deps.uow.run(async (tx) => Promise.all(ids.map((id) => tx.agents.get(id))));
  return agents.filter((a) => a !== undefined);
}
