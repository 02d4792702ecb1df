// The outbox sender's media hook for knowledge entries: a media reference (render.ts) becomes a
// temporary media_id of the channel's app, uploaded the first time it is needed and again once it is
// about to expire (3 days) or WeChat says 40007. The bytes come from the knowledge store (media:<id>) or
// from the entry's http(s) URL. Runs outside any unit of work, just before the send.
import type { ChannelKind } from '../core/channel';
import type { MessageContent } from '../core/model/message';
import { mediaRefusal } from '../core/media/media-rules';
import { MediaUnavailable, type MediaResolver } from '../core/ports/media';
import type { WeChatApi } from '../wechat/outbound/index';
import { uploadTempMedia, type MediaFile, type MediaType } from '../wechat/outbound/media';
import { WeChatApiError } from '../wechat/outbound/errors';
import type { KnowledgeStore } from './knowledge-store';
import { isMediaRef, sourceOf } from './render';

/** WeChat keeps a temporary media_id 3 days; we stop using ours an hour earlier. */
const REUSE_MS = 3 * 86_400_000 - 3_600_000;

interface Uploaded {
  mediaId: string;
  at: number;
}

/** The channel's app, as the outbox sender holds it: where the media are uploaded to. */
export interface MediaChannel {
  kind: ChannelKind;
  api: WeChatApi;
}

export interface KnowledgeMediaOptions {
  store: Pick<KnowledgeStore, 'media'>;
  now(): number;
  /** Downloads for http(s) sources; default global fetch. */
  fetch?: typeof fetch;
}

export class KnowledgeMediaResolver implements MediaResolver<MediaChannel> {
  private readonly cache = new Map<string, Promise<Uploaded>>();

  constructor(private readonly options: KnowledgeMediaOptions) {}

  async resolve(_channelId: string, channel: MediaChannel, content: MessageContent, fresh: boolean): Promise<MessageContent> {
    const id = (ref: string, type: MediaType) => this.mediaId(channel, ref, type, fresh);
    switch (content.type) {
      case 'image':
        return isMediaRef(content.mediaId) ? { ...content, mediaId: await id(content.mediaId, 'image') } : content;
      case 'miniprogrampage':
        return isMediaRef(content.thumbMediaId) ? { ...content, thumbMediaId: await id(content.thumbMediaId, 'image') } : content;
      case 'voice':
        return isMediaRef(content.mediaId) ? { ...content, mediaId: await id(content.mediaId, 'voice') } : content;
      case 'video': {
        if (!isMediaRef(content.mediaId) && !isMediaRef(content.thumbMediaId)) return content;
        const mediaId = isMediaRef(content.mediaId) ? await id(content.mediaId, 'video') : content.mediaId;
        const thumbMediaId = isMediaRef(content.thumbMediaId) ? await id(content.thumbMediaId, 'thumb') : content.thumbMediaId;
        return { ...content, mediaId, ...(thumbMediaId !== undefined && { thumbMediaId }) };
      }
      default:
        return content;
    }
  }

  private async mediaId(channel: MediaChannel, ref: string, type: MediaType, fresh: boolean): Promise<string> {
    const key = `${channel.api.appId}\u0000${type}\u0000${ref}`;
    const now = this.options.now();
    const cached = this.cache.get(key);
    if (cached && !fresh) {
      const got = await cached.catch(() => undefined);
      if (got && now - got.at < REUSE_MS) return got.mediaId;
    }
    // Concurrent sends of the same picture share one upload.
    const upload = this.upload(channel, sourceOf(ref), type, channel.kind);
    this.cache.set(key, upload);
    try {
      return (await upload).mediaId;
    } catch (err) {
      this.cache.delete(key);
      if (err instanceof WeChatApiError && err.kind !== 'busy' && err.kind !== 'rate_limited' && err.kind !== 'token_invalid') {
        throw new MediaUnavailable(`uploading ${sourceOf(ref)} failed: WeChat ${err.errcode} ${err.errmsg}`);
      }
      throw err;
    }
  }

  private async upload(channel: MediaChannel, source: string, type: MediaType, kind: ChannelKind): Promise<Uploaded> {
    if (kind === 'miniprogram' && type !== 'image') throw new MediaUnavailable(`a mini program can only send images, not ${type}`);
    const file = await this.load(source);
    // Stored before the checks at save, or a URL whose file changed: refused here rather than by WeChat.
    const refused = mediaRefusal(file.data, type, kind, source);
    if (refused) throw new MediaUnavailable(refused.message);
    const at = this.options.now();
    const up = await uploadTempMedia(channel.api, type, file);
    return { mediaId: up.mediaId, at };
  }

  private async load(source: string): Promise<MediaFile> {
    if (source.startsWith('media:')) {
      const m = await this.options.store.media(source.slice('media:'.length));
      if (!m) throw new MediaUnavailable(`knowledge media ${source} no longer exists`);
      return { data: m.data, filename: m.filename, contentType: m.contentType };
    }
    const res = await (this.options.fetch ?? fetch)(source, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new MediaUnavailable(`downloading ${source} failed: HTTP ${res.status}`);
    const data = new Uint8Array(await res.arrayBuffer());
    const filename = decodeURIComponent(new URL(source).pathname.split('/').pop() || 'media');
    return { data, filename, contentType: res.headers.get('content-type') ?? 'application/octet-stream' };
  }
}
