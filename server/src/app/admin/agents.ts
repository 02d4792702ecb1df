// Agents: admins create and change the agents of their merchant; everyone reads the agents of their
// merchant (agents need them as transfer targets). The one "create an agent" of the REST API and the
// command line. Status changes go through the engine (queue moves).
import type { Agent, AgentStatus } from '../../core/model/agent';
import { changeAgentStatus, type AgentStatusResult } from '../change-agent-status';
import { merchantFilter, merchantForNew, mustAdminister } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { conflict, forbidden } from '../errors';
import type { EngineDeps } from '../support/engine-deps';
import type { AdminDeps } from './admin-deps';
import { recordChange, recordOf } from '../support/audit';
import { agentInReach, channelInReach, mustBeMerchantOf, mustShareScope } from './reach';

export interface NewAgent {
  /** Platform admins choose; merchant admins always create in their own merchant. */
  merchantId?: string | undefined;
  name: string;
  maxConcurrent: number;
  groupIds: string[];
  status: AgentStatus;
  wechatOpenid?: string | undefined;
  /** May transfer and end colleagues' conversations. */
  canActOnColleagues?: boolean | undefined;
}

export interface AgentChange {
  name?: string | undefined;
  maxConcurrent?: number | undefined;
  groupIds?: string[] | undefined;
  /** null removes it. */
  wechatOpenid?: string | null | undefined;
  canActOnColleagues?: boolean | undefined;
}

/** An agent as admins and colleagues see it: the engine's memory of an agent answering from WeChat stays inside. */
export type AgentView = Omit<Agent, 'wechatMemory'>;

function view({ wechatMemory: _engine, ...agent }: Agent): AgentView {
  return agent;
}

export async function listAgents(deps: AdminDeps, p: Principal, channelId: string, merchantId?: string): Promise<AgentView[]> {
  await channelInReach(deps, p, channelId);
  const filter = merchantFilter(p, channelId, merchantId);
  const agents = await deps.uow.run((tx) =>
    filter ? tx.agents.listByMerchant(channelId, filter.merchantId) : tx.agents.listByChannel(channelId),
  );
  return agents.map(view);
}

export async function createAgent(deps: AdminDeps, p: Principal, channelId: string, input: NewAgent): Promise<AgentView> {
  await channelInReach(deps, p, channelId);
  const merchantId = merchantForNew(p, channelId, input.merchantId);
  await mustBeMerchantOf(deps, channelId, merchantId);
  const { merchantId: _m, wechatOpenid, canActOnColleagues, ...fields } = input;
  const record: Agent = {
    id: deps.ids.next('agt'),
    channelId,
    ...(merchantId !== undefined && { merchantId }),
    ...fields,
    ...(wechatOpenid !== undefined && { wechatOpenid }),
    ...(canActOnColleagues === true && { canActOnColleagues }),
    statusChangedAt: deps.clock.now(),
  };
  await mustShareScope(deps, record, { groupIds: record.groupIds });
  await deps.uow.run(async (tx) => {
    await tx.agents.save(record);
    await recordChange(deps, p, recordOf('agent', 'create', undefined, record), tx);
  });
  return record;
}

export const readAgent = async (deps: AdminDeps, p: Principal, agentId: string): Promise<AgentView> =>
  view(await agentInReach(deps, p, agentId));

export async function changeAgent(deps: AdminDeps, p: Principal, agentId: string, change: AgentChange): Promise<AgentView> {
  const current = await agentInReach(deps, p, agentId);
  mustAdminister(p, current, `agent ${current.id}`);
  const { wechatOpenid, ...fields } = change;
  const next: Agent = { ...current, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) };
  if (wechatOpenid === null) delete next.wechatOpenid;
  else if (wechatOpenid !== undefined) next.wechatOpenid = wechatOpenid;
  if (next.canActOnColleagues === false) delete next.canActOnColleagues;
  await mustShareScope(deps, next, { groupIds: next.groupIds });
  // Saved inside one unit that re-reads the agent, so a status change meanwhile is not undone.
  await deps.uow.run(async (tx) => {
    const fresh = await tx.agents.get(current.id);
    // The WeChat memory is the engine's; a new openid is a new person, who starts afresh.
    const { wechatMemory: _stale, ...rest } = next;
    const memory =
      fresh?.wechatMemory !== undefined && fresh.wechatOpenid === next.wechatOpenid ? { wechatMemory: fresh.wechatMemory } : {};
    await tx.agents.save({
      ...rest,
      ...memory,
      status: fresh?.status ?? next.status,
      statusChangedAt: fresh?.statusChangedAt ?? next.statusChangedAt,
    });
    await recordChange(deps, p, recordOf('agent', 'change', view(current), view(next)), tx);
  });
  return view(next);
}

/** Admins set the status of their merchant's agents; agents only their own. */
export async function setAgentStatus(
  deps: AdminDeps,
  engine: EngineDeps,
  p: Principal,
  agentId: string,
  status: AgentStatus,
): Promise<AgentStatusResult> {
  const target = await agentInReach(deps, p, agentId);
  if (p.role === 'agent' && p.agentId !== target.id) throw forbidden('agents may only set their own status');
  if (target.archivedAt !== undefined) throw conflict('agent_archived', `agent ${target.id} is archived; unarchive it first`);
  return changeAgentStatus(engine, { agentId: target.id, status });
}
