// Who may do what with quick replies: an agent manages their own (personal) replies and reads their
// team's; admins manage their team's (a merchant admin their merchant's, a platform admin any merchant's
// or the platform team's) and never see an agent's own. Another's reply answers 404, as if absent.
import type { QuickReply, QuickReplyOwner } from '../../core/quick-replies/quick-reply';
import { mediaSeenFrom } from '../../core/media/media-visibility';
import { PLATFORM_TEAM, reaches } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { badRequest, forbidden, notFound } from '../errors';
import { channelInReach, workingMerchant } from '../admin/reach';
import type { QuickReplyDeps } from './quick-reply-deps';

export type QuickReplyScope = 'personal' | 'team';

/** The owner the caller works on for `scope` in `channelId` (the merchant chosen by platform admins). */
export async function ownerFor(
  deps: QuickReplyDeps,
  p: Principal,
  channelId: string,
  scope: QuickReplyScope,
  merchantId: string | undefined,
): Promise<QuickReplyOwner> {
  await channelInReach(deps, p, channelId);
  if (scope === 'personal') {
    if (p.role !== 'agent') throw forbidden('personal quick replies belong to agents; admins manage the team’s (scope=team)');
    return teamOf(channelId, p.merchantId, p.agentId);
  }
  const m = await workingMerchant(deps, p, channelId, merchantId === PLATFORM_TEAM ? undefined : merchantId);
  return teamOf(channelId, m);
}

/** The owner the caller may write to: agents only their own replies. */
export async function writableOwnerFor(
  deps: QuickReplyDeps,
  p: Principal,
  channelId: string,
  scope: QuickReplyScope,
  merchantId: string | undefined,
): Promise<QuickReplyOwner> {
  if (scope === 'team' && p.role === 'agent') throw forbidden('team quick replies are managed by admins');
  return ownerFor(deps, p, channelId, scope, merchantId);
}

export function teamOf(channelId: string, merchantId: string | undefined, agentId?: string): QuickReplyOwner {
  return { channelId, ...(merchantId !== undefined && { merchantId }), ...(agentId !== undefined && { agentId }) };
}

export function mayRead(p: Principal, r: QuickReply): boolean {
  if (r.agentId !== undefined) return p.role === 'agent' && p.agentId === r.agentId && reaches(p, r);
  return reaches(p, r);
}

/** Change it: the owner agent for a personal one, an admin in reach for a team one. */
export function mustManage(p: Principal, r: QuickReply): void {
  if (!mayRead(p, r)) throw notFound(`quick reply ${r.id}`);
  if (r.agentId === undefined && p.role === 'agent') throw forbidden('team quick replies are managed by admins');
}

export async function mustGetReadable(deps: QuickReplyDeps, p: Principal, id: string): Promise<QuickReply> {
  const r = await deps.replies.get(id);
  if (!r || !mayRead(p, r)) throw notFound(`quick reply ${id}`);
  return r;
}

/** A picture (or a card's) must be a stored image its owner's merchant may see, as for an agent's reply. */
export async function mustBeUsablePicture(deps: QuickReplyDeps, owner: QuickReplyOwner, source: string, field: string): Promise<void> {
  const media = await deps.media?.(source.replace(/^media:/, ''));
  if (!media) throw notFound(`${field}: media ${source}`);
  if (!mediaSeenFrom(media, owner)) throw forbidden(`${field}: ${source} belongs to another merchant`);
  if (!media.contentType.startsWith('image/')) throw badRequest(`${field}: ${source} is not a picture`);
}
