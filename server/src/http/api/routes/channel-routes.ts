// Channels: platform admins create, change and delete them; everyone reads the channel they work in.
// Secrets are write-only: no answer of these routes carries one. The rules are the stories'
// (app/admin/channels.ts).
import { changeChannel, createChannel, deleteChannel, listChannels, readChannel } from '../../../app/admin/channels';
import { publicChannel } from '../../../core/ports/channel-store';
import type { ApiContext } from '../api-context';
import { ALL_ROLES, PLATFORM, route, type ApiRoute } from '../route-table';
import { channel, channelCreate, channelUpdate } from '../../../contract/channel';
import { channelParams, list } from '../../../contract/common';

const TAG = 'channels';

export function channelRoutes(ctx: ApiContext): ApiRoute[] {
  return [
    route({
      method: 'get', path: '/channels', tag: TAG, summary: 'List channels (merchant admins and agents: their own)', roles: ALL_ROLES, response: list(channel),
      handle: async ({ principal }) => ({ items: (await listChannels(ctx.admin, principal)).map(publicChannel) }),
    }),
    route({
      method: 'post', path: '/channels', tag: TAG, summary: 'Create a channel (a mini program or an official account)', roles: PLATFORM, status: 201,
      body: channelCreate, response: channel,
      handle: async ({ body }) => createChannel(ctx.admin, body),
    }),
    route({
      method: 'get', path: '/channels/:channelId', tag: TAG, summary: 'Read a channel (secrets only as "is set")', roles: ALL_ROLES,
      params: channelParams, response: channel,
      handle: async ({ principal, params }) => readChannel(ctx.admin, principal, params.channelId),
    }),
    route({
      method: 'patch', path: '/channels/:channelId', tag: TAG, summary: 'Change a channel; absent secrets are kept', roles: PLATFORM,
      params: channelParams, body: channelUpdate, response: channel,
      handle: async ({ principal, params, body }) => changeChannel(ctx.admin, principal, params.channelId, body),
    }),
    route({
      method: 'delete', path: '/channels/:channelId', tag: TAG, summary: 'Delete a channel', roles: PLATFORM, params: channelParams,
      handle: async ({ principal, params }) => {
        await deleteChannel(ctx.admin, principal, params.channelId);
        return undefined;
      },
    }),
  ];
}
