// Agents who work in several channels with one login: the login is linked to one agent record per channel
// (its seats), and each request acts as the seat of the channel it touches, so every rule written for a
// one-channel agent (its queue, its conversations, its quick replies) holds unchanged. The channel comes
// from the request itself (the channel, conversation, customer or agent it names) and, for records that
// name none (a tag, a quick reply), from the channel the workbench says it is showing.
import type { UnitOfWork } from '../../core/ports/unit-of-work';
import { ApiError } from '../errors';
import type { Principal } from './principal';

/** What a request names that tells its channel; any may be missing. */
export interface SeatHint {
  channelId?: string | undefined;
  conversationId?: string | undefined;
  customerId?: string | undefined;
  agentId?: string | undefined;
  /** The channel the caller says it works in (the workbench's channel switcher), when nothing else tells. */
  preferredChannelId?: string | undefined;
}

/** The principal acting as its seat of `channelId`; unchanged when it has none there (the checks then refuse). */
export function actAs(p: Principal, channelId: string | undefined): Principal {
  if (p.role !== 'agent' || channelId === undefined || channelId === p.channelId) return p;
  const seat = p.seats?.find((s) => s.channelId === channelId);
  if (!seat) return p;
  const { merchantId: _previous, ...rest } = p;
  return {
    ...rest,
    agentId: seat.agentId,
    channelId: seat.channelId,
    ...(seat.merchantId !== undefined && { merchantId: seat.merchantId }),
  };
}

/** The channel a request touches, looked up only for a login with several seats (one read at most). */
async function channelOf(uow: UnitOfWork, p: Principal & { role: 'agent' }, hint: SeatHint): Promise<string | undefined> {
  const named = p.seats?.find((s) => s.agentId === hint.agentId);
  if (named) return named.channelId;
  if (hint.channelId !== undefined) return hint.channelId;
  const { conversationId, customerId } = hint;
  if (conversationId !== undefined) {
    const c = await uow.run((tx) => tx.conversations.get(conversationId));
    if (c) return c.channelId;
  }
  if (customerId !== undefined) {
    const c = await uow.run((tx) => tx.customers.get(customerId));
    if (c) return c.channelId;
  }
  return hint.preferredChannelId;
}

/** A request in a channel where the login's agent is archived, while its agents elsewhere still work. */
export const seatArchived = (channelId: string) =>
  new ApiError(403, 'seat_archived', `your agent in channel ${channelId} has been archived; work in another channel of yours`);

/**
 * The principal as it acts in this request: a several-seat agent becomes the agent of the request's
 * channel; a request in a channel whose agent is archived is refused (403 seat_archived).
 */
export async function actingPrincipal(uow: UnitOfWork, p: Principal, hint: SeatHint): Promise<Principal> {
  if (p.role !== 'agent' || ((p.seats?.length ?? 1) < 2 && !p.archivedChannels)) return p;
  const channelId = await channelOf(uow, p, hint);
  if (channelId !== undefined && p.archivedChannels?.includes(channelId)) throw seatArchived(channelId);
  return actAs(p, channelId);
}
