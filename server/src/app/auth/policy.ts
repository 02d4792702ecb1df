// Who may do what. Route declarations name the roles a route family admits (403 for the others); the
// handlers then check each record against the caller's reach with these functions, so a merchant's
// people never read or act on another merchant's data (merchant isolation), and an agent only on its own channel.
// A supervisor reaches its merchant, or its whole channel when bound to no merchant, and administers nothing.
import type { Role } from '../../core/ports/auth';
import { forbidden } from '../errors';
import type { Principal, Scoped } from './principal';

/** The value of a `merchantId` filter that means the platform's own team (merchant ids are generated, never this). */
export const PLATFORM_TEAM = 'platform';

export function mustHaveRole(p: Principal, roles: readonly Role[]): void {
  if (!roles.includes(p.role)) throw forbidden(`role ${p.role} may not use this route`);
}

export function reaches(p: Principal, s: Scoped): boolean {
  if (p.role === 'platform_admin') return true;
  if (p.role === 'supervisor' && p.merchantId === undefined) return p.channelId === s.channelId;
  return p.channelId === s.channelId && (p.merchantId ?? '') === (s.merchantId ?? '');
}

/** A supervisor over a whole channel: it chooses among the channel's merchants as a platform admin does. */
const overChannel = (p: Principal) => p.role === 'supervisor' && p.merchantId === undefined;

/** Who picks the merchant it works on (in a channel it reaches) rather than having one: platform admins, channel supervisors. */
export const choosesMerchant = (p: Principal): boolean => p.role === 'platform_admin' || overChannel(p);

/** The caller's own merchant (undefined: the platform's team, or none for those who choose). */
export const ownMerchantOf = (p: Principal): string | undefined => (p.role === 'platform_admin' ? undefined : p.merchantId);

export function mustReach(p: Principal, s: Scoped, what: string): void {
  if (!reaches(p, s)) throw forbidden(`${what} is outside your merchant`);
}

export function mustReachChannel(p: Principal, channelId: string): void {
  if (p.role !== 'platform_admin' && p.channelId !== channelId) throw forbidden(`channel ${channelId} is not yours`);
}

/** Admins (platform, or the merchant's own) manage a merchant's agents, groups, calendars and settings. */
export function mustAdminister(p: Principal, s: Scoped, what: string): void {
  if (p.role === 'agent') throw forbidden('agents may not change this');
  if (p.role === 'supervisor') throw forbidden('supervisors may not change settings');
  mustReach(p, s, what);
}

/**
 * The merchant filter of a list: platform admins choose (none: every merchant; PLATFORM_TEAM: the
 * platform's own team), and so do supervisors over a whole channel, inside it; everyone else always gets their own merchant and may not ask for another.
 */
export function merchantFilter(
  p: Principal,
  channelId: string,
  requested: string | undefined,
): { merchantId: string | undefined } | undefined {
  if (p.role !== 'platform_admin') mustReachChannel(p, channelId);
  if (choosesMerchant(p)) {
    if (requested === undefined) return undefined;
    return { merchantId: requested === PLATFORM_TEAM ? undefined : requested };
  }
  const own = ownMerchantOf(p);
  const asked = requested === PLATFORM_TEAM ? undefined : requested;
  if (requested !== undefined && asked !== own) throw forbidden('you may only list your own merchant');
  return { merchantId: own };
}

/** The merchant a new record of `channelId` goes to: merchant admins always create inside their own. */
export function merchantForNew(p: Principal, channelId: string, requested: string | undefined): string | undefined {
  mustReachChannel(p, channelId);
  if (p.role === 'agent') throw forbidden('agents may not create this');
  if (p.role === 'supervisor') throw forbidden('supervisors may not create this');
  if (p.role === 'platform_admin') return requested;
  if (requested !== undefined && requested !== p.merchantId) throw forbidden('you may only create records of your own merchant');
  return p.merchantId;
}
