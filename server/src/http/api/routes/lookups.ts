// Lookups of stored media, which the knowledge base keeps: the record or 404, then the caller's reach or
// 403. The other records' lookups are the admin stories' (app/admin/reach.ts).
import type { Principal, Scoped } from '../../../app/auth/principal';
import { forbidden, notFound } from '../../../app/errors';
import type { StoredMedia } from '../../../knowledge/knowledge-store';
import type { ApiContext } from '../api-context';

/**
 * Whether people working for `at` (a channel and merchant) may see stored media: their own merchant's,
 * and the platform's knowledge media, which the robot sends to every merchant's customers. Agents'
 * uploads stay inside their merchant; media stored before owners were recorded belong to no one.
 */
export function mediaSeenFrom(media: StoredMedia, at: Scoped): boolean {
  const owner = media.owner;
  if (!owner || owner.channelId !== at.channelId) return false;
  if ((owner.merchantId ?? '') === (at.merchantId ?? '')) return true;
  return media.kind !== 'reply' && owner.merchantId === undefined;
}

/** Stored media the caller may see (404 when missing, 403 when another merchant's). */
export async function mediaInReach(ctx: ApiContext, p: Principal, id: string): Promise<StoredMedia> {
  const media = await ctx.knowledge?.media(id);
  if (!media) throw notFound(`media ${id}`);
  if (p.role !== 'platform_admin' && !mediaSeenFrom(media, p)) throw forbidden(`media ${id} is outside your merchant`);
  return media;
}
