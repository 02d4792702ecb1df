// Pictures agents upload to send (POST /channels/:channelId/media) and the media the browser loads back.
import { z } from 'zod';
import { id } from './common';

/** WeChat's temporary image media takes at most 2 MB (JPG, PNG; GIF is accepted too). */
export const MAX_PICTURE_BYTES = 2 * 1024 * 1024;
export const PICTURE_TYPES = ['image/jpeg', 'image/png', 'image/gif'] as const;
/** Base64 grows by 4/3; the rest of the JSON is a few hundred bytes. */
export const MAX_PICTURE_BODY_BYTES = Math.ceil(MAX_PICTURE_BYTES / 3) * 4 + 4096;

export const mediaQuery = z.strictObject({
  merchantId: id
    .optional()
    .describe(
      'platform admins: the merchant the picture is for ("platform" or absent: the platform’s team); others always upload for their own',
    ),
});

export const pictureUpload = z.strictObject({
  filename: z.string().trim().min(1).max(200),
  contentType: z.enum(PICTURE_TYPES),
  base64: z
    .base64()
    .min(1)
    .describe(`the picture, base64; at most ${MAX_PICTURE_BYTES / (1024 * 1024)} MiB once decoded`),
});

export const uploaded = z.object({
  media: z.string().describe('"media:<id>": what a reply’s image.media or card.thumbMedia takes'),
  url: z.string().describe('"/api/v1/media/<id>": where the browser shows it'),
});

export const mediaParams = z.strictObject({ mediaId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a media id (the part after "media:")') });
