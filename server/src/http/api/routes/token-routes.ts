// API tokens for integrations: platform admins issue, list and revoke them. The token itself is in the
// creation answer only. The rules are the stories' (app/admin/tokens.ts).
import { z } from 'zod';
import { issueToken, listTokens, revokeToken } from '../../../app/admin/tokens';
import type { ApiToken } from '../../../core/ports/auth';
import type { ApiContext } from '../api-context';
import { PLATFORM, route, type ApiRoute } from '../route-table';
import { id, list } from '../../../contract/common';
import { tokenCreate, tokenCreated, tokenView } from '../../../contract/auth';

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
      method: 'get',
      path: '/tokens',
      tag: TAG,
      summary: 'List API tokens (revoked ones included)',
      roles: PLATFORM,
      response: list(tokenView),
      handle: async () => ({ items: (await listTokens(ctx.admin)).map(viewToken) }),
    }),
    route({
      method: 'post',
      path: '/tokens',
      tag: TAG,
      summary: 'Issue an API token; the answer holds it once',
      roles: PLATFORM,
      status: 201,
      body: tokenCreate,
      response: tokenCreated,
      handle: async ({ principal, body }) => {
        const { token, record } = await issueToken(ctx.admin, principal, body.name, body.grant);
        return { ...viewToken(record), token };
      },
    }),
    route({
      method: 'delete',
      path: '/tokens/:tokenId',
      tag: TAG,
      summary: 'Revoke an API token',
      roles: PLATFORM,
      params: z.strictObject({ tokenId: id }),
      handle: async ({ principal, params }) => {
        await revokeToken(ctx.admin, params.tokenId, principal);
        return undefined;
      },
    }),
  ];
}
