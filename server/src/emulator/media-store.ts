// Temporary media: a media_id lives 3 days and belongs to one app. What an upload may be, per kind of app
// and media type, is WeChat's, checked on the file's own bytes (a PNG named .jpg is still a PNG):
// - official accounts, https://developers.weixin.qq.com/doc/service/api/material/temporary/api_uploadtempmedia
//   image PNG/JPEG/JPG/GIF, voice AMR/MP3 of at most 60 s and 2 MB, video MP4 of 10 MB, thumb JPG of 64 KB.
//   The page says both "图片2MB" (注意事项) and "图片(image): 10M"; the emulator takes the stricter 2 MB.
// - mini programs, https://developers.weixin.qq.com/miniprogram/dev/api-backend/open-api/customer-message/customerServiceMessage.uploadTempMedia.html
//   ("目前仅支持图片", anything else 40004); no size is stated: 2 MB like the official account (UNCONFIRMED).
// Codes: 40004 invalid media type (the `type`; wechat-protocol.md §4.5); 40005 invalid file type (the
// bytes) and 40006 invalid meida size, as WeChat's media uploads name them in
// https://developers.weixin.qq.com/doc/oplatform/openApi/OpenApiDoc/miniprogram-management/weapp-wxverify/secwxaapi_uploadauthmaterial.html
// (40005 from cgi-bin/media/upload itself: https://developers.weixin.qq.com/community/personal/oCJUsw1u5lQeLe8rR7p7831in_No/answer);
// a voice over 60 s also answers 40006 (WeChat states the limit, not its code: UNCONFIRMED); 41005 media data missing.
import type { ChannelKind } from '../core/channel';
import { mediaFormatOf, voiceSecondsOf, type MediaFormat } from '../core/media/media-format';
import { EmulatorApiError } from './errors';
import { randomId, type RandomBytes } from './random';

export const MEDIA_LIFETIME_MS = 3 * 86_400_000;
const MB = 1024 * 1024;

interface UploadRule {
  formats: readonly MediaFormat[];
  maxBytes: number;
  maxSeconds?: number;
}

const PICTURE: UploadRule = { formats: ['jpeg', 'png', 'gif'], maxBytes: 2 * MB };
const rules: Record<ChannelKind, Record<string, UploadRule>> = {
  miniprogram: { image: PICTURE },
  official_account: {
    image: PICTURE,
    voice: { formats: ['amr', 'mp3'], maxBytes: 2 * MB, maxSeconds: 60 },
    video: { formats: ['mp4'], maxBytes: 10 * MB },
    thumb: { formats: ['jpeg'], maxBytes: 64 * 1024 },
  },
};

/** Throws WeChat's errcode when the upload breaks the rule of its kind and type. */
function checkUpload(m: NewMedia): void {
  const rule = Object.hasOwn(rules[m.kind], m.type) ? rules[m.kind][m.type] : undefined;
  if (!rule) throw new EmulatorApiError(40004);
  if (m.data.length === 0) throw new EmulatorApiError(41005);
  const format = mediaFormatOf(m.data);
  if (!format || !rule.formats.includes(format)) throw new EmulatorApiError(40005);
  if (m.data.length > rule.maxBytes) throw new EmulatorApiError(40006);
  if (rule.maxSeconds !== undefined && (voiceSecondsOf(m.data) ?? 0) > rule.maxSeconds) throw new EmulatorApiError(40006);
}

export interface StoredMedia {
  mediaId: string;
  appId: string;
  type: string;
  data: Buffer;
  filename: string;
  contentType: string;
  createdAt: number;
  /** Who provided it: the app (upload) or a customer (an image they sent). */
  origin: 'upload' | 'customer';
}

export interface NewMedia {
  appId: string;
  kind: ChannelKind;
  type: string;
  data: Buffer;
  filename: string;
  contentType: string;
}

export class MediaStore {
  private readonly media = new Map<string, StoredMedia>();

  constructor(private readonly random: RandomBytes) {}

  add(m: NewMedia, now: number, origin: StoredMedia['origin']): StoredMedia {
    // A customer's own picture arrives as WeChat stored it; only the app's uploads are checked.
    if (origin === 'upload') checkUpload(m);
    this.forgetExpired(now);
    const stored: StoredMedia = { ...m, mediaId: randomId(this.random, 48), createdAt: now, origin };
    this.media.set(stored.mediaId, stored);
    return stored;
  }

  /** The media of `appId`; 40007 when unknown, expired or another app's. */
  get(appId: string, mediaId: unknown, now: number): StoredMedia {
    const m = typeof mediaId === 'string' ? this.media.get(mediaId) : undefined;
    if (!m || m.appId !== appId || now >= m.createdAt + MEDIA_LIFETIME_MS) throw new EmulatorApiError(40007);
    return m;
  }

  private forgetExpired(now: number): void {
    for (const [id, m] of this.media) if (now >= m.createdAt + MEDIA_LIFETIME_MS) this.media.delete(id);
  }
}
