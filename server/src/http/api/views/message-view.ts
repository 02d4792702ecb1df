// A message as the API and the live stream show it: the stored message, plus where the browser loads the
// pictures of messages we sent. Outbound media are stored as references (knowledge/render.ts:
// `kbref:media:<id>` for our media store, `kbref:https://…` for an entry's web address) until the outbox
// sender uploads them to WeChat; a reference means nothing to a browser, so the view adds `url` (image,
// voice, video) or `thumbUrl` (mini program card, video) next to it. Inbound pictures keep WeChat's picUrl.
import type { Message, MessageContent } from '../../../core/model/message';
import { isMediaRef, sourceOf } from '../../../knowledge/render';

/** Where GET /api/v1/media/:mediaId serves our stored media. */
export const MEDIA_URL_PREFIX = '/api/v1/media/';

const STORED = 'media:';

/** The browser's address of a `media:<id>` source or an http(s) one; undefined for anything else. */
export function mediaUrlOf(source: string): string | undefined {
  if (source.startsWith(STORED)) return `${MEDIA_URL_PREFIX}${encodeURIComponent(source.slice(STORED.length))}`;
  return /^https?:\/\//.test(source) ? source : undefined;
}

/** The URL for a media_id field that still holds one of our references. */
function refUrl(mediaId: string | undefined): string | undefined {
  return isMediaRef(mediaId) ? mediaUrlOf(sourceOf(mediaId)) : undefined;
}

export type ContentView = MessageContent & { url?: string; thumbUrl?: string };

export function contentView(c: MessageContent): ContentView {
  switch (c.type) {
    case 'image':
    case 'voice': {
      const url = refUrl(c.mediaId);
      return url === undefined ? c : { ...c, url };
    }
    case 'miniprogrampage': {
      const thumbUrl = c.thumbUrl ?? refUrl(c.thumbMediaId);
      return thumbUrl === undefined ? c : { ...c, thumbUrl };
    }
    case 'video': {
      const url = refUrl(c.mediaId);
      const thumbUrl = refUrl(c.thumbMediaId);
      return { ...c, ...(url !== undefined && { url }), ...(thumbUrl !== undefined && { thumbUrl }) };
    }
    default:
      return c;
  }
}

export type MessageView = Omit<Message, 'content'> & { content: ContentView; wechatCreatedAt?: string };

/** WeChat's CreateTime (seconds, as sent) as an ISO time; undefined when it is not one. */
export function isoOfCreateTime(createTime: string | undefined): string | undefined {
  const seconds = createTime === undefined ? NaN : Number(createTime.trim());
  return Number.isSafeInteger(seconds) && seconds * 1000 <= 8.64e15 ? new Date(seconds * 1000).toISOString() : undefined;
}

/** Messages stored before numbers were kept as text hold numbers; the API always answers text. */
function locationAsText(c: MessageContent): MessageContent {
  if (c.type !== 'location' || typeof c.latitude === 'string') return c;
  return { ...c, latitude: String(c.latitude), longitude: String(c.longitude) };
}

export function messageView(m: Message): MessageView {
  // A push that waited in the inbox across the upgrade was parsed with CreateTime as a number.
  const createTime = m.wechatCreateTime === undefined ? undefined : String(m.wechatCreateTime);
  const at = isoOfCreateTime(createTime);
  return {
    ...m,
    ...(createTime !== undefined && { wechatCreateTime: createTime }),
    content: contentView(locationAsText(m.content)),
    ...(at !== undefined && { wechatCreatedAt: at }),
  };
}
