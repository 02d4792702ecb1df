// The authorizations for the console: every account that authorized the platform (platform admins), and
// one channel's authorization state (anyone who reaches the channel).
import type { Principal } from '../auth/principal';
import { channelInReach } from '../admin/reach';
import type { AdminDeps } from '../admin/admin-deps';
import { publicAuthorization, type PublicAuthorization } from './authorization-view';
import type { PlatformDeps } from './platform-deps';

export async function listAuthorizations(deps: Pick<PlatformDeps, 'platform'>): Promise<PublicAuthorization[]> {
  return (await deps.platform.authorizations()).map(publicAuthorization);
}

/** The channel's authorization, or null for a channel connected by developer authorization (AppSecret). */
export async function channelAuthorization(
  admin: AdminDeps,
  deps: Pick<PlatformDeps, 'platform'>,
  p: Principal,
  channelId: string,
): Promise<{ authorization: PublicAuthorization | null }> {
  await channelInReach(admin, p, channelId);
  const found = await deps.platform.authorizationOfChannel(channelId);
  return { authorization: found ? publicAuthorization(found) : null };
}
