// The console shows every date and time in the channel's time zone (its work calendar's, from the API:
// GET /channels/:channelId/time-zone), not the browser's or UTC, so that a supervisor abroad and the team
// read the same hours. Until the zone is known, and outside a channel, the browser's.
import { useEffect, useState, type ReactNode } from 'react';
import { api } from '../api/client';
import { TimeZoneProvider } from '../i18n/i18n';

export function ChannelTimeZone({ channelId, children }: { channelId: string | undefined; children: ReactNode }) {
  const [zone, setZone] = useState<{ channelId: string; timeZone: string }>();
  useEffect(() => {
    if (!channelId) return;
    const abort = new AbortController();
    api
      .get<{ timeZone: string }>(`/api/v1/channels/${encodeURIComponent(channelId)}/time-zone`, undefined, abort.signal)
      .then(({ timeZone }) => setZone({ channelId, timeZone }))
      // Not knowing the zone is no reason to show nothing: times stay in the browser's zone.
      .catch(() => undefined);
    return () => abort.abort();
  }, [channelId]);
  const timeZone = zone && zone.channelId === channelId ? zone.timeZone : undefined;
  return <TimeZoneProvider timeZone={timeZone}>{children}</TimeZoneProvider>;
}
