// What cgi-bin/message/custom/send accepts (wechat-protocol.md §4.2, §4.3): the message types of each
// kind of app, their required fields, and the media they reference. Unknown type → 40008; a type of
// the other kind (e.g. news on a mini program) → 45162; a malformed body → 47001; > 1 news article → 45008.
// A required field that is missing or empty ("") is a malformed body (47001): WeChat documents which
// fields are required (必填), not the code it answers for each; 47001 "data format error" is the one its
// send API answers for a body it cannot use (UNCONFIRMED per field).
// Required fields, per the pages:
// - mini programs, https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/kf-mgnt/kf-message/sendCustomMessage.html
//   (also .../api-backend/open-api/customer-message/customerServiceMessage.send.html): text.content;
//   image.media_id; link.title, link.description, link.url, link.thumb_url (all 是); miniprogrampage.title,
//   pagepath, thumb_media_id.
// - official accounts, https://developers.weixin.qq.com/doc/service/api/customer/message/api_sendcustommessage:
//   video.media_id and thumb_media_id (title, description optional); music.musicurl, hqmusicurl,
//   thumb_media_id; news articles' title and url; miniprogrampage.title, appid, pagepath, thumb_media_id.
import { z } from 'zod';
import type { ChannelKind } from '../core/channel';
import { EmulatorApiError } from './errors';

const str = z.string().min(1);
const mediaRef = z.object({ media_id: str });

const payloads = {
  text: z.object({ content: str }),
  image: mediaRef,
  voice: mediaRef,
  link: z.object({ title: str, description: str, url: str, thumb_url: str }),
  video: z.object({ media_id: str, thumb_media_id: str, title: z.string().optional(), description: z.string().optional() }),
  music: z.object({
    title: z.string().optional(),
    description: z.string().optional(),
    musicurl: str,
    hqmusicurl: str,
    thumb_media_id: str,
  }),
  news: z.object({
    articles: z.array(z.object({ title: str, description: z.string().optional(), url: str, picurl: z.string().optional() })).min(1),
  }),
  mpnews: mediaRef,
  mpnewsarticle: z.object({ article_id: str }),
  msgmenu: z.object({ head_content: z.string(), list: z.array(z.object({ id: str, content: str })).min(1), tail_content: z.string() }),
  wxcard: z.object({ card_id: str, card_ext: z.string().optional() }),
  miniprogrampage: z.object({ title: str, appid: str.optional(), pagepath: str, thumb_media_id: str }),
} as const;

type MsgType = keyof typeof payloads;

const allowed: Record<ChannelKind, readonly MsgType[]> = {
  miniprogram: ['text', 'image', 'link', 'miniprogrampage'],
  official_account: ['text', 'image', 'voice', 'video', 'music', 'news', 'mpnews', 'mpnewsarticle', 'msgmenu', 'wxcard', 'miniprogrampage'],
};

export interface ValidMessage {
  touser: string;
  msgtype: MsgType;
  payload: Record<string, unknown>;
  kfAccount?: string;
  /** Temporary media ids the message uses; each must be a live media of the app. */
  mediaIds: string[];
}

function isMsgType(t: unknown): t is MsgType {
  return typeof t === 'string' && Object.hasOwn(payloads, t);
}

export function parseCustomMessage(kind: ChannelKind, body: unknown): ValidMessage {
  if (typeof body !== 'object' || body === null) throw new EmulatorApiError(47001);
  const b = body as Record<string, unknown>;
  const msgtype = b.msgtype;
  if (!isMsgType(msgtype)) throw new EmulatorApiError(40008);
  if (!allowed[kind].includes(msgtype)) throw new EmulatorApiError(45162);
  if (typeof b.touser !== 'string' || b.touser === '') throw new EmulatorApiError(40003);
  const parsed = payloads[msgtype].safeParse(b[msgtype]);
  if (!parsed.success) throw new EmulatorApiError(47001);
  const payload = parsed.data as Record<string, unknown>;
  if (msgtype === 'news' && (payload.articles as unknown[]).length > 1) throw new EmulatorApiError(45008);
  // An official account names the mini program of its card; a mini program's card is its own.
  if (msgtype === 'miniprogrampage' && kind === 'official_account' && payload.appid === undefined) throw new EmulatorApiError(47001);
  const kf = (b.customservice as { kf_account?: unknown } | undefined)?.kf_account;
  return { touser: b.touser, msgtype, payload, ...(typeof kf === 'string' && { kfAccount: kf }), mediaIds: mediaIdsOf(msgtype, payload) };
}

function mediaIdsOf(msgtype: MsgType, p: Record<string, unknown>): string[] {
  // mpnews refers to permanent material, which the emulator does not model.
  if (msgtype === 'image' || msgtype === 'voice') return [p.media_id as string];
  if (msgtype === 'video') return [p.media_id as string, p.thumb_media_id as string];
  if (msgtype === 'music' || msgtype === 'miniprogrampage') return [p.thumb_media_id as string];
  return [];
}
