// How `@3:2#` finds knowledge-base entry 2. compose.ts adapts the knowledge base (server/src/knowledge/)
// to this; absent means "no knowledge base".
// Called inside a unit of work: it must not open one itself (read a cache or its own store).
import type { MessageContent } from '../model/message';

/** `key`: the entry's number or one of its keywords (the seed allows both); `recipient` fills [name] and [id]. */
export type KnowledgeLookup = (
  scope: { channelId: string; merchantId?: string },
  key: string,
  recipient?: { id: string; nickname?: string },
) => Promise<MessageContent[] | undefined>;
