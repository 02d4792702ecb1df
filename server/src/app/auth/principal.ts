// Who is calling, once authenticated: the role and the part of the data it reaches. Merchant admins and
// agents reach one merchant (or the platform's own team, merchantId undefined, for platform-team agents)
// of one channel; supervisors one merchant of one channel, or (merchantId undefined) the whole channel;
// platform admins reach everything. An agent login linked to several agent records (one per channel) has
// them all as seats and acts, in each request, as the seat of the channel it touches (seats.ts).
import type { Role } from '../../core/ports/auth';

/** How the caller proved who it is; `operator`: the command line, run by whoever runs the server. */
export type Via = { kind: 'token'; tokenId: string } | { kind: 'session'; accountId: string; tokenHash: string } | { kind: 'operator' };

/** One agent record a login works as: the agent and where it lives. */
export interface AgentSeat {
  agentId: string;
  channelId: string;
  merchantId?: string;
}

export type Principal =
  | { role: 'platform_admin'; via: Via }
  | { role: 'merchant_admin'; channelId: string; merchantId: string; via: Via }
  | { role: 'supervisor'; channelId: string; merchantId?: string; via: Via }
  | {
      role: 'agent';
      channelId: string;
      merchantId?: string;
      agentId: string;
      seats?: readonly AgentSeat[];
      /** Channels where the login's agent is archived: no seat there, and requests there are refused (seats.ts). */
      archivedChannels?: readonly string[];
      via: Via;
    };

/** Where a record lives: every record the API serves has these two. */
export interface Scoped {
  channelId: string;
  merchantId?: string | undefined;
}

export type { Role };

/** The command line's caller: the operator of the server reaches everything, as a platform admin does. */
export const OPERATOR: Principal = { role: 'platform_admin', via: { kind: 'operator' } };

/** The public description of a principal (GET /me): no token, no hash. */
export function describePrincipal(p: Principal) {
  const via =
    p.via.kind === 'session'
      ? { kind: 'session' as const, accountId: p.via.accountId }
      : { kind: 'token' as const, ...(p.via.kind === 'token' && { tokenId: p.via.tokenId }) };
  if (p.role === 'platform_admin') return { role: p.role, via };
  if (p.role === 'merchant_admin') return { role: p.role, channelId: p.channelId, merchantId: p.merchantId, via };
  const merchant = p.merchantId !== undefined ? { merchantId: p.merchantId } : {};
  if (p.role === 'supervisor') return { role: p.role, channelId: p.channelId, ...merchant, via };
  const seats = (p.seats ?? [p]).map((s) => ({
    agentId: s.agentId,
    channelId: s.channelId,
    ...(s.merchantId !== undefined && { merchantId: s.merchantId }),
  }));
  return { role: p.role, channelId: p.channelId, ...merchant, agentId: p.agentId, seats, via };
}
