// How `@3:2#` finds knowledge-base entry 2. The knowledge base (issue 5, server/src/knowledge/) is built
// in parallel; until it is wired, this is injected (compose.ts) and absent means "no knowledge base".
// Called inside a unit of work: it must not open one itself (read a cache or its own store).
import type { MessageContent } from '../model/message';

export type KnowledgeLookup = (scope: { channelId: string; merchantId?: string }, key: string) => Promise<MessageContent[] | undefined>;
