// Story: the console shows times in the channel's time zone, not the browser's or UTC: the zone of the
// work calendar the caller's routing settings name (a merchant's own, else the channel's), the same one
// the dashboard's "today" uses, or the server's zone when no calendar is named.
import type { Principal } from '../auth/principal';
import { lookUpSettings } from '../support/settings-lookup';
import type { AdminDeps } from './admin-deps';
import { channelInReach } from './reach';

export interface ChannelTimeZone {
  timeZone: string;
  /** 'calendar': a named work calendar's; 'server': none is named, the server's own. */
  source: 'calendar' | 'server';
}

export async function channelTimeZone(
  deps: Pick<AdminDeps, 'uow' | 'channels'> & { defaultTimeZone: string },
  p: Principal,
  channelId: string,
): Promise<ChannelTimeZone> {
  await channelInReach(deps, p, channelId);
  const merchantId = p.role === 'platform_admin' ? undefined : p.merchantId;
  const zone = await deps.uow.run(async (tx) => {
    const { calendarId } = await lookUpSettings(tx.settings, channelId, merchantId);
    return calendarId === undefined ? undefined : (await tx.calendars.get(calendarId))?.timeZone;
  });
  return zone === undefined ? { timeZone: deps.defaultTimeZone, source: 'server' } : { timeZone: zone, source: 'calendar' };
}
