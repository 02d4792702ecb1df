// Pictures agents upload to send (POST /channels/:channelId/media) and the media the browser loads back.
import { z } from 'zod';
import { MEDIA_RULES } from '../core/media/media-rules';
import { id } from './common';

/** WeChat's temporary image media (core/media/media-rules.ts): JPEG, PNG or GIF of at most 2 MB. */
export const MAX_PICTURE_BYTES = MEDIA_RULES.image.maxBytes;
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
  contentType: z
    .string()
    .regex(/^image\/[\w.+-]+$/, 'an image type')
    .describe('what the file says it is; its bytes decide: JPEG, PNG or GIF (WebP, BMP… answer unsupported_media_format)'),
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
