// Skill groups and their members. Membership lives on the agent (Agent.groupIds); a group never holds an
// agent of another merchant.
import { z } from 'zod';
import type { SkillGroup } from '../../../core/model/skill-group';
import type { ApiContext } from '../api-context';
import { merchantFilter, merchantForNew, mustAdminister } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { badRequest } from '../../../app/errors';
import { ADMINS, ALL_ROLES, route, type ApiRoute } from '../route-table';
import { channelParams, id, list, merchantFilterQuery } from '../../../contract/common';
import { agent, group, groupCreate, groupUpdate } from '../../../contract/team';
import { agentInReach, channelInReach, mustBeMerchantOf, mustShareScope, recordInReach } from './lookups';

const TAG = 'groups';
const groupParams = z.strictObject({ groupId: id });
const memberParams = z.strictObject({ groupId: id, agentId: id });

async function adminGroup(ctx: ApiContext, p: Principal, groupId: string): Promise<SkillGroup> {
  const g = await recordInReach(ctx, p, 'groups', groupId);
  mustAdminister(p, g, `group ${g.id}`);
  return g;
}

async function setMembership(ctx: ApiContext, p: Principal, groupId: string, agentId: string, member: boolean) {
  const g = await adminGroup(ctx, p, groupId);
  const a = await agentInReach(ctx, p, agentId);
  if (a.channelId !== g.channelId || (a.merchantId ?? '') !== (g.merchantId ?? '')) throw badRequest(`agent ${a.id} is not in the group’s merchant`);
  return ctx.tx(async (tx) => {
    const fresh = (await tx.agents.get(a.id)) ?? a;
    const groupIds = fresh.groupIds.filter((x) => x !== g.id).concat(member ? [g.id] : []);
    const next = { ...fresh, groupIds };
    await tx.agents.save(next);
    return next;
  });
}

export function groupRoutes(ctx: ApiContext): ApiRoute[] {
  return [
    route({
      method: 'get', path: '/channels/:channelId/groups', tag: TAG, summary: 'List skill groups', roles: ALL_ROLES,
      params: channelParams, query: merchantFilterQuery, response: list(group),
      handle: async ({ principal, params, query }) => {
        await channelInReach(ctx, principal, params.channelId);
        const filter = merchantFilter(principal, params.channelId, query.merchantId);
        const merchants = filter ? [filter.merchantId] : [undefined, ...(await ctx.tx((tx) => tx.merchants.listByChannel(params.channelId))).map((m) => m.id)];
        const items = await ctx.tx(async (tx) => (await Promise.all(merchants.map((m) => tx.groups.listByMerchant(params.channelId, m)))).flat());
        return { items };
      },
    }),
    route({
      method: 'post', path: '/channels/:channelId/groups', tag: TAG, summary: 'Create a skill group', roles: ADMINS, status: 201,
      params: channelParams, body: groupCreate, response: group,
      handle: async ({ principal, params, body }) => {
        await channelInReach(ctx, principal, params.channelId);
        const merchantId = merchantForNew(principal, params.channelId, body.merchantId);
        await mustBeMerchantOf(ctx, params.channelId, merchantId);
        const record: SkillGroup = { id: ctx.newId('grp'), channelId: params.channelId, ...(merchantId !== undefined && { merchantId }), name: body.name, ...(body.calendarId !== undefined && { calendarId: body.calendarId }), ...(body.settings && { settings: body.settings }) };
        await mustShareScope(ctx, record, { calendarIds: [record.calendarId, record.settings?.calendarId] });
        await ctx.tx((tx) => tx.groups.save(record));
        return record;
      },
    }),
    route({
      method: 'get', path: '/groups/:groupId', tag: TAG, summary: 'Read a skill group', roles: ALL_ROLES, params: groupParams, response: group,
      handle: async ({ principal, params }) => recordInReach(ctx, principal, 'groups', params.groupId),
    }),
    route({
      method: 'patch', path: '/groups/:groupId', tag: TAG, summary: 'Change a skill group (null removes calendar or settings)', roles: ADMINS,
      params: groupParams, body: groupUpdate, response: group,
      handle: async ({ principal, params, body }) => {
        const next: SkillGroup = { ...(await adminGroup(ctx, principal, params.groupId)) };
        if (body.name !== undefined) next.name = body.name;
        if (body.calendarId === null) delete next.calendarId;
        else if (body.calendarId !== undefined) next.calendarId = body.calendarId;
        if (body.settings === null) delete next.settings;
        else if (body.settings !== undefined) next.settings = body.settings;
        await mustShareScope(ctx, next, { calendarIds: [next.calendarId, next.settings?.calendarId] });
        await ctx.tx((tx) => tx.groups.save(next));
        return next;
      },
    }),
    route({
      method: 'get', path: '/groups/:groupId/members', tag: TAG, summary: 'The group’s agents', roles: ALL_ROLES, params: groupParams, response: list(agent),
      handle: async ({ principal, params }) => {
        const g = await recordInReach(ctx, principal, 'groups', params.groupId);
        const agents = await ctx.tx((tx) => tx.agents.listByMerchant(g.channelId, g.merchantId));
        return { items: agents.filter((a) => a.groupIds.includes(g.id)) };
      },
    }),
    route({
      method: 'put', path: '/groups/:groupId/members/:agentId', tag: TAG, summary: 'Add an agent to the group', roles: ADMINS, params: memberParams, response: agent,
      handle: async ({ principal, params }) => setMembership(ctx, principal, params.groupId, params.agentId, true),
    }),
    route({
      method: 'delete', path: '/groups/:groupId/members/:agentId', tag: TAG, summary: 'Remove an agent from the group', roles: ADMINS, params: memberParams,
      handle: async ({ principal, params }) => {
        await setMembership(ctx, principal, params.groupId, params.agentId, false);
        return undefined;
      },
    }),
  ];
}
