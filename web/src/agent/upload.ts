// Pictures for replies and cards go to the channel's media store first; the reply then names the media.
import { api, fileToBase64 } from '../api/client';
import type { MediaUpload, PictureUpload } from '../api/types';

/** The server's PICTURE_TYPES and MAX_PICTURE_BYTES (schemas/media.ts), checked here before uploading. */
export const IMAGE_TYPES: readonly PictureUpload['contentType'][] = ['image/png', 'image/jpeg', 'image/gif'];
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

export type ImageProblem = 'too_big' | 'wrong_type';

export function imageProblem(file: File): ImageProblem | undefined {
  if (!(IMAGE_TYPES as readonly string[]).includes(file.type)) return 'wrong_type';
  if (file.size > MAX_IMAGE_BYTES) return 'too_big';
  return undefined;
}

/** `merchantId`: platform admins name the conversation's merchant ('platform' for the platform team), so the picture belongs where the reply goes. */
export async function uploadImage(channelId: string, file: File, merchantId?: string): Promise<MediaUpload> {
  const query = merchantId === undefined ? '' : `?merchantId=${encodeURIComponent(merchantId)}`;
  const body: PictureUpload = {
    filename: file.name || 'image',
    contentType: file.type as PictureUpload['contentType'], // imageProblem() checked it
    base64: await fileToBase64(file),
  };
  return api.post<MediaUpload>(`/api/v1/channels/${encodeURIComponent(channelId)}/media${query}`, body);
}
