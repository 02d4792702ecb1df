// Agents: admins create and change the agents of their merchant; everyone reads the agents of their
// merchant (agents need them as transfer targets). The rules are the stories' (app/admin/agents.ts).
import { z } from 'zod';
import { changeAgent, createAgent, listAgents, readAgent, setAgentStatus } from '../../../app/admin/agents';
import type { ApiContext } from '../api-context';
import { ADMINS, ALL_ROLES, route, type ApiRoute } from '../route-table';
import { channelParams, id, list, merchantFilterQuery } from '../../../contract/common';
import { agent, agentCreate, agentUpdate, statusChange } from '../../../contract/team';

const TAG = 'agents';
const agentParams = z.strictObject({ agentId: id });

export function agentRoutes(ctx: ApiContext): ApiRoute[] {
  return [
    route({
      method: 'get', path: '/channels/:channelId/agents', tag: TAG, summary: 'List agents', roles: ALL_ROLES,
      params: channelParams, query: merchantFilterQuery, response: list(agent),
      handle: async ({ principal, params, query }) => ({ items: await listAgents(ctx.admin, principal, params.channelId, query.merchantId) }),
    }),
    route({
      method: 'post', path: '/channels/:channelId/agents', tag: TAG, summary: 'Create an agent', roles: ADMINS, status: 201,
      params: channelParams, body: agentCreate, response: agent,
      handle: async ({ principal, params, body }) => createAgent(ctx.admin, principal, params.channelId, body),
    }),
    route({
      method: 'get', path: '/agents/:agentId', tag: TAG, summary: 'Read an agent', roles: ALL_ROLES, params: agentParams, response: agent,
      handle: async ({ principal, params }) => readAgent(ctx.admin, principal, params.agentId),
    }),
    route({
      method: 'patch', path: '/agents/:agentId', tag: TAG, summary: 'Change an agent (name, capacity, groups, WeChat openid)', roles: ADMINS,
      params: agentParams, body: agentUpdate, response: agent,
      handle: async ({ principal, params, body }) => changeAgent(ctx.admin, principal, params.agentId, body),
    }),
    route({
      method: 'put', path: '/agents/:agentId/status', tag: TAG, summary: 'Set an agent’s status (admins; agents for themselves)', roles: ALL_ROLES,
      params: agentParams, body: statusChange,
      response: z.object({ status: statusChange.shape.status, moved: z.array(z.unknown()), received: z.array(z.string()) }),
      handle: async ({ principal, params, body }) => setAgentStatus(ctx.admin, ctx.engine, principal, params.agentId, body.status),
    }),
  ];
}
