// Temporary media (doc/service/api/material/temporary/api_uploadtempmedia): a media_id lives 3 days
// and belongs to one app. Mini programs may upload only images (40004). Sizes per the official-account
// doc; for mini programs the doc states none, so the emulator applies 2 MB (UNCONFIRMED, the safe side).
import type { ChannelKind } from '../core/channel';
import { EmulatorApiError } from './errors';
import { randomId, type RandomBytes } from './random';

export const MEDIA_LIFETIME_MS = 3 * 86_400_000;
const MB = 1024 * 1024;

const limits: Record<ChannelKind, Record<string, number>> = {
  miniprogram: { image: 2 * MB },
  official_account: { image: 10 * MB, voice: 2 * MB, video: 10 * MB, thumb: 64 * 1024 },
};

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
    const limit = limits[m.kind][m.type];
    if (limit === undefined) throw new EmulatorApiError(40004);
    if (m.data.length === 0) throw new EmulatorApiError(41005);
    if (m.data.length > limit) throw new EmulatorApiError(40006);
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
