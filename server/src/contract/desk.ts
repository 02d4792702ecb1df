// The agent's desk in the API: internal notes, tags (the admin's list, and their use on conversations and
// customers), and conversation search. The web app imports these types instead of keeping a copy.
import { z } from 'zod';
import { NOTE_MAX_CHARS, TAG_NAME_MAX_CHARS, TAGS_PER_RECORD_MAX } from '../core/model/desk';
import { epochMs, id, name, queryInt } from './common';
import { conversationListItem, conversationState, message } from './conversation';

export const note = z.object({
  id,
  conversationId: id,
  author: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('agent'), agentId: id }),
    z.object({ kind: z.literal('admin'), name: z.string() }),
  ]),
  text: z.string(),
  createdAt: epochMs,
  transfer: z.boolean().optional().describe('written with a transfer, for the receiving agent'),
});
export const noteBody = z.strictObject({ text: z.string().min(1).max(NOTE_MAX_CHARS) });

const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb');
export const tag = z.object({ id, channelId: id, merchantId: id.optional(), name: z.string(), color, createdAt: epochMs });
export const tagCreate = z.strictObject({
  name: name.max(TAG_NAME_MAX_CHARS),
  color,
  merchantId: id.optional().describe('platform admins: the merchant ("platform" or absent: the platform’s team)'),
});
export const tagUpdate = z.strictObject({ name: name.max(TAG_NAME_MAX_CHARS).optional(), color: color.optional() });
export const tagIdsBody = z.strictObject({
  tagIds: z.array(id).max(TAGS_PER_RECORD_MAX),
  merchantId: id.optional().describe('customers, platform admins: whose tags ("platform" or absent: the platform’s team)'),
});
export const tagIds = z.object({ tagIds: z.array(id) });
export const merchantQuery = z.strictObject({ merchantId: id.optional().describe('platform admins: "platform" or a merchant id') });

const text = (what: string) => z.string().min(1).max(200).optional().describe(what);
export const searchQuery = z.strictObject({
  text: text('words in a message (Chinese too: a substring, no spaces needed), any ASCII case'),
  customerName: text('part of the customer’s nickname'),
  openid: text('the customer’s openid'),
  unionId: text('the customer’s UnionID (agents only where the channel shows agents UnionIDs)'),
  tagId: id.optional().describe('tagged so, on the conversation or its customer'),
  agentId: id.optional(),
  customerId: id.optional(),
  state: z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()))
    .pipe(z.array(conversationState).min(1))
    .optional()
    .describe('comma-separated states'),
  from: queryInt(0, Number.MAX_SAFE_INTEGER).optional().describe('created at or after (ms)'),
  to: queryInt(0, Number.MAX_SAFE_INTEGER).optional().describe('created before (ms)'),
  merchantId: id.optional().describe('"platform" for the platform’s own team'),
  limit: queryInt(1, 100).default(20),
  before: queryInt(0, Number.MAX_SAFE_INTEGER).optional().describe('the previous page’s nextBefore'),
});
export const searchResult = z.object({
  items: z.array(
    conversationListItem.extend({
      match: message.optional().describe('with `text`: the newest message saying it'),
      tagIds: z.array(id),
    }),
  ),
  nextBefore: epochMs.optional(),
});
export const tagCounts = z.object({
  items: z.array(z.object({ tagId: id, name: z.string(), color, conversations: z.int().min(0) })),
});
export const tagCountQuery = z.strictObject({
  from: queryInt(0, Number.MAX_SAFE_INTEGER).describe('created at or after (ms)'),
  to: queryInt(0, Number.MAX_SAFE_INTEGER).describe('created before (ms)'),
  merchantId: id.optional().describe('"platform" for the platform’s own team'),
});
