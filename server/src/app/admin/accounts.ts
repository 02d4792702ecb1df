// Login accounts: platform admins (and the operator) manage all; merchant admins manage the logins of
// their own merchant (its admins, supervisors and agents).
import { grantAgentIds, type Grant, type LoginAccount } from '../../core/ports/auth';
import { normalizeUsername } from '../auth/auth-service';
import { reaches } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { forbidden, notFound } from '../errors';
import type { AdminDeps } from './admin-deps';
import { grantScope, mustGrant, normalGrant } from './grant-rules';
import { recordChange } from '../support/audit';
import { grantPlace } from './tokens';

async function visible(deps: AdminDeps, p: Principal, a: LoginAccount): Promise<boolean> {
  if (p.role === 'platform_admin') return true;
  const scope = await grantScope(deps, a.grant);
  return scope !== undefined && scope.length > 0 && scope.every((s) => reaches(p, s));
}

async function accountInReach(deps: AdminDeps, p: Principal, accountId: string): Promise<LoginAccount> {
  const account = await deps.auth.stores.accounts.get(accountId);
  if (!account) throw notFound(`account ${accountId}`);
  if (!(await visible(deps, p, account))) throw forbidden(`account ${accountId} is outside your merchant`);
  return account;
}

/** The accounts the caller manages, oldest first. */
export async function listAccounts(deps: AdminDeps, p: Principal): Promise<LoginAccount[]> {
  const mine = [];
  for (const a of await deps.auth.stores.accounts.list()) if (await visible(deps, p, a)) mine.push(a);
  return mine;
}

export async function createAccount(
  deps: AdminDeps,
  p: Principal,
  input: { username: string; password: string; grant: Grant },
): Promise<LoginAccount> {
  const grant = normalGrant(input.grant);
  await mustGrant(deps, p, grant);
  const account = await deps.auth.createAccount(input.username, input.password, grant);
  await recordChange(deps, p, await accountChange(deps, 'create', undefined, account));
  return account;
}

/**
 * What an existing login may do from its next request on: an agent's login linked to more agents (or
 * fewer), a supervisor's scope. The caller must reach the login as it is and may grant what it becomes.
 */
export async function setAccountGrant(deps: AdminDeps, p: Principal, accountId: string, grant: Grant): Promise<LoginAccount> {
  const account = await accountInReach(deps, p, accountId);
  const next = normalGrant(grant);
  await mustGrant(deps, p, next);
  if (!(await deps.auth.stores.accounts.setGrant(account.id, next))) throw notFound(`account ${accountId}`);
  const changed = { ...account, grant: next };
  await recordChange(deps, p, await accountChange(deps, 'grant', account, changed));
  return changed;
}

/** Ends the account's sessions. */
export async function setAccountPassword(deps: AdminDeps, p: Principal, accountId: string, password: string): Promise<void> {
  const account = await accountInReach(deps, p, accountId);
  await deps.auth.setPassword(accountId, password);
  // The hashes are dropped by name (redact.ts): the log tells that the password changed, not to what.
  await recordChange(deps, p, await accountChange(deps, 'set_password', account, account));
}

export async function removeAccount(deps: AdminDeps, p: Principal, accountId: string): Promise<void> {
  const account = await accountInReach(deps, p, accountId);
  await deps.auth.stores.accounts.remove(accountId);
  await recordChange(deps, p, await accountChange(deps, 'delete', account, undefined));
}

/** The account of a username (any case), or undefined. */
export const findAccount = (deps: AdminDeps, username: string): Promise<LoginAccount | undefined> =>
  deps.auth.stores.accounts.findByUsername(normalizeUsername(username));

/** Usernames by what they log in as: agent id → username, merchant id → its admins' usernames. */
export async function loginNames(deps: AdminDeps): Promise<{ agents: Map<string, string>; merchantAdmins: Map<string, string[]> }> {
  const agents = new Map<string, string>();
  const merchantAdmins = new Map<string, string[]>();
  for (const a of await deps.auth.stores.accounts.list()) {
    if (a.grant.role === 'agent') for (const agentId of grantAgentIds(a.grant)) agents.set(agentId, a.username);
    if (a.grant.role === 'merchant_admin')
      merchantAdmins.set(a.grant.merchantId, [...(merchantAdmins.get(a.grant.merchantId) ?? []), a.username]);
  }
  return { agents, merchantAdmins };
}

/** An account's change: its channel and merchant are its grant's (an agent's are its first agent's). */
export async function accountChange(deps: AdminDeps, verb: string, before: LoginAccount | undefined, after: LoginAccount | undefined) {
  const a = (after ?? before) as LoginAccount;
  const scope = (await grantScope(deps, a.grant))?.[0];
  return {
    action: `account.${verb}`,
    targetType: 'account',
    targetId: a.id,
    ...(scope ? { channelId: scope.channelId, merchantId: scope.merchantId } : grantPlace(a.grant)),
    before,
    after,
  };
}
