// Setting a channel up and moving its configuration between servers (platform admins): what the channel
// page shows an integrator (push URL, ids), and the configuration file out and in. The rules are the
// stories' (app/admin/channel-setup.ts, channel-config-export.ts, channel-config-import.ts).
import { exportChannelConfig } from '../../../app/admin/channel-config-export';
import { importChannelConfig } from '../../../app/admin/channel-config-import';
import { channelSetup } from '../../../app/admin/channel-setup';
import { channelConfigFile, channelConfigImport, channelSetup as setupSchema } from '../../../contract/channel-config';
import { channelParams } from '../../../contract/common';
import type { ApiContext } from '../api-context';
import { PLATFORM, route, type ApiRoute } from '../route-table';

const TAG = 'channels';
const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

export function channelConfigRoutes(ctx: ApiContext): ApiRoute[] {
  return [
    route({
      method: 'get',
      path: '/channels/:channelId/setup',
      tag: TAG,
      summary: 'What setting the channel up needs: the push URL on the public base URL, and the ids of merchants, skill groups and agents',
      roles: PLATFORM,
      params: channelParams,
      response: setupSchema,
      handle: ({ principal, params }) => channelSetup(ctx.admin, principal, params.channelId, ctx.publicBaseUrl),
    }),
    route({
      method: 'get',
      path: '/channels/:channelId/configuration',
      audit: 'export',
      tag: TAG,
      summary: 'Export the channel’s configuration (settings, robot, calendars, notices, groups, merchants) as one file; never a secret',
      description:
        'A versioned JSON document (format "kefu.channel-config", version 1). Records refer to each other by name and merchants by customerCode, never by id, so the file imports into another server.',
      roles: PLATFORM,
      params: channelParams,
      response: channelConfigFile,
      handle: ({ principal, params }) => exportChannelConfig(ctx.admin, principal, params.channelId),
    }),
    route({
      method: 'post',
      path: '/channels/:channelId/configuration/import',
      tag: TAG,
      summary: 'Import a channel configuration file into this channel',
      description:
        'Merchants are matched by customerCode, calendars and skill groups by name within their merchant: a match is updated and keeps its id, anything else is created; nothing is deleted. The channel keeps its own AppID, secrets, mode and format. A bad file is refused as a whole (400) and changes nothing.',
      roles: PLATFORM,
      params: channelParams,
      body: channelConfigFile,
      maxBodyBytes: MAX_CONFIG_BYTES,
      response: channelConfigImport,
      handle: ({ principal, params, body }) => importChannelConfig(ctx.admin, principal, params.channelId, body),
    }),
  ];
}
