// What WeChat takes as temporary media, per use (image, voice, video, thumb) and kind of app, checked when
// media are saved (knowledge entries, agents' uploads) so that nothing stored fails for every customer at
// send time. The product's rules are WeChat's or stricter, never looser (the emulator holds WeChat's own):
// - https://developers.weixin.qq.com/doc/service/api/material/temporary/api_uploadtempmedia — image
//   PNG/JPEG/JPG/GIF (2 MB here: the page says both 2 MB and 10 MB), voice AMR/MP3 ≤ 2 MB and ≤ 60 s,
//   video MP4 ≤ 10 MB, thumb JPG ≤ 64 KB. WebP, BMP and PNG thumbs are refused.
// - https://developers.weixin.qq.com/miniprogram/dev/api-backend/open-api/customer-message/customerServiceMessage.uploadTempMedia.html
//   — a mini program uploads images only (its cards' thumbnails are images too).
// Nothing converts (a PNG thumb is not re-encoded as JPEG): the admin gets a clear refusal instead.
import type { ChannelKind } from '../channel';
import { CONTENT_TYPES, mediaFormatOf, voiceSecondsOf, type MediaFormat } from './media-format';

export type MediaUse = 'image' | 'voice' | 'video' | 'thumb';
export const MEDIA_USES = ['image', 'voice', 'video', 'thumb'] as const satisfies readonly MediaUse[];

/** The API's error codes for a refused file (the console shows each in Chinese or English). */
export type MediaRefusalCode = 'unsupported_media_format' | 'media_too_large' | 'media_too_long' | 'media_not_for_channel';

interface MediaRule {
  formats: readonly MediaFormat[];
  maxBytes: number;
  maxSeconds?: number;
  /** What WeChat takes, for the messages. */
  takes: string;
}

const KB = 1024;
const MB = 1024 * KB;

export const MEDIA_RULES: Record<MediaUse, MediaRule> = {
  image: { formats: ['jpeg', 'png', 'gif'], maxBytes: 2 * MB, takes: 'a JPEG, PNG or GIF picture of at most 2 MB' },
  voice: { formats: ['amr', 'mp3'], maxBytes: 2 * MB, maxSeconds: 60, takes: 'an AMR or MP3 voice of at most 2 MB and 60 s' },
  video: { formats: ['mp4'], maxBytes: 10 * MB, takes: 'an MP4 video of at most 10 MB' },
  thumb: { formats: ['jpeg'], maxBytes: 64 * KB, takes: 'a JPEG thumbnail of at most 64 KB' },
};

/** The uses each kind of app may upload: a mini program sends pictures only. */
export const MEDIA_USES_OF: Record<ChannelKind, readonly MediaUse[]> = {
  miniprogram: ['image'],
  official_account: MEDIA_USES,
};

/** A file WeChat would refuse; `code` says why, the message says what it takes. */
export class MediaRefused extends Error {
  override readonly name = 'MediaRefused';
  constructor(
    readonly code: MediaRefusalCode,
    message: string,
  ) {
    super(message);
  }
}

const NAMES: Record<MediaFormat, string> = {
  jpeg: 'a JPEG',
  png: 'a PNG',
  gif: 'a GIF',
  bmp: 'a BMP',
  webp: 'a WebP',
  amr: 'an AMR',
  mp3: 'an MP3',
  mp4: 'an MP4',
};
const sizeText = (n: number) => (n >= MB ? `${(n / MB).toFixed(1)} MB` : `${Math.ceil(n / KB)} KB`);

/** The use a file of this format is for when nothing else says (a picture: image). */
export function defaultUseOf(format: MediaFormat | undefined): MediaUse {
  return format === 'amr' || format === 'mp3' ? 'voice' : format === 'mp4' ? 'video' : 'image';
}

/**
 * Why WeChat would refuse `data` as `use` (on an app of `kind`, when known), or undefined. `what` names
 * the file in the message ("thumb", "the upload").
 */
export function mediaRefusal(data: Uint8Array, use: MediaUse, kind?: ChannelKind, what = 'the file'): MediaRefused | undefined {
  const rule = MEDIA_RULES[use];
  if (kind && !MEDIA_USES_OF[kind].includes(use))
    return new MediaRefused('media_not_for_channel', `${what}: a mini program can send pictures only, not ${use} media`);
  const format = mediaFormatOf(data);
  if (!format || !rule.formats.includes(format)) {
    const is = format ? `${NAMES[format]} file` : 'not a picture, voice or video WeChat knows';
    return new MediaRefused('unsupported_media_format', `${what} is ${is}; WeChat takes as ${use} ${rule.takes}`);
  }
  if (data.length > rule.maxBytes)
    return new MediaRefused('media_too_large', `${what} is ${sizeText(data.length)}; WeChat takes as ${use} ${rule.takes}`);
  const seconds = rule.maxSeconds !== undefined ? (voiceSecondsOf(data) ?? 0) : 0;
  if (rule.maxSeconds !== undefined && seconds > rule.maxSeconds)
    return new MediaRefused('media_too_long', `${what} lasts ${Math.ceil(seconds)} s; WeChat takes as ${use} ${rule.takes}`);
  return undefined;
}

/** The content type to store `data` with when it passes as `use`; throws MediaRefused otherwise. */
export function checkedContentType(data: Uint8Array, use: MediaUse, kind?: ChannelKind, what?: string): string {
  const refused = mediaRefusal(data, use, kind, what);
  if (refused) throw refused;
  return CONTENT_TYPES[mediaFormatOf(data) as MediaFormat];
}
