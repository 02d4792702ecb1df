// Schemas of the knowledge base routes. The entry's own fields are the domain's schema, so the
// API, the CLI and imports accept exactly the same entries.
import { z } from 'zod';
import { ENTRY_TYPES, entryFields } from '../knowledge/entry';
import { synonymGroups } from '../knowledge/synonym-groups';
import { MEDIA_USES } from '../core/media/media-rules';
import { id, queryInt } from './common';

export const entryNumber = z.coerce.number().int().min(1).max(999_999_999);
export const knowledgeParams = z.strictObject({ channelId: id });
export const entryParams = z.strictObject({ channelId: id, number: entryNumber });
export const scopeQuery = z.strictObject({
  merchantId: id.optional().describe('the merchant whose knowledge base; "platform" or absent: the platform’s (platform admins only)'),
});

export const entryCreate = entryFields.extend({ merchantId: id.optional() });
/** Any field but the number; null removes an optional one. */
export const entryPatch = z.strictObject(
  Object.fromEntries(
    Object.entries(entryFields.shape)
      .filter(([k]) => k !== 'number')
      .map(([k, v]) => [k, (v as z.ZodType).nullable().optional()]),
  ) as Record<string, z.ZodType>,
);

export const entry = entryFields.extend({
  channelId: z.string(),
  merchantId: z.string().optional(),
  updatedAt: z.int(),
  sendProblems: z
    .array(z.string())
    .optional()
    .describe('list only: why this stored entry would fail to send (saved before WeChat’s rules were checked, or its media changed)'),
});

export const exportQuery = scopeQuery.extend({ format: z.enum(['csv', 'json']).default('json') });
export const exportAnswer = z.object({ format: z.enum(['csv', 'json']), data: z.string() });
/** Imports as text keep their old limit; files sent as bytes may be up to 600 KB. */
export const MAX_IMPORT_TEXT = 200_000;
export const MAX_IMPORT_BASE64 = 800_000;
export const importBody = z.strictObject({
  format: z.enum(['csv', 'json']),
  data: z
    .string()
    .max(MAX_IMPORT_BASE64)
    .describe('the file: its text (at most 200,000 characters), or its bytes in base64 with encoding "base64"'),
  encoding: z
    .enum(['text', 'base64'])
    .default('text')
    .describe('base64: the file as it is on disk; UTF-8 (with or without BOM) or GBK/GB18030 is detected, anything else refused'),
  replace: z.boolean().default(false).describe('delete the entries the file does not contain'),
});
export const importAnswer = z.object({ imported: z.int() });

export const missesQuery = scopeQuery.extend({ limit: queryInt(1, 500).default(50) });
export const miss = z.object({ question: z.string(), count: z.int(), lastAt: z.int() });

export const robotSettings = z.strictObject({
  handoffAfterMisses: z.int().min(0).max(20).describe('unanswered questions in a row before the robot hands over to a person; 0: never'),
  threshold: z.number().min(0).max(1).describe('ranked answers scoring below this are not sent'),
});

export const similarQuestionBody = z.strictObject({
  question: z.string().trim().min(1).max(500).describe('e.g. an unanswered question; line breaks become spaces, cut to 200 characters'),
});

export const synonyms = z.strictObject({ groups: synonymGroups });
export const synonymsExport = z.object({ format: z.literal('csv'), data: z.string().describe('one group per line, one word per cell') });
export const synonymsImport = z.strictObject({ data: z.string().max(200_000).describe('CSV: one group per line, one word per cell') });

/** The optional semantic stage, per channel (set on the platform's settings; merchants' scopes use their channel's). */
const semanticFields = {
  enabled: z.boolean().describe('re-rank and recall with the embeddings endpoint; off by default'),
  url: z
    .string()
    .max(500)
    .regex(/^(https?:\/\/\S+)?$/, 'an http(s) URL')
    .describe('an OpenAI-compatible embeddings endpoint, e.g. https://api.example.com/v1/embeddings'),
  model: z.string().max(200),
  timeoutMs: z
    .int()
    .min(50)
    .max(2000)
    .describe(
      'how long the robot waits for the endpoint before answering lexically (it waits before the unit of work of the push, delaying that push: keep it short)',
    ),
};
export const semanticSettingsChange = z.strictObject({
  ...semanticFields,
  apiKey: z.string().max(1000).optional().describe('write-only: absent keeps the stored key, "" removes it; never returned'),
});
export const semanticSettingsView = z.object({ ...semanticFields, apiKeySet: z.boolean().describe('whether an API key is stored') });

export const robotSettingsChange = robotSettings.extend({
  semantic: semanticSettingsChange.optional().describe('platform admins, on the platform’s settings only'),
});
export const robotSettingsAnswer = z.object({
  ...robotSettings.shape,
  semantic: semanticSettingsView.optional().describe('absent when this server has no semantic stage'),
});

export const mediaUpload = z.strictObject({
  filename: z.string().min(1).max(200),
  contentType: z
    .string()
    .regex(/^(image|audio|video)\/[\w.+-]+$/, 'an image, audio or video type')
    .describe('what the file says it is; its bytes decide, and it is stored as what they are'),
  base64: z.string().min(1).max(190_000).describe('the file, base64 (at most ~140 KB through this route)'),
  use: z
    .enum(MEDIA_USES)
    .optional()
    .describe(
      'what WeChat will receive it as: image (JPEG/PNG/GIF ≤ 2 MB), voice (AMR/MP3 ≤ 2 MB, ≤ 60 s), video (MP4 ≤ 10 MB), thumb (a video’s: JPEG ≤ 64 KB); absent: by its format. A file WeChat would refuse answers unsupported_media_format, media_too_large, media_too_long or media_not_for_channel',
    ),
});
export const mediaAnswer = z.object({
  media: z.string().describe('"media:<id>": what an entry’s picture answer takes; GET /api/v1/media/<id> shows it'),
});

export const searchQuery = z.strictObject({
  q: z.string().trim().min(1).max(200).describe('a number, a keyword or a question'),
  limit: queryInt(1, 50).default(10),
  merchantId: id
    .optional()
    .describe('platform admins: whose knowledge base ("platform" or absent: the platform’s); others always search their own merchant’s'),
});

export const searchAnswer = z.object({
  items: z.array(
    z.object({
      number: z.int().describe('what reply’s knowledge.number takes'),
      question: z.string().describe('the entry’s title, else its keywords'),
      keywords: z.array(z.string()),
      preview: z.string().describe('what the customer would receive, shortened; [name]-style placeholders as written'),
      type: z.enum(ENTRY_TYPES),
    }),
  ),
});
