// What every admin screen works on: the channels this admin sees, the one chosen (kept across visits),
// and that channel's merchants; times below it in the channel's time zone. Platform admins pick any channel; a merchant admin has exactly theirs.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { api } from '../api/client';
import type { Channel, List, Merchant, Principal } from '../api/types';
import { ChannelTimeZone } from '../session/channel-time-zone';
import { useLastChannel } from '../session/last-channel';
import { usePrincipal } from '../session/session';
import { useLoad, type Loaded } from './use-load';

interface AdminContext {
  principal: Principal;
  isPlatform: boolean;
  channels: Loaded<Channel[]>;
  channelId: string | undefined;
  channel: Channel | undefined;
  setChannelId(id: string): void;
  merchants: Loaded<Merchant[]>;
}

const Context = createContext<AdminContext | undefined>(undefined);

export function AdminProvider({ children }: { children: ReactNode }) {
  const principal = usePrincipal();
  const isPlatform = principal.role === 'platform_admin';
  const channels = useLoad('channels', (signal) => api.get<List<Channel>>('/api/v1/channels', undefined, signal).then((l) => l.items));
  const [chosen, setChannelId] = useLastChannel();
  const items = channels.data;
  const channelId = useMemo(() => {
    if (!isPlatform) return principal.channelId;
    if (!items || items.length === 0) return undefined;
    return items.some((c) => c.id === chosen) ? chosen : items[0]?.id;
  }, [isPlatform, principal.channelId, items, chosen]);
  const channel = items?.find((c) => c.id === channelId);
  const merchants = useLoad(channelId, (signal) =>
    api.get<List<Merchant>>(`/api/v1/channels/${encodeURIComponent(channelId ?? '')}/merchants`, undefined, signal).then((l) => l.items),
  );

  const value = useMemo(
    () => ({ principal, isPlatform, channels, channelId, channel, setChannelId, merchants }),
    [principal, isPlatform, channels, channelId, channel, setChannelId, merchants],
  );
  return (
    <Context.Provider value={value}>
      <ChannelTimeZone channelId={channelId}>{children}</ChannelTimeZone>
    </Context.Provider>
  );
}

export function useAdmin(): AdminContext {
  const ctx = useContext(Context);
  if (!ctx) throw new Error('useAdmin outside AdminProvider');
  return ctx;
}

/** `/api/v1/channels/<id>` + rest, with the id escaped. */
export const channelPath = (channelId: string, rest = '') => `/api/v1/channels/${encodeURIComponent(channelId)}${rest}`;
