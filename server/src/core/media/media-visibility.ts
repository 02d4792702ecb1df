// Whether people working for a channel and merchant may see stored media: their own merchant's, and the
// platform's knowledge media, which the robot sends to every merchant's customers. Agents' uploads stay
// inside their merchant; media stored before owners were recorded belong to no one. Replies, knowledge
// entries and quick replies ask here before they name a picture.
import type { StoredMedia } from '../ports/knowledge-store';

export function mediaSeenFrom(
  media: Pick<StoredMedia, 'owner' | 'kind'>,
  at: { channelId: string; merchantId?: string | undefined },
): boolean {
  const owner = media.owner;
  if (!owner || owner.channelId !== at.channelId) return false;
  if ((owner.merchantId ?? '') === (at.merchantId ?? '')) return true;
  return media.kind !== 'reply' && owner.merchantId === undefined;
}
