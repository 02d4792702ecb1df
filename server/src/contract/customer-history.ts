// The customer's history (GET /customers/:customerId/conversations): their conversations, newest first,
// with those of the same person on the team's other channels (a verified UnionID on both records).
import { z } from 'zod';
import { epochMs, queryInt } from './common';
import { conversationListItem } from './conversation';

export const customerHistoryQuery = z.strictObject({
  limit: queryInt(1, 100).default(20),
  before: queryInt(0, Number.MAX_SAFE_INTEGER)
    .optional()
    .describe('only conversations created before this instant (ms): the previous page’s nextBefore'),
});

export const customerHistoryItem = conversationListItem.extend({
  linked: z.boolean().describe('true: the same person on another channel, linked by a verified UnionID on both records'),
});

export const customerHistory = z.object({
  items: z.array(customerHistoryItem),
  nextBefore: epochMs.optional(),
});
