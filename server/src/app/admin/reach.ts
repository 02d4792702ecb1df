// Lookups the admin stories share: the record or 404, then the caller's reach or 403.
import type { Agent } from '../../core/model/agent';
import type { Conversation } from '../../core/model/conversation';
import type { Merchant } from '../../core/model/merchant';
import type { SkillGroup } from '../../core/model/skill-group';
import type { WorkCalendar } from '../../core/model/work-calendar';
import type { ChannelRecord } from '../../core/ports/channel-store';
import { PLATFORM_TEAM, choosesMerchant, mustReach, ownMerchantOf, mustReachChannel } from '../auth/policy';
import type { Principal, Scoped } from '../auth/principal';
import { badRequest, forbidden, notFound } from '../errors';
import { accessOf } from '../support/conversation-access';
import { lookUpSettings } from '../support/settings-lookup';
import type { AdminDeps } from './admin-deps';

export async function channelInReach(deps: Pick<AdminDeps, 'channels'>, p: Principal, channelId: string): Promise<ChannelRecord> {
  mustReachChannel(p, channelId);
  const channel = await deps.channels.get(channelId);
  if (!channel) throw notFound(`channel ${channelId}`);
  return channel;
}

interface Tables {
  agents: Agent;
  groups: SkillGroup;
  calendars: WorkCalendar;
  conversations: Conversation;
  merchants: Merchant;
}

/** A record of `table` the caller reaches (404 when missing, 403 when another merchant's). */
export async function recordInReach<K extends keyof Tables>(
  deps: Pick<AdminDeps, 'uow'>,
  p: Principal,
  table: K,
  id: string,
): Promise<Tables[K]> {
  const record = (await deps.uow.run((tx) => (tx[table] as unknown as { get(id: string): Promise<Tables[K] | undefined> }).get(id))) as
    | Tables[K]
    | undefined;
  const what = `${table.slice(0, -1)} ${id}`;
  if (!record) throw notFound(what);
  const scope: Scoped = table === 'merchants' ? { channelId: record.channelId, merchantId: record.id } : record;
  mustReach(p, scope, what);
  return record;
}

/**
 * What an agent may see of their merchant's conversations (conversation-access.ts): colleagues' ones
 * unless the settings hide them. Undefined for admins, who see all within their reach.
 */
export async function agentSight(deps: Pick<AdminDeps, 'uow'>, p: Principal): Promise<((c: Conversation) => boolean) | undefined> {
  if (p.role !== 'agent') return undefined;
  return deps.uow.run(async (tx) => {
    const agent = await tx.agents.get(p.agentId);
    const { colleaguesConversations } = await lookUpSettings(tx.settings, p.channelId, p.merchantId);
    return (c) => agent !== undefined && accessOf(agent, c, colleaguesConversations) !== 'none';
  });
}

/** A conversation the caller reaches and may see (404 for a colleague's one hidden from an agent). */
export async function conversationInReach(deps: Pick<AdminDeps, 'uow'>, p: Principal, id: string): Promise<Conversation> {
  const conversation = await recordInReach(deps, p, 'conversations', id);
  const sees = await agentSight(deps, p);
  if (sees && !sees(conversation)) throw notFound(`conversation ${id}`);
  return conversation;
}
export const agentInReach = (deps: Pick<AdminDeps, 'uow'>, p: Principal, id: string): Promise<Agent> =>
  recordInReach(deps, p, 'agents', id);

/** A merchant id given in a request must name a merchant of that channel. */
export async function mustBeMerchantOf(deps: Pick<AdminDeps, 'uow'>, channelId: string, merchantId: string | undefined): Promise<void> {
  if (merchantId === undefined) return;
  const m = await deps.uow.run((tx) => tx.merchants.get(merchantId));
  if (!m || m.channelId !== channelId) throw badRequest(`merchantId: no merchant ${merchantId} in channel ${channelId}`);
}

/**
 * The merchant a caller works for in `channelId` (undefined: the platform's team): platform admins (and
 * supervisors of the whole channel) choose (absent or PLATFORM_TEAM: the platform's), everyone else has their own and may not ask for another.
 */
export async function workingMerchant(
  deps: Pick<AdminDeps, 'uow'>,
  p: Principal,
  channelId: string,
  requested: string | undefined,
): Promise<string | undefined> {
  mustReachChannel(p, channelId);
  const asked = requested === PLATFORM_TEAM ? undefined : requested;
  if (choosesMerchant(p)) {
    await mustBeMerchantOf(deps, channelId, asked);
    return asked;
  }
  if (requested !== undefined && asked !== ownMerchantOf(p)) throw forbidden('you may only work on your own merchant');
  return ownMerchantOf(p);
}

/** Groups and calendars referred to must belong to the same channel and merchant as the record. */
export async function mustShareScope(
  deps: Pick<AdminDeps, 'uow'>,
  at: Scoped,
  refs: { groupIds?: readonly string[]; calendarIds?: readonly (string | undefined)[] },
): Promise<void> {
  const same = (r: Scoped | undefined) => r !== undefined && r.channelId === at.channelId && (r.merchantId ?? '') === (at.merchantId ?? '');
  await deps.uow.run(async (tx) => {
    for (const g of refs.groupIds ?? []) if (!same(await tx.groups.get(g))) throw badRequest(`no group ${g} in this merchant`);
    for (const c of refs.calendarIds ?? [])
      if (c !== undefined && !same(await tx.calendars.get(c))) throw badRequest(`no calendar ${c} in this merchant`);
  });
}
