// API tokens for integrations: issued, listed and revoked by platform admins (REST API) and the operator
// (command line). The token itself is answered once, at creation; only its hash is kept.
import type { ApiToken, Grant } from '../../core/ports/auth';
import type { Principal } from '../auth/principal';
import type { AdminDeps } from './admin-deps';
import { mustGrant, normalGrant } from './grant-rules';
import { recordChange } from '../support/audit';

/** Oldest first, revoked ones included (the list is the audit trail). */
export const listTokens = (deps: AdminDeps): Promise<ApiToken[]> => deps.auth.stores.tokens.list();

export async function issueToken(deps: AdminDeps, p: Principal, name: string, grant: Grant): Promise<{ token: string; record: ApiToken }> {
  const normal = normalGrant(grant);
  await mustGrant(deps, p, normal);
  const issued = await deps.auth.createApiToken(name, normal);
  await recordChange(deps, p, tokenChange('issue', undefined, issued.record));
  return issued;
}

/** 404 when there is no such token; false when it was revoked already (revoking again changes nothing). */
export async function revokeToken(deps: AdminDeps, tokenId: string, p: Principal): Promise<boolean> {
  const before = await deps.auth.stores.tokens.get(tokenId);
  const revoked = await deps.auth.revokeApiToken(tokenId);
  const after = revoked ? await deps.auth.stores.tokens.get(tokenId) : undefined;
  if (before && after) await recordChange(deps, p, tokenChange('revoke', before, after));
  return revoked;
}

/** A token as the log keeps it: name, grant and times (its hash is dropped by name, redact.ts). */
const tokenChange = (verb: string, before: ApiToken | undefined, after: ApiToken) => ({
  action: `token.${verb}`,
  targetType: 'token',
  targetId: after.id,
  ...grantPlace(after.grant),
  before,
  after,
});

/** Where a grant lives, for the log's channel and merchant filters. */
export function grantPlace(grant: Grant): { channelId?: string; merchantId?: string } {
  if (grant.role !== 'merchant_admin' && grant.role !== 'supervisor') return {};
  return { channelId: grant.channelId, ...(grant.merchantId !== undefined && { merchantId: grant.merchantId }) };
}
