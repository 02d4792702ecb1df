// Skill groups and their members. The rules are the stories' (app/admin/groups.ts).
import { z } from 'zod';
import { changeGroup, createGroup, groupMembers, listGroups, readGroup, setMembership } from '../../../app/admin/groups';
import type { ApiContext } from '../api-context';
import { itemParams, resourceRoutes } from '../resource-routes';
import { ADMINS, ALL_ROLES, route, type ApiRoute } from '../route-table';
import { id, list } from '../../../contract/common';
import { agent, group, groupCreate, groupUpdate } from '../../../contract/team';

const TAG = 'groups';
const groupParams = itemParams('groupId');
const memberParams = z.strictObject({ groupId: id, agentId: id });

export function groupRoutes(ctx: ApiContext): ApiRoute[] {
  return [
    ...resourceRoutes(ctx, {
      tag: TAG,
      plural: 'groups',
      idParam: 'groupId',
      roles: { read: ALL_ROLES, write: ADMINS },
      schemas: { item: group, create: groupCreate, change: groupUpdate },
      stories: { list: listGroups, create: createGroup, read: readGroup, change: changeGroup },
      summaries: {
        list: 'List skill groups',
        create: 'Create a skill group',
        read: 'Read a skill group',
        change: 'Change a skill group (null removes calendar or settings)',
      },
    }),
    route({
      method: 'get',
      path: '/groups/:groupId/members',
      tag: TAG,
      summary: 'The group’s agents',
      roles: ALL_ROLES,
      params: groupParams,
      response: list(agent),
      handle: async ({ principal, params }) => ({ items: await groupMembers(ctx.admin, principal, params.groupId) }),
    }),
    route({
      method: 'put',
      path: '/groups/:groupId/members/:agentId',
      tag: TAG,
      summary: 'Add an agent to the group',
      roles: ADMINS,
      params: memberParams,
      response: agent,
      handle: async ({ principal, params }) => setMembership(ctx.admin, principal, params.groupId, params.agentId, true),
    }),
    route({
      method: 'delete',
      path: '/groups/:groupId/members/:agentId',
      tag: TAG,
      summary: 'Remove an agent from the group',
      roles: ADMINS,
      params: memberParams,
      handle: async ({ principal, params }) => {
        await setMembership(ctx.admin, principal, params.groupId, params.agentId, false);
        return undefined;
      },
    }),
  ];
}
