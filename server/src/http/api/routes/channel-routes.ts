// Channels: platform admins create, change and delete them; everyone reads the channel they work in.
// Secrets are write-only: no answer of these routes carries one.
import type { ApiContext } from '../api-context';
import { badRequest, conflict } from '../../../app/errors';
import { ALL_ROLES, PLATFORM, route, type ApiRoute } from '../route-table';
import { channel, channelCreate, channelProblems, channelUpdate } from '../../../contract/channel';
import { channelParams, list } from '../../../contract/common';
import { publicChannel, type ChannelRecord } from '../../../core/ports/channel-store';
import { channelInReach } from './lookups';

const TAG = 'channels';

function mustBeConsistent(c: ChannelRecord): void {
  const problems = channelProblems(c);
  if (problems.length > 0) throw badRequest(problems.join('; '));
}

/** Optional fields: null removes, undefined keeps, a value replaces. */
function merge(current: ChannelRecord, patch: Record<string, unknown>): ChannelRecord {
  const next: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  return next as unknown as ChannelRecord;
}

export function channelRoutes(ctx: ApiContext): ApiRoute[] {
  return [
    route({
      method: 'get', path: '/channels', tag: TAG, summary: 'List channels (merchant admins and agents: their own)', roles: ALL_ROLES, response: list(channel),
      handle: async ({ principal }) => {
        const all = await ctx.channels.list();
        const mine = principal.role === 'platform_admin' ? all : all.filter((c) => c.id === principal.channelId);
        return { items: mine.map(publicChannel) };
      },
    }),
    route({
      method: 'post', path: '/channels', tag: TAG, summary: 'Create a channel (a mini program or an official account)', roles: PLATFORM, status: 201,
      body: channelCreate, response: channel,
      handle: async ({ body }) => {
        if (await ctx.channels.get(body.id)) throw conflict('channel_exists', `channel ${body.id} exists`);
        const now = ctx.clock.now();
        const record = { ...body, createdAt: now, updatedAt: now } as ChannelRecord;
        mustBeConsistent(record);
        await ctx.channels.save(record);
        return publicChannel(record);
      },
    }),
    route({
      method: 'get', path: '/channels/:channelId', tag: TAG, summary: 'Read a channel (secrets only as "is set")', roles: ALL_ROLES,
      params: channelParams, response: channel,
      handle: async ({ principal, params }) => publicChannel(await channelInReach(ctx, principal, params.channelId)),
    }),
    route({
      method: 'patch', path: '/channels/:channelId', tag: TAG, summary: 'Change a channel; absent secrets are kept', roles: PLATFORM,
      params: channelParams, body: channelUpdate, response: channel,
      handle: async ({ principal, params, body }) => {
        const current = await channelInReach(ctx, principal, params.channelId);
        const next = { ...merge(current, body), updatedAt: ctx.clock.now() };
        mustBeConsistent(next);
        await ctx.channels.save(next);
        return publicChannel(next);
      },
    }),
    route({
      method: 'delete', path: '/channels/:channelId', tag: TAG, summary: 'Delete a channel', roles: PLATFORM, params: channelParams,
      handle: async ({ principal, params }) => {
        await channelInReach(ctx, principal, params.channelId);
        await ctx.channels.delete(params.channelId);
        return undefined;
      },
    }),
  ];
}
