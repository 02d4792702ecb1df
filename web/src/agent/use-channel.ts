// The inbox's channel: which channels the caller may switch between, the one chosen (the console's and the
// simulator's too: session/last-channel.ts),
// and the agent record the caller works as there.
import { useEffect, useState } from 'react';
import { api, ApiError, setWorkingChannel } from '../api/client';
import type { Channel, List, Principal } from '../api/types';
import { useLastChannel } from '../session/last-channel';
import { usePrincipal } from '../session/session';

/**
 * The channels the caller may switch between: any for platform admins, each of its agents' channels for an
 * agent of several channels; everyone else has exactly one. The choice is kept, and every request says it
 * (X-Kefu-Channel) so a several-channel agent acts as that channel's agent.
 */
export function useChannel(): {
  channelId: string | undefined;
  channels: Channel[];
  setChannelId(id: string): void;
  error: string | undefined;
} {
  const p = usePrincipal();
  const [channels, setChannels] = useState<Channel[]>([]);
  const [picked, setChannelId] = useLastChannel();
  const [error, setError] = useState<string>();
  const switches = switchesChannel(p);
  useEffect(() => {
    if (!switches) return;
    // Archived channels too: their conversations stay readable here.
    api.get<List<Channel>>('/api/v1/channels', { archived: 'include' }).then(
      (r) => setChannels(r.items),
      (err: unknown) => setError(err instanceof ApiError ? err.message : String(err)),
    );
  }, [switches]);
  const channelId = !switches ? p.channelId : p.role === 'agent' ? seatChannel(p, picked) : listed(channels, picked);
  useEffect(() => {
    setWorkingChannel(channelId);
    return () => setWorkingChannel(undefined);
  }, [channelId]);
  return { channelId, channels: switches ? channels : [], setChannelId, error };
}

/** A platform admin's pick, once the channels are listed (else the first of them). */
const listed = (channels: readonly Channel[], picked: string | undefined) =>
  channels.some((c) => c.id === picked) ? picked : channels[0]?.id;

/**
 * An agent's pick among its seats, known from the first render (no wait for the channel list), so the
 * status switch and the first requests already act as the agent of that channel; else its first seat.
 */
const seatChannel = (p: Principal, picked: string | undefined) => (p.seats?.some((s) => s.channelId === picked) ? picked : p.channelId);

const switchesChannel = (p: Principal) => p.role === 'platform_admin' || (p.seats?.length ?? 0) > 1;

/** The agent record the caller works as in `channelId`: its seat there (an agent of several channels) or its only one. */
export const agentIn = (p: Principal, channelId: string | undefined) =>
  p.seats?.find((s) => s.channelId === channelId)?.agentId ?? p.agentId;
