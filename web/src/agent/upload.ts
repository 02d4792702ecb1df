// Pictures for replies and cards go to the channel's media store first; the reply then names the media.
import { api, fileToBase64 } from '../api/client';
import type { MediaUpload } from './agent-types';

export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif'] as const;
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

export type ImageProblem = 'too_big' | 'wrong_type';

export function imageProblem(file: File): ImageProblem | undefined {
  if (!(IMAGE_TYPES as readonly string[]).includes(file.type)) return 'wrong_type';
  if (file.size > MAX_IMAGE_BYTES) return 'too_big';
  return undefined;
}

export async function uploadImage(channelId: string, file: File): Promise<MediaUpload> {
  return api.post<MediaUpload>(`/api/v1/channels/${encodeURIComponent(channelId)}/media`, {
    filename: file.name || 'image',
    contentType: file.type,
    base64: await fileToBase64(file),
  });
}
