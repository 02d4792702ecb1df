// Login accounts: platform admins manage all; merchant admins manage the logins of their own merchant
// (its admins and its agents).
import { z } from 'zod';
import type { LoginAccount } from '../../../core/ports/auth';
import type { ApiContext } from '../api-context';
import { reaches } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { forbidden, notFound } from '../../../app/errors';
import { ADMINS, route, type ApiRoute } from '../route-table';
import { accountCreate, accountView, passwordBody } from '../../../contract/auth';
import { id, list } from '../../../contract/common';
import { grantScope, mustGrant } from './lookups';

const TAG = 'accounts';

const viewAccount = (a: LoginAccount) => ({ id: a.id, username: a.username, grant: a.grant, createdAt: a.createdAt, passwordChangedAt: a.passwordChangedAt });

async function visible(ctx: ApiContext, p: Principal, a: LoginAccount): Promise<boolean> {
  if (p.role === 'platform_admin') return true;
  const scope = await grantScope(ctx, a.grant);
  return scope !== undefined && reaches(p, scope);
}

async function accountInReach(ctx: ApiContext, p: Principal, accountId: string): Promise<LoginAccount> {
  const account = await ctx.auth.stores.accounts.get(accountId);
  if (!account) throw notFound(`account ${accountId}`);
  if (!(await visible(ctx, p, account))) throw forbidden(`account ${accountId} is outside your merchant`);
  return account;
}

const accountParams = z.strictObject({ accountId: id });

export function accountRoutes(ctx: ApiContext): ApiRoute[] {
  return [
    route({
      method: 'get', path: '/accounts', tag: TAG, summary: 'List login accounts you manage', roles: ADMINS, response: list(accountView),
      handle: async ({ principal }) => {
        const all = await ctx.auth.stores.accounts.list();
        const mine = [];
        for (const a of all) if (await visible(ctx, principal, a)) mine.push(viewAccount(a));
        return { items: mine };
      },
    }),
    route({
      method: 'post', path: '/accounts', tag: TAG, summary: 'Create a login (an agent’s, a merchant admin’s or a platform admin’s)', roles: ADMINS, status: 201,
      body: accountCreate, response: accountView,
      handle: async ({ principal, body }) => {
        await mustGrant(ctx, principal, body.grant);
        return viewAccount(await ctx.auth.createAccount(body.username, body.password, body.grant));
      },
    }),
    route({
      method: 'put', path: '/accounts/:accountId/password', tag: TAG, summary: 'Set a login’s password (ends its sessions)', roles: ADMINS,
      params: accountParams, body: passwordBody,
      handle: async ({ principal, params, body }) => {
        await accountInReach(ctx, principal, params.accountId);
        await ctx.auth.setPassword(params.accountId, body.password);
        return undefined;
      },
    }),
    route({
      method: 'delete', path: '/accounts/:accountId', tag: TAG, summary: 'Remove a login (and its sessions)', roles: ADMINS, params: accountParams,
      handle: async ({ principal, params }) => {
        await accountInReach(ctx, principal, params.accountId);
        await ctx.auth.stores.accounts.remove(params.accountId);
        return undefined;
      },
    }),
  ];
}
