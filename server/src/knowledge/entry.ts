// A knowledge entry: what the robot sends when a customer types its number or one of its keywords, or
// asks something close enough. The fields follow the 微擎 module's knowledge table (数字id, 关键字, 类型,
// 标题, 链接地址[小程序路径], 图片, 过期时间) so its users find what they know; `[name]`, `[id]` and
// `{br}` in the texts are replaced when the entry is sent.
import { z } from 'zod';
import type { ChannelKind } from '../core/channel';
import type { MediaUse } from '../core/media/media-rules';
import { ENTRY_TYPES, type EntryFields, type EntryType, type KnowledgeEntry } from '../core/ports/knowledge-store';

export { ENTRY_TYPES, type EntryFields, type EntryType, type KnowledgeEntry } from '../core/ports/knowledge-store';

/**
 * Where media comes from: `media:<id>` (bytes stored with the knowledge base) or an http(s) URL. It is
 * uploaded to WeChat as temporary media only when a message needs it (see media-resolver.ts).
 */
export const mediaSource = z
  .string()
  .min(1)
  .max(2000)
  .regex(/^(media:[A-Za-z0-9_-]{1,64}|https?:\/\/\S+)$/, 'media:<id> or an http(s) URL');
const keyword = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((k) => !k.includes('|'), 'a keyword may not contain |');
/** One line: CSV keeps an entry's similar questions in one cell, one per line. */
export const similarQuestion = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((q) => !/[\r\n]/.test(q), 'a similar question is one line');
const robotId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only');

/** The fields an admin writes (API, CLI, import); scope and timestamps are added by the service. */
export const entryFields = z.strictObject({
  number: z.int().min(1).max(999_999_999).describe('what a customer types to get this entry; unique in its scope'),
  keywords: z.array(keyword).max(50).default([]),
  similarQuestions: z
    .array(similarQuestion)
    .max(100)
    .default([])
    .describe('相似问法: other ways customers ask for this entry; the robot matches on them too'),
  type: z.enum(ENTRY_TYPES),
  /** text: the reply; link: unused; others: unused. */
  text: z.string().max(2000).optional(),
  leadText: z.string().max(300).optional().describe('link, miniprogram, image: a text sent just before (a caption, "点击下方卡片进入…")'),
  title: z.string().max(200).optional(),
  description: z.string().max(500).optional(),
  /** link: the web address. */
  url: z
    .string()
    .max(2000)
    .regex(/^https?:\/\/\S+$/, 'an http(s) URL')
    .optional(),
  /** miniprogram: the page path. */
  pagePath: z.string().max(500).optional(),
  /** miniprogram card sent from an official account: the mini program's AppID. */
  appId: z.string().max(64).optional(),
  /** image, voice, video: the media; miniprogram: the thumbnail; link: the picture (a URL WeChat fetches). */
  media: mediaSource.optional(),
  /** video: its thumbnail. */
  thumb: mediaSource.optional(),
  expiresAt: z.int().min(0).optional().describe('milliseconds since the epoch; not sent from then on'),
  enabled: z.boolean().default(true),
  robotIds: z.array(robotId).max(50).default([]).describe('robots that answer with it; empty: every robot'),
  welcome: z.boolean().default(false).describe('the 引导语 sent when a customer enters the chat'),
  handoff: z.boolean().default(false).describe('after sending it, hand the customer to a person (robot-first mode)'),
});

// The schema's output and the port's interface are the same type (the build fails if they drift apart).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const schemaMatchesPort: Same<z.output<typeof entryFields>, EntryFields> = true;

/** The types whose entries may carry a text sent before them. */
export const LEAD_TYPES: readonly EntryType[] = ['link', 'miniprogram', 'image'];

/**
 * What each type needs on a channel of `kind`; zod checks the shapes, this checks the combinations. A
 * mini program's link message requires title, description, url and thumb_url
 * (https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/kf-mgnt/kf-message/sendCustomMessage.html),
 * an official account's (a news article) only title and url; when the kind is unknown the description is
 * required all the same (the stricter reading). A mini program sends no voice or video. A disabled entry
 * is never sent: only its shape is checked, so an admin can always switch off an entry WeChat would refuse.
 */
export function entryProblems(e: EntryFields, kind?: ChannelKind): string[] {
  const need = (ok: unknown, what: string) => (ok ? [] : [`a ${e.type} entry needs ${what}`]);
  const sent = e.enabled;
  const mini = sent && kind === 'miniprogram';
  if (e.leadText !== undefined && !LEAD_TYPES.includes(e.type))
    return [`a ${e.type} entry has no leadText (link, miniprogram and image entries have)`];
  switch (e.type) {
    case 'text':
      return need(e.text, 'text');
    case 'link':
      return [
        ...need(e.title, 'a title'),
        ...(!sent || kind === 'official_account' ? [] : need(e.description?.trim(), 'a description (WeChat refuses a link without one)')),
        ...need(e.url, 'a url'),
        ...(mini ? need(e.media, 'a picture URL (media): a mini program’s link message requires one') : []),
        ...(e.media?.startsWith('media:') ? ['a link picture must be an http(s) URL (WeChat fetches it)'] : []),
      ];
    case 'image':
      return need(e.media, 'media');
    case 'voice':
      return mini ? ['a mini program cannot send voice messages (text, image, link and cards only)'] : need(e.media, 'media');
    case 'miniprogram':
      return [...need(e.title, 'a title'), ...need(e.pagePath, 'a pagePath'), ...need(e.media, 'a thumbnail (media)')];
    case 'video':
      if (mini) return ['a mini program cannot send video messages (text, image, link and cards only)'];
      return [...need(e.media, 'media'), ...need(e.thumb, 'a thumbnail (thumb)')];
  }
}

/** The entry's stored media and what WeChat receives them as: a video's thumb is a thumb (JPEG, 64 KB). */
export function mediaUsesOf(e: Pick<EntryFields, 'type'>): ReadonlyArray<readonly ['media' | 'thumb', MediaUse]> {
  switch (e.type) {
    case 'image':
    case 'miniprogram':
      return [['media', 'image']];
    case 'voice':
      return [['media', 'voice']];
    case 'video':
      return [
        ['media', 'video'],
        ['thumb', 'thumb'],
      ];
    default:
      return [];
  }
}

export const scopeKey = (channelId: string, merchantId: string | undefined) => `${channelId}\u0000${merchantId ?? ''}`;

export function isLive(e: KnowledgeEntry, now: number): boolean {
  return e.enabled && (e.expiresAt === undefined || now < e.expiresAt);
}
