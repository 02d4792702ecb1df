// Channels: platform admins create, change and delete them; everyone reads the channel they work in.
// Secrets are write-only: no answer of these routes carries one. The rules are the stories'
// (app/admin/channels.ts).
import { endGrace } from '../../../app/admin/channel-changes';
import { changeChannel, createChannel, deleteChannel, listChannels, readChannel } from '../../../app/admin/channels';
import { publicChannel } from '../../../core/ports/channel-store';
import type { ApiContext } from '../api-context';
import { itemRoutes, topCollectionRoutes } from '../resource-routes';
import { ALL_ROLES, PLATFORM, route, type ApiRoute } from '../route-table';
import { channel, channelCreate, channelUpdate } from '../../../contract/channel';
import { channelParams } from '../../../contract/common';

const TAG = 'channels';
const roles = { read: ALL_ROLES, write: PLATFORM };

export function channelRoutes(ctx: ApiContext): ApiRoute[] {
  return [
    ...topCollectionRoutes(ctx, {
      tag: TAG,
      plural: 'channels',
      roles,
      schemas: { item: channel, create: channelCreate },
      stories: {
        list: async (admin, p) => (await listChannels(admin, p)).map(publicChannel),
        create: (admin, p, body) => createChannel(admin, body, p),
      },
      summaries: {
        list: 'List channels (merchant admins and agents: their own)',
        create: 'Create a channel (a mini program or an official account)',
      },
    }),
    ...itemRoutes(ctx, {
      tag: TAG,
      plural: 'channels',
      idParam: 'channelId',
      roles,
      schemas: { item: channel, change: channelUpdate },
      stories: { read: readChannel, change: changeChannel },
      summaries: { read: 'Read a channel (secrets only as "is set")', change: 'Change a channel; absent secrets are kept' },
    }),
    route({
      method: 'post',
      path: '/channels/:channelId/end-grace',
      tag: TAG,
      summary: 'End the grace period of the last change now: the previous Token, EncodingAESKey and mode are refused from here on',
      roles: PLATFORM,
      params: channelParams,
      response: channel,
      handle: ({ principal, params }) => endGrace(ctx.admin, principal, params.channelId),
    }),
    route({
      method: 'delete',
      path: '/channels/:channelId',
      tag: TAG,
      summary: 'Delete a channel',
      roles: PLATFORM,
      params: channelParams,
      handle: async ({ principal, params }) => {
        await deleteChannel(ctx.admin, principal, params.channelId);
        return undefined;
      },
    }),
  ];
}
