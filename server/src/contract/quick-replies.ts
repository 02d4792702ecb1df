// The schemas of the quick reply routes (快捷回复): the REST API, the CLI and the web app read them.
import { z } from 'zod';
import { QUICK_REPLY_TEXT_MAX, QUICK_REPLY_TITLE_MAX } from '../core/quick-replies/quick-reply';
import { epochMs, id } from './common';

const mediaSource = z.string().regex(/^media:[A-Za-z0-9_-]{1,64}$/, '"media:<id>" as POST /channels/:channelId/media answers');

export const quickReplyCard = z.strictObject({
  title: z.string().trim().min(1).max(64),
  pagePath: z.string().trim().min(1).max(500).describe('the mini program page the card opens'),
  thumbMedia: mediaSource.describe('the card’s picture'),
  appId: z
    .string()
    .regex(/^wx[0-9a-zA-Z]{4,30}$/, 'an AppID (wx…)')
    .optional()
    .describe('official accounts: the mini program’s AppID'),
});

export const quickReplyFields = z.strictObject({
  title: z.string().trim().min(1).max(QUICK_REPLY_TITLE_MAX).describe('what the agent types after / to find it; unique per owner'),
  text: z
    .string()
    .max(QUICK_REPLY_TEXT_MAX)
    .default('')
    .describe('placeholders as in the knowledge base: [name] the customer’s nickname, [id] their number, {br} a line break'),
  picture: mediaSource.optional().describe('a picture sent after the text'),
  card: quickReplyCard.optional().describe('a mini program card sent after the text'),
});

export const quickReplyScope = z
  .enum(['personal', 'team'])
  .describe('personal: the calling agent’s own; team: the merchant’s (platform: the platform team’s), managed by admins');

export const ownerQuery = z.strictObject({
  scope: quickReplyScope.default('team'),
  merchantId: id.optional().describe('platform admins: the merchant ("platform" or absent: the platform’s own team)'),
});

export const quickReplyCreate = quickReplyFields.extend({ scope: quickReplyScope.default('personal'), merchantId: id.optional() });

export const quickReply = z.object({
  id,
  channelId: id,
  merchantId: id.optional(),
  agentId: id.optional().describe('present: an agent’s personal reply'),
  title: z.string(),
  text: z.string(),
  picture: z.string().optional(),
  card: quickReplyCard.optional(),
  createdAt: epochMs,
  updatedAt: epochMs,
});

export const quickReplyParams = z.strictObject({ quickReplyId: id });

export const usableQuickReply = z.object({
  number: z.int().describe('the number `/q <n>` uses from WeChat'),
  reply: quickReply,
  rendered: z
    .object({ text: z.string().optional(), picture: z.string().optional(), card: quickReplyCard.optional() })
    .describe('as this conversation’s customer receives it, placeholders filled'),
});

export const MAX_QUICK_REPLY_IMPORT_BASE64 = 800_000;
export const quickReplyImportBody = z.strictObject({
  data: z.string().max(MAX_QUICK_REPLY_IMPORT_BASE64).describe('the CSV file: its text, or its bytes in base64 with encoding "base64"'),
  encoding: z.enum(['text', 'base64']).default('text').describe('base64: UTF-8 (with or without BOM) or GBK/GB18030 is detected'),
});
export const quickReplyImportAnswer = z.object({ added: z.int(), replaced: z.int() });
