// Logging in and out, who am I, an agent's own status and a login's own password.
import { z } from 'zod';
import { changeAgentStatus } from '../../../app/index';
import type { ApiContext } from '../api-context';
import { describePrincipal, type Principal } from '../../../app/auth/principal';
import { ApiError, badRequest } from '../../../app/errors';
import { ALL_ROLES, publicRoute, route, type ApiRoute } from '../route-table';
import { loginAnswer, loginBody, ownPasswordBody, principal as principalSchema } from '../../../contract/auth';
import { statusChange } from '../../../contract/team';

const TAG = 'auth';

function sessionOf(p: Principal) {
  if (p.via.kind !== 'session') throw badRequest('this needs a login session, not an API token', 'not_a_session');
  return p.via;
}

export function authRoutes(ctx: ApiContext): ApiRoute[] {
  return [
    publicRoute({
      method: 'post',
      path: '/auth/login',
      tag: TAG,
      summary: 'Log in with username and password; answers a session token',
      description: 'Failed attempts are limited per username and per client address; beyond the limit the answer is 429 with Retry-After.',
      body: loginBody,
      response: loginAnswer,
      handle: async ({ body, req, res }) => {
        try {
          const { token, expiresAt } = await ctx.auth.login(body.username, body.password, req.ip ?? req.socket.remoteAddress ?? 'unknown');
          const principal = await ctx.auth.authenticate(token);
          return { token, expiresAt, principal: describePrincipal(principal) };
        } catch (err) {
          if (err instanceof ApiError && err.status === 429)
            res.set('retry-after', String(Math.ceil(Number((err as { retryAfterMs?: number }).retryAfterMs ?? 1000) / 1000)));
          throw err;
        }
      },
    }),
    route({
      method: 'post',
      path: '/auth/logout',
      tag: TAG,
      summary: 'End this login session',
      roles: ALL_ROLES,
      handle: async ({ principal }) => {
        await ctx.auth.logout(sessionOf(principal).tokenHash);
        return undefined;
      },
    }),
    route({
      method: 'get',
      path: '/me',
      tag: TAG,
      summary: 'Who the credentials belong to',
      roles: ALL_ROLES,
      response: principalSchema,
      handle: async ({ principal }) => describePrincipal(principal),
    }),
    route({
      method: 'put',
      path: '/me/status',
      tag: TAG,
      summary: 'An agent sets its own status',
      roles: ['agent'],
      body: statusChange,
      response: z.object({
        status: statusChange.shape.status,
        moved: z.array(z.unknown()),
        received: z.array(z.string()),
        leftMessagesWaiting: z.int().optional().describe('coming online: how many left messages (留言) wait for someone'),
      }),
      handle: async ({ principal, body }) => {
        if (principal.role !== 'agent') throw new Error('unreachable');
        return changeAgentStatus(ctx.engine, { agentId: principal.agentId, status: body.status });
      },
    }),
    route({
      method: 'put',
      path: '/me/password',
      tag: TAG,
      summary: 'Change the password of the logged-in account (ends all its sessions)',
      roles: ALL_ROLES,
      body: ownPasswordBody,
      handle: async ({ principal, body }) => {
        await ctx.auth.changeOwnPassword(sessionOf(principal).accountId, body.currentPassword, body.newPassword);
        return undefined;
      },
    }),
  ];
}
