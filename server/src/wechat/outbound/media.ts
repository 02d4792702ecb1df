// Temporary media (doc/service/api/material/temporary/api_uploadtempmedia and api_gettempmedia):
// upload is multipart/form-data with the file in field `media`; a media_id lives 3 days. Mini
// programs accept only type=image. Download answers the file, or JSON with errcode (40007) on failure.
import type { WeChatApi } from './api';
import type { BinaryResponse } from './client';
import { WeChatTransportError } from './errors';

export type MediaType = 'image' | 'voice' | 'video' | 'thumb';

export interface MediaFile {
  data: Uint8Array;
  filename: string;
  contentType: string;
}

export interface UploadedMedia {
  type: MediaType;
  mediaId: string;
  /** Unix seconds, as WeChat sends it. */
  createdAt: number;
}

export const MEDIA_UPLOAD_PATH = 'cgi-bin/media/upload';
export const MEDIA_GET_PATH = 'cgi-bin/media/get';

interface UploadResponse {
  type?: unknown;
  media_id?: unknown;
  thumb_media_id?: unknown;
  created_at?: unknown;
}

export async function uploadTempMedia(api: WeChatApi, type: MediaType, file: MediaFile): Promise<UploadedMedia> {
  const makeForm = () => {
    const form = new FormData();
    form.append('media', new Blob([file.data], { type: file.contentType }), file.filename);
    return form;
  };
  const res = await api.postForm<UploadResponse>(MEDIA_UPLOAD_PATH, makeForm, { type });
  // type=thumb answers thumb_media_id instead of media_id.
  const mediaId = res.media_id ?? res.thumb_media_id;
  if (typeof mediaId !== 'string' || typeof res.created_at !== 'number') {
    throw new WeChatTransportError(MEDIA_UPLOAD_PATH, 'upload response lacks media_id or created_at');
  }
  return { type, mediaId, createdAt: res.created_at };
}

export function downloadTempMedia(api: WeChatApi, mediaId: string): Promise<BinaryResponse> {
  return api.getBinary(MEDIA_GET_PATH, { media_id: mediaId });
}
