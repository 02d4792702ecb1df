// Skill groups and their members. Membership lives on the agent (Agent.groupIds); a group never holds an
// agent of another merchant.
import type { Agent } from '../../core/model/agent';
import type { RoutingSettingsPatch } from '../../core/model/routing-settings';
import type { SkillGroup } from '../../core/model/skill-group';
import { merchantFilter, merchantForNew, mustAdminister } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { badRequest } from '../errors';
import type { AdminDeps } from './admin-deps';
import { recordChange, recordOf } from '../support/audit';
import { agentInReach, channelInReach, mustBeMerchantOf, mustShareScope, recordInReach } from './reach';

export interface NewGroup {
  merchantId?: string | undefined;
  name: string;
  calendarId?: string | undefined;
  settings?: RoutingSettingsPatch | undefined;
}

/** null removes the calendar or the settings; undefined keeps them. */
export interface GroupChange {
  name?: string | undefined;
  calendarId?: string | null | undefined;
  settings?: RoutingSettingsPatch | null | undefined;
}

async function adminGroup(deps: AdminDeps, p: Principal, groupId: string): Promise<SkillGroup> {
  const g = await recordInReach(deps, p, 'groups', groupId);
  mustAdminister(p, g, `group ${g.id}`);
  return g;
}

export async function listGroups(deps: AdminDeps, p: Principal, channelId: string, merchantId?: string): Promise<SkillGroup[]> {
  await channelInReach(deps, p, channelId);
  const filter = merchantFilter(p, channelId, merchantId);
  const merchants = filter
    ? [filter.merchantId]
    : [undefined, ...(await deps.uow.run((tx) => tx.merchants.listByChannel(channelId))).map((m) => m.id)];
  return deps.uow.run(async (tx) => (await Promise.all(merchants.map((m) => tx.groups.listByMerchant(channelId, m)))).flat());
}

export async function createGroup(deps: AdminDeps, p: Principal, channelId: string, input: NewGroup): Promise<SkillGroup> {
  await channelInReach(deps, p, channelId);
  const merchantId = merchantForNew(p, channelId, input.merchantId);
  await mustBeMerchantOf(deps, channelId, merchantId);
  const record: SkillGroup = {
    id: deps.ids.next('grp'),
    channelId,
    ...(merchantId !== undefined && { merchantId }),
    name: input.name,
    ...(input.calendarId !== undefined && { calendarId: input.calendarId }),
    ...(input.settings && { settings: input.settings }),
  };
  await mustShareScope(deps, record, { calendarIds: [record.calendarId, record.settings?.calendarId] });
  await deps.uow.run(async (tx) => {
    await tx.groups.save(record);
    await recordChange(deps, p, recordOf('group', 'create', undefined, record), tx);
  });
  return record;
}

export const readGroup = (deps: AdminDeps, p: Principal, groupId: string): Promise<SkillGroup> => recordInReach(deps, p, 'groups', groupId);

export async function changeGroup(deps: AdminDeps, p: Principal, groupId: string, change: GroupChange): Promise<SkillGroup> {
  const before = await adminGroup(deps, p, groupId);
  const next: SkillGroup = { ...before };
  if (change.name !== undefined) next.name = change.name;
  if (change.calendarId === null) delete next.calendarId;
  else if (change.calendarId !== undefined) next.calendarId = change.calendarId;
  if (change.settings === null) delete next.settings;
  else if (change.settings !== undefined) next.settings = change.settings;
  await mustShareScope(deps, next, { calendarIds: [next.calendarId, next.settings?.calendarId] });
  await deps.uow.run(async (tx) => {
    await tx.groups.save(next);
    await recordChange(deps, p, recordOf('group', 'change', before, next), tx);
  });
  return next;
}

export async function groupMembers(deps: AdminDeps, p: Principal, groupId: string): Promise<Agent[]> {
  const g = await recordInReach(deps, p, 'groups', groupId);
  const agents = await deps.uow.run((tx) => tx.agents.listByMerchant(g.channelId, g.merchantId));
  return agents.filter((a) => a.groupIds.includes(g.id));
}

/** Adds the agent to the group or removes it; answers the agent as saved. */
export async function setMembership(deps: AdminDeps, p: Principal, groupId: string, agentId: string, member: boolean): Promise<Agent> {
  const g = await adminGroup(deps, p, groupId);
  const a = await agentInReach(deps, p, agentId);
  if (a.channelId !== g.channelId || (a.merchantId ?? '') !== (g.merchantId ?? ''))
    throw badRequest(`agent ${a.id} is not in the group’s merchant`);
  return deps.uow.run(async (tx) => {
    const fresh = (await tx.agents.get(a.id)) ?? a;
    const groupIds = fresh.groupIds.filter((x) => x !== g.id).concat(member ? [g.id] : []);
    const next = { ...fresh, groupIds };
    await tx.agents.save(next);
    const change = recordOf('group', member ? 'add_member' : 'remove_member', g, g);
    await recordChange(
      deps,
      p,
      { ...change, before: { agentId: a.id, member: fresh.groupIds.includes(g.id) }, after: { agentId: a.id, member } },
      tx,
    );
    return next;
  });
}
