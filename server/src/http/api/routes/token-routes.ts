// API tokens for integrations: platform admins issue, list and revoke them. The token itself is in the
// creation answer only.
import { z } from 'zod';
import type { ApiToken } from '../../../core/ports/auth';
import type { ApiContext } from '../api-context';
import { PLATFORM, route, type ApiRoute } from '../route-table';
import { id, list } from '../../../contract/common';
import { tokenCreate, tokenCreated, tokenView } from '../../../contract/auth';
import { mustGrant } from './lookups';

const TAG = 'tokens';

export const viewToken = (t: ApiToken) => ({
  id: t.id,
  name: t.name,
  grant: t.grant,
  createdAt: t.createdAt,
  ...(t.lastUsedAt !== undefined && { lastUsedAt: t.lastUsedAt }),
  ...(t.revokedAt !== undefined && { revokedAt: t.revokedAt }),
});

export function tokenRoutes(ctx: ApiContext): ApiRoute[] {
  return [
    route({
      method: 'get', path: '/tokens', tag: TAG, summary: 'List API tokens (revoked ones included)', roles: PLATFORM, response: list(tokenView),
      handle: async () => ({ items: (await ctx.auth.stores.tokens.list()).map(viewToken) }),
    }),
    route({
      method: 'post', path: '/tokens', tag: TAG, summary: 'Issue an API token; the answer holds it once', roles: PLATFORM, status: 201,
      body: tokenCreate, response: tokenCreated,
      handle: async ({ principal, body }) => {
        await mustGrant(ctx, principal, body.grant);
        const { token, record } = await ctx.auth.createApiToken(body.name, body.grant);
        return { ...viewToken(record), token };
      },
    }),
    route({
      method: 'delete', path: '/tokens/:tokenId', tag: TAG, summary: 'Revoke an API token', roles: PLATFORM,
      params: z.strictObject({ tokenId: id }),
      handle: async ({ params }) => {
        await ctx.auth.revokeApiToken(params.tokenId);
        return undefined;
      },
    }),
  ];
}
