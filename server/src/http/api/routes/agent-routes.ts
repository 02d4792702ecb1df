// Agents: admins create and change the agents of their merchant; everyone reads the agents of their
// merchant (agents need them as transfer targets). Status changes go through the engine (queue moves).
import { z } from 'zod';
import { changeAgentStatus } from '../../../app/index';
import type { Agent } from '../../../core/model/agent';
import type { ApiContext } from '../api-context';
import { merchantFilter, merchantForNew, mustAdminister } from '../auth/policy';
import { forbidden } from '../../../app/errors';
import { ADMINS, ALL_ROLES, route, type ApiRoute } from '../route-table';
import { channelParams, id, list, merchantFilterQuery } from '../../../contract/common';
import { agent, agentCreate, agentUpdate, statusChange } from '../../../contract/team';
import { agentInReach, channelInReach, mustBeMerchantOf, mustShareScope } from './lookups';

const TAG = 'agents';
const agentParams = z.strictObject({ agentId: id });

export function agentRoutes(ctx: ApiContext): ApiRoute[] {
  return [
    route({
      method: 'get', path: '/channels/:channelId/agents', tag: TAG, summary: 'List agents', roles: ALL_ROLES,
      params: channelParams, query: merchantFilterQuery, response: list(agent),
      handle: async ({ principal, params, query }) => {
        await channelInReach(ctx, principal, params.channelId);
        const filter = merchantFilter(principal, params.channelId, query.merchantId);
        const items = await ctx.tx((tx) => (filter ? tx.agents.listByMerchant(params.channelId, filter.merchantId) : tx.agents.listByChannel(params.channelId)));
        return { items };
      },
    }),
    route({
      method: 'post', path: '/channels/:channelId/agents', tag: TAG, summary: 'Create an agent', roles: ADMINS, status: 201,
      params: channelParams, body: agentCreate, response: agent,
      handle: async ({ principal, params, body }) => {
        await channelInReach(ctx, principal, params.channelId);
        const merchantId = merchantForNew(principal, params.channelId, body.merchantId);
        await mustBeMerchantOf(ctx, params.channelId, merchantId);
        const { merchantId: _m, wechatOpenid, ...fields } = body;
        const record: Agent = { id: ctx.newId('agt'), channelId: params.channelId, ...(merchantId !== undefined && { merchantId }), ...fields, ...(wechatOpenid !== undefined && { wechatOpenid }), statusChangedAt: ctx.clock.now() };
        await mustShareScope(ctx, record, { groupIds: record.groupIds });
        await ctx.tx((tx) => tx.agents.save(record));
        return record;
      },
    }),
    route({
      method: 'get', path: '/agents/:agentId', tag: TAG, summary: 'Read an agent', roles: ALL_ROLES, params: agentParams, response: agent,
      handle: async ({ principal, params }) => agentInReach(ctx, principal, params.agentId),
    }),
    route({
      method: 'patch', path: '/agents/:agentId', tag: TAG, summary: 'Change an agent (name, capacity, groups, WeChat openid)', roles: ADMINS,
      params: agentParams, body: agentUpdate, response: agent,
      handle: async ({ principal, params, body }) => {
        const current = await agentInReach(ctx, principal, params.agentId);
        mustAdminister(principal, current, `agent ${current.id}`);
        const { wechatOpenid, ...fields } = body;
        const next: Agent = { ...current, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) };
        if (wechatOpenid === null) delete next.wechatOpenid;
        else if (wechatOpenid !== undefined) next.wechatOpenid = wechatOpenid;
        await mustShareScope(ctx, next, { groupIds: next.groupIds });
        // Saved inside one unit that re-reads the agent, so a status change meanwhile is not undone.
        await ctx.tx(async (tx) => {
          const fresh = await tx.agents.get(current.id);
          // The WeChat desk (issue 7) is the engine's; a new openid is a new person, who starts afresh.
          const { wechatDesk: _stale, ...rest } = next;
          const desk = fresh?.wechatDesk !== undefined && fresh.wechatOpenid === next.wechatOpenid ? { wechatDesk: fresh.wechatDesk } : {};
          await tx.agents.save({ ...rest, ...desk, status: fresh?.status ?? next.status, statusChangedAt: fresh?.statusChangedAt ?? next.statusChangedAt });
        });
        return next;
      },
    }),
    route({
      method: 'put', path: '/agents/:agentId/status', tag: TAG, summary: 'Set an agent’s status (admins; agents for themselves)', roles: ALL_ROLES,
      params: agentParams, body: statusChange,
      response: z.object({ status: statusChange.shape.status, moved: z.array(z.unknown()), received: z.array(z.string()) }),
      handle: async ({ principal, params, body }) => {
        const target = await agentInReach(ctx, principal, params.agentId);
        if (principal.role === 'agent' && principal.agentId !== target.id) throw forbidden('agents may only set their own status');
        return changeAgentStatus(ctx.engine, { agentId: target.id, status: body.status });
      },
    }),
  ];
}
