// Agents: admins create and change the agents of their merchant; everyone reads the agents of their
// merchant (agents need them as transfer targets). The rules are the stories' (app/admin/agents.ts).
import { z } from 'zod';
import { changeAgent, createAgent, listAgents, readAgent, setAgentStatus } from '../../../app/admin/agents';
import type { ApiContext } from '../api-context';
import { itemParams, resourceRoutes } from '../resource-routes';
import { ADMINS, ALL_ROLES, route, WORKERS, type ApiRoute } from '../route-table';
import { agent, agentCreate, agentUpdate, statusChange } from '../../../contract/team';

const TAG = 'agents';
const agentParams = itemParams('agentId');

export function agentRoutes(ctx: ApiContext): ApiRoute[] {
  return [
    ...resourceRoutes(ctx, {
      tag: TAG,
      plural: 'agents',
      idParam: 'agentId',
      roles: { read: ALL_ROLES, write: ADMINS },
      schemas: { item: agent, create: agentCreate, change: agentUpdate },
      stories: { list: listAgents, create: createAgent, read: readAgent, change: changeAgent },
      summaries: {
        list: 'List agents',
        create: 'Create an agent',
        read: 'Read an agent',
        change: 'Change an agent (name, capacity, groups, WeChat openid, whether they may act on colleagues’ conversations)',
      },
    }),
    route({
      method: 'put',
      path: '/agents/:agentId/status',
      tag: TAG,
      summary: 'Set an agent’s status (admins; agents for themselves)',
      roles: WORKERS,
      params: agentParams,
      body: statusChange,
      response: z.object({ status: statusChange.shape.status, moved: z.array(z.unknown()), received: z.array(z.string()) }),
      handle: async ({ principal, params, body }) => setAgentStatus(ctx.admin, ctx.engine, principal, params.agentId, body.status),
    }),
  ];
}
