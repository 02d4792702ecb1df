// Skill groups and their members. The rules are the stories' (app/admin/groups.ts).
import { z } from 'zod';
import { changeGroup, createGroup, groupMembers, listGroups, readGroup, setMembership } from '../../../app/admin/groups';
import type { ApiContext } from '../api-context';
import { ADMINS, ALL_ROLES, route, type ApiRoute } from '../route-table';
import { channelParams, id, list, merchantFilterQuery } from '../../../contract/common';
import { agent, group, groupCreate, groupUpdate } from '../../../contract/team';

const TAG = 'groups';
const groupParams = z.strictObject({ groupId: id });
const memberParams = z.strictObject({ groupId: id, agentId: id });

export function groupRoutes(ctx: ApiContext): ApiRoute[] {
  return [
    route({
      method: 'get', path: '/channels/:channelId/groups', tag: TAG, summary: 'List skill groups', roles: ALL_ROLES,
      params: channelParams, query: merchantFilterQuery, response: list(group),
      handle: async ({ principal, params, query }) => ({ items: await listGroups(ctx.admin, principal, params.channelId, query.merchantId) }),
    }),
    route({
      method: 'post', path: '/channels/:channelId/groups', tag: TAG, summary: 'Create a skill group', roles: ADMINS, status: 201,
      params: channelParams, body: groupCreate, response: group,
      handle: async ({ principal, params, body }) => createGroup(ctx.admin, principal, params.channelId, body),
    }),
    route({
      method: 'get', path: '/groups/:groupId', tag: TAG, summary: 'Read a skill group', roles: ALL_ROLES, params: groupParams, response: group,
      handle: async ({ principal, params }) => readGroup(ctx.admin, principal, params.groupId),
    }),
    route({
      method: 'patch', path: '/groups/:groupId', tag: TAG, summary: 'Change a skill group (null removes calendar or settings)', roles: ADMINS,
      params: groupParams, body: groupUpdate, response: group,
      handle: async ({ principal, params, body }) => changeGroup(ctx.admin, principal, params.groupId, body),
    }),
    route({
      method: 'get', path: '/groups/:groupId/members', tag: TAG, summary: 'The group’s agents', roles: ALL_ROLES, params: groupParams, response: list(agent),
      handle: async ({ principal, params }) => ({ items: await groupMembers(ctx.admin, principal, params.groupId) }),
    }),
    route({
      method: 'put', path: '/groups/:groupId/members/:agentId', tag: TAG, summary: 'Add an agent to the group', roles: ADMINS, params: memberParams, response: agent,
      handle: async ({ principal, params }) => setMembership(ctx.admin, principal, params.groupId, params.agentId, true),
    }),
    route({
      method: 'delete', path: '/groups/:groupId/members/:agentId', tag: TAG, summary: 'Remove an agent from the group', roles: ADMINS, params: memberParams,
      handle: async ({ principal, params }) => {
        await setMembership(ctx.admin, principal, params.groupId, params.agentId, false);
        return undefined;
      },
    }),
  ];
}
