// What the platform's authorization-event URL hands over once verified (wechat/inbound/component-events.ts):
// the latest component_verify_ticket is kept; `authorized` completes the authorization (like the redirect);
// `updateauthorized` takes the new permissions and tokens; `unauthorized` disables the channel: its
// authorization is marked revoked (the channel and its history stay), its token is dropped, nothing is
// sent for it any more, and the admins see it revoked with when.
import type { Authorization } from '../../core/open-platform';
import { completeAuthorization } from './authorize';
import { publicAuthorization, type PublicAuthorization } from './authorization-view';
import type { PlatformDeps } from './platform-deps';

export type PlatformEventInput =
  | { infoType: 'component_verify_ticket'; ticket: string; pushedAt: number }
  | { infoType: 'authorized' | 'updateauthorized'; authorizerAppId: string; authorizationCode: string }
  | { infoType: 'unauthorized'; authorizerAppId: string }
  | { infoType: 'other'; name: string };

/** What happened, for the edge's log (never a ticket or a token). */
export type PlatformEventOutcome =
  | { kind: 'ticket_kept' }
  | { kind: 'authorized' | 'updated' | 'revoked'; authorization: PublicAuthorization }
  | { kind: 'ignored'; reason: string };

export async function platformEventReceived(deps: PlatformDeps, event: PlatformEventInput): Promise<PlatformEventOutcome> {
  switch (event.infoType) {
    case 'component_verify_ticket':
      return keepTicket(deps, event.ticket, event.pushedAt);
    case 'authorized':
      return { kind: 'authorized', authorization: await completeAuthorization(deps, event.authorizationCode) };
    case 'updateauthorized':
      return authorizationChanged(deps, event.authorizerAppId, event.authorizationCode);
    case 'unauthorized':
      return revoke(deps, event.authorizerAppId);
    default:
      return { kind: 'ignored', reason: `InfoType ${event.name}` };
  }
}

/** The latest ticket wins: a push older than the one kept is a replay (validly signed once) and changes nothing. */
async function keepTicket(deps: PlatformDeps, ticket: string, pushedAt: number): Promise<PlatformEventOutcome> {
  const kept = await deps.platform.ticket();
  if (kept && pushedAt < kept.pushedAt) return { kind: 'ignored', reason: 'a ticket push older than the ticket kept' };
  await deps.platform.saveTicket({ ticket, receivedAt: deps.clock.now(), pushedAt });
  return { kind: 'ticket_kept' };
}

/** A change is a new authorization of the same account: new permissions, new refresh token. */
async function authorizationChanged(deps: PlatformDeps, appId: string, code: string): Promise<PlatformEventOutcome> {
  const known = await deps.platform.authorization(appId);
  const authorization = await completeAuthorization(deps, code);
  return known ? { kind: 'updated', authorization } : { kind: 'authorized', authorization };
}

async function revoke(deps: PlatformDeps, appId: string): Promise<PlatformEventOutcome> {
  const current = await deps.platform.authorization(appId);
  if (!current) return { kind: 'ignored', reason: 'unauthorized for an account that never authorized this platform' };
  if (current.state === 'revoked') return { kind: 'revoked', authorization: publicAuthorization(current) };
  const now = deps.clock.now();
  const revoked: Authorization = { ...current, state: 'revoked', revokedAt: now, updatedAt: now };
  await deps.platform.saveAuthorization(revoked);
  // The token died with the authorization; a later re-authorization brings a new one.
  const token = await deps.tokens.load(appId, 'authorizer');
  if (token) await deps.tokens.discard(appId, 'authorizer', token.token);
  return { kind: 'revoked', authorization: publicAuthorization(revoked) };
}
