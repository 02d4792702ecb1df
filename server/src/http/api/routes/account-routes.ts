// Login accounts: platform admins manage all; merchant admins manage the logins of their own merchant
// (its admins and its agents). The rules are the stories' (app/admin/accounts.ts).
import { z } from 'zod';
import { createAccount, listAccounts, removeAccount, setAccountGrant, setAccountPassword } from '../../../app/admin/accounts';
import type { LoginAccount } from '../../../core/ports/auth';
import type { ApiContext } from '../api-context';
import { topCollectionRoutes } from '../resource-routes';
import { ADMINS, route, type ApiRoute } from '../route-table';
import { accountCreate, accountGrantBody, accountView, passwordBody } from '../../../contract/auth';
import { id } from '../../../contract/common';

const TAG = 'accounts';

const viewAccount = (a: LoginAccount) => ({
  id: a.id,
  username: a.username,
  grant: a.grant,
  createdAt: a.createdAt,
  passwordChangedAt: a.passwordChangedAt,
});

const accountParams = z.strictObject({ accountId: id });

export function accountRoutes(ctx: ApiContext): ApiRoute[] {
  return [
    ...topCollectionRoutes(ctx, {
      tag: TAG,
      plural: 'accounts',
      roles: { read: ADMINS, write: ADMINS },
      schemas: { item: accountView, create: accountCreate },
      stories: {
        list: async (admin, p) => (await listAccounts(admin, p)).map(viewAccount),
        create: async (admin, p, body) => viewAccount(await createAccount(admin, p, body)),
      },
      summaries: {
        list: 'List login accounts you manage',
        create: 'Create a login (an agent’s, a merchant admin’s or a platform admin’s)',
      },
    }),
    route({
      method: 'put',
      path: '/accounts/:accountId/password',
      tag: TAG,
      summary: 'Set a login’s password (ends its sessions)',
      roles: ADMINS,
      params: accountParams,
      body: passwordBody,
      handle: async ({ principal, params, body }) => {
        await setAccountPassword(ctx.admin, principal, params.accountId, body.password);
        return undefined;
      },
    }),
    route({
      method: 'put',
      path: '/accounts/:accountId/grant',
      tag: TAG,
      summary: 'Change what a login may do: link an agent’s login to its agents in other channels, or a supervisor’s scope',
      description:
        'Applies from the login’s next request on; its sessions stay. An agent login lists one agent per channel (agentIds, agentId among them).',
      roles: ADMINS,
      params: accountParams,
      body: accountGrantBody,
      response: accountView,
      handle: async ({ principal, params, body }) => viewAccount(await setAccountGrant(ctx.admin, principal, params.accountId, body.grant)),
    }),
    route({
      method: 'delete',
      path: '/accounts/:accountId',
      tag: TAG,
      summary: 'Remove a login (and its sessions)',
      roles: ADMINS,
      params: accountParams,
      handle: async ({ principal, params }) => {
        await removeAccount(ctx.admin, principal, params.accountId);
        return undefined;
      },
    }),
  ];
}
