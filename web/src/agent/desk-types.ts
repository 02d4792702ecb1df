// Notes, tags and search results as the API gives them, inferred from the server's schemas (type-only).
import type { z } from 'zod';
import type * as desk from '../../../server/src/contract/desk';

export type Note = z.output<typeof desk.note>;
export type Tag = z.output<typeof desk.tag>;
export type SearchResult = z.output<typeof desk.searchResult>;
export type SearchItem = SearchResult['items'][number];
