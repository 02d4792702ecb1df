// Report: how many conversations created in a range carry each of the merchant's tags (on the
// conversation or on its customer), for admins, beside the dashboard's counts.
import type { Principal } from '../auth/principal';
import { listTags } from './tags';
import { countConversations } from './search';
import type { DeskDeps } from './desk-deps';

export interface TagCount {
  tagId: string;
  name: string;
  color: string;
  conversations: number;
}

export async function countByTag(
  deps: DeskDeps,
  p: Principal,
  channelId: string,
  q: { merchantId?: string | undefined; from: number; to: number },
): Promise<TagCount[]> {
  const tags = await listTags(deps, p, channelId, q.merchantId);
  const counts: TagCount[] = [];
  for (const t of tags) {
    const filter = { merchantId: q.merchantId, tagId: t.id, from: q.from, to: q.to };
    counts.push({ tagId: t.id, name: t.name, color: t.color, conversations: await countConversations(deps, p, channelId, filter) });
  }
  return counts;
}
