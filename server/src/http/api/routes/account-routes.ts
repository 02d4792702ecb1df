// Login accounts: platform admins manage all; merchant admins manage the logins of their own merchant
// (its admins and its agents). The rules are the stories' (app/admin/accounts.ts).
import { z } from 'zod';
import { createAccount, listAccounts, removeAccount, setAccountPassword } from '../../../app/admin/accounts';
import type { LoginAccount } from '../../../core/ports/auth';
import type { ApiContext } from '../api-context';
import { ADMINS, route, type ApiRoute } from '../route-table';
import { accountCreate, accountView, passwordBody } from '../../../contract/auth';
import { id, list } from '../../../contract/common';

const TAG = 'accounts';

const viewAccount = (a: LoginAccount) => ({ id: a.id, username: a.username, grant: a.grant, createdAt: a.createdAt, passwordChangedAt: a.passwordChangedAt });

const accountParams = z.strictObject({ accountId: id });

export function accountRoutes(ctx: ApiContext): ApiRoute[] {
  return [
    route({
      method: 'get', path: '/accounts', tag: TAG, summary: 'List login accounts you manage', roles: ADMINS, response: list(accountView),
      handle: async ({ principal }) => ({ items: (await listAccounts(ctx.admin, principal)).map(viewAccount) }),
    }),
    route({
      method: 'post', path: '/accounts', tag: TAG, summary: 'Create a login (an agent’s, a merchant admin’s or a platform admin’s)', roles: ADMINS, status: 201,
      body: accountCreate, response: accountView,
      handle: async ({ principal, body }) => viewAccount(await createAccount(ctx.admin, principal, body)),
    }),
    route({
      method: 'put', path: '/accounts/:accountId/password', tag: TAG, summary: 'Set a login’s password (ends its sessions)', roles: ADMINS,
      params: accountParams, body: passwordBody,
      handle: async ({ principal, params, body }) => {
        await setAccountPassword(ctx.admin, principal, params.accountId, body.password);
        return undefined;
      },
    }),
    route({
      method: 'delete', path: '/accounts/:accountId', tag: TAG, summary: 'Remove a login (and its sessions)', roles: ADMINS, params: accountParams,
      handle: async ({ principal, params }) => {
        await removeAccount(ctx.admin, principal, params.accountId);
        return undefined;
      },
    }),
  ];
}
