// API tokens for integrations: issued, listed and revoked by platform admins (REST API) and the operator
// (command line). The token itself is answered once, at creation; only its hash is kept.
import type { ApiToken, Grant } from '../../core/ports/auth';
import type { Principal } from '../auth/principal';
import type { AdminDeps } from './admin-deps';
import { mustGrant, normalGrant } from './grant-rules';

/** Oldest first, revoked ones included (the list is the audit trail). */
export const listTokens = (deps: AdminDeps): Promise<ApiToken[]> => deps.auth.stores.tokens.list();

export async function issueToken(deps: AdminDeps, p: Principal, name: string, grant: Grant): Promise<{ token: string; record: ApiToken }> {
  const normal = normalGrant(grant);
  await mustGrant(deps, p, normal);
  return deps.auth.createApiToken(name, normal);
}

/** 404 when there is no such token; false when it was revoked already (revoking again changes nothing). */
export const revokeToken = (deps: AdminDeps, tokenId: string): Promise<boolean> => deps.auth.revokeApiToken(tokenId);
