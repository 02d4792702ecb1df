// Lookups of stored media, which the knowledge base keeps: the record or 404, then the caller's reach or
// 403. The other records' lookups are the admin stories' (app/admin/reach.ts).
import type { Principal } from '../../../app/auth/principal';
import { mediaSeenFrom } from '../../../core/media/media-visibility';
import { choosesMerchant, reaches } from '../../../app/auth/policy';
import { forbidden, notFound } from '../../../app/errors';
import type { StoredMedia } from '../../../knowledge/knowledge-store';
import type { ApiContext } from '../api-context';

export { mediaSeenFrom };

/** Stored media the caller may see (404 when missing, 403 when another merchant's). */
export async function mediaInReach(ctx: ApiContext, p: Principal, id: string): Promise<StoredMedia> {
  const media = await ctx.knowledge?.media(id);
  if (!media) throw notFound(`media ${id}`);
  const seen =
    p.role === 'platform_admin' || mediaSeenFrom(media, p) || (media.owner !== undefined && choosesMerchant(p) && reaches(p, media.owner));
  if (!seen) throw forbidden(`media ${id} is outside your merchant`);
  return media;
}
